from odoo import api, fields, models
from odoo.fields import Domain

MENTOR = "support_hours.support_hours_group_mentor"


class SupportSensitiveMixin(models.AbstractModel):
    """Records holding GDPR art. 9 data: who opens them is logged.

    Models list their restricted fields in ``_support_sensitive_fields``. Every time a
    user reads one of them, through any interface (web client forms and lists,
    XML-RPC/JSON-RPC ``read`` and ``search_read``, ``export_data``, a printed report),
    one line per record goes to ``support.access.log``. Reads that do not touch
    those fields are not logged, nor are the superuser's own reads in code.

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

    # ------------------------------------------------------------ access log
    # Every interface formats what it returns through ``_read_format``: the web
    # client (``web_read``, and ``web_search_read`` through it), XML-RPC and
    # JSON-RPC ``read`` and ``search_read``. ``export_data`` and report rendering
    # (``ir.actions.report``) read attribute by attribute, so they log on their own.
    # Code running as superuser (computes, ``sudo()`` reads) is not a person reading
    # the data and is not logged. The public methods are marked read-write: they
    # write the log, so they may not run on a read-only replica cursor.

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if result and not self.env.su:
            sensitive = self._get_sensitive_field_names(result[0])
            if sensitive:
                self.browse([vals["id"] for vals in result])._log_sensitive_access(
                    sensitive
                )
        return result

    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    read._readonly = False

    @api.model
    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs
    ):
        return super().search_read(
            domain=domain,
            fields=fields,
            offset=offset,
            limit=limit,
            order=order,
            **read_kwargs,
        )

    search_read._readonly = False

    def web_read(self, specification):
        return super().web_read(specification)

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

    web_search_read._readonly = False

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        if self and not self.env.su:
            names = {path.split("/")[0].split(".")[0] for path in fields_to_export}
            sensitive = self._get_sensitive_field_names(names)
            if sensitive:
                self._log_sensitive_access(sensitive)
        return result

    @api.model
    def _get_sensitive_field_names(self, field_names):
        """The restricted fields among ``field_names``, sorted."""
        return sorted(set(field_names) & set(self._support_sensitive_fields))

    def _log_sensitive_access(self, field_names):
        """Write one access-log line per record, in one INSERT (sudo: nobody may
        write the log; the lines name the user, the record, the person and the
        fields, never the values)."""
        if not self:
            return
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
