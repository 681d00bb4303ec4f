from odoo import api, fields, models
from odoo.fields import Domain

MENTOR = "support_hours.support_hours_group_mentor"


class SupportSensitiveMixin(models.AbstractModel):
    """Records holding GDPR art. 9 data: who opens them is logged.

    Models list their restricted fields in ``_support_sensitive_fields``. Every time the
    web client reads one of them (opening or saving a form), one line per record goes
    to ``support.access.log``. Lists that do not show those fields are not logged.

    The mixin also gives a searchable ``in_my_caseload`` flag for search filters: the
    person of the record is in the current user's caseload (see
    ``hr.employee._search_support_caseload_user_ids``).
    """

    _name = "support.sensitive.mixin"
    _description = "Sensitive Support Record"

    _support_sensitive_fields = ()
    _support_person_field = "employee_id"

    in_my_caseload = fields.Boolean(
        compute="_compute_in_my_caseload",
        search="_search_in_my_caseload",
        help="The person is in my caseload: I am responsible for one of their needs "
        "or plans, or I am their coach.",
    )

    @api.depends_context("uid")
    def _compute_in_my_caseload(self):
        caseload = self._get_caseload_employees()
        for record in self:
            record.in_my_caseload = record[self._support_person_field] in caseload

    def _search_in_my_caseload(self, operator, value):
        if operator != "in":
            return NotImplemented
        if True in value and False in value:
            return Domain.TRUE
        ids = self._get_caseload_employees().ids
        return Domain(
            self._support_person_field, "in" if True in value else "not in", ids
        )

    @api.model
    def _get_caseload_employees(self):
        # sudo: the ids of the people in the user's own caseload, nothing else; the
        # caseload search goes through needs and plans the user may not read all of.
        return (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search([("support_caseload_user_ids", "in", self.env.uid)])
        )

    def web_read(self, specification):
        result = super().web_read(specification)
        sensitive = sorted(set(specification) & set(self._support_sensitive_fields))
        if sensitive and self.ids and not self.env.su:
            self._log_sensitive_access(sensitive)
        return result

    # Reading restricted fields writes the access log: not a read-only request.
    web_read._readonly = False

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        return super().web_search_read(
            domain,
            specification,
            offset=offset,
            limit=limit,
            order=order,
            count_limit=count_limit,
        )

    # A list showing restricted fields is logged too (web_read above).
    web_search_read._readonly = False

    def _log_sensitive_access(self, field_names):
        """Write one access-log line per record (sudo: nobody may write the log)."""
        person_field = self._support_person_field
        self.env["support.access.log"].sudo().create(
            [
                {
                    "user_id": self.env.uid,
                    "res_model": self._name,
                    "res_id": record.id,
                    "employee_id": record.sudo()[person_field].id,
                    "field_names": ", ".join(field_names),
                }
                for record in self
            ]
        )
