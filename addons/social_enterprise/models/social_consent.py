from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

METHODS = [
    ("written", "Signed on paper"),
    ("digital", "Digitally (MitID or e-mail)"),
    ("oral", "Orally, noted by staff"),
]


class SocialConsent(models.Model):
    """A person's consent to one purpose: given on a day, perhaps withdrawn later.

    A consent is valid on a day when it was given on or before it and not withdrawn
    on or before it. Withdrawing never deletes the record: it is the proof of what
    was allowed when. Other code asks ``_has_consent`` or, for many people at once,
    ``_get_consenting_employees``.
    """

    _name = "social.consent"
    _description = "Consent"
    _order = "date_given desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", "Person", required=True, index=True)
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    purpose_id = fields.Many2one(
        "social.consent.purpose", required=True, index=True, ondelete="restrict"
    )
    date_given = fields.Date("Given On", required=True)
    method = fields.Selection(METHODS, "How Given", required=True, default="written")
    date_withdrawn = fields.Date("Withdrawn On")
    document = fields.Binary(attachment=True, copy=False)
    document_name = fields.Char()
    note = fields.Text()
    state = fields.Selection(
        [("given", "Given"), ("withdrawn", "Withdrawn")],
        compute="_compute_state",
        store=True,
    )

    @api.depends("date_withdrawn")
    def _compute_state(self):
        for consent in self:
            consent.state = "withdrawn" if consent.date_withdrawn else "given"

    @api.depends("employee_id", "purpose_id")
    def _compute_display_name(self):
        for consent in self:
            consent.display_name = " - ".join(
                n for n in (consent.employee_id.name, consent.purpose_id.name) if n
            )

    @api.constrains("date_given", "date_withdrawn")
    def _check_dates(self):
        for consent in self:
            if consent.date_withdrawn and consent.date_withdrawn < consent.date_given:
                raise ValidationError(
                    self.env._(
                        "Consent of %(person)s: withdrawn on %(withdrawn)s, before "
                        "it was given on %(given)s.",
                        person=consent.employee_id.name,
                        withdrawn=consent.date_withdrawn,
                        given=consent.date_given,
                    )
                )

    def action_withdraw(self):
        today = fields.Date.context_today(self)
        for consent in self.filtered(lambda c: not c.date_withdrawn):
            consent.date_withdrawn = max(today, consent.date_given)
        return True

    @api.model
    def _get_valid_domain(self, purpose_code, on_date):
        return Domain(
            [
                ("purpose_id.code", "=", purpose_code),
                ("date_given", "<=", on_date),
            ]
        ) & (
            Domain("date_withdrawn", "=", False)
            | Domain("date_withdrawn", ">", on_date)
        )

    @api.model
    def _get_consenting_employees(self, employees, purpose_code, on_date=None):
        """The people among ``employees`` with a valid consent to ``purpose_code``
        on ``on_date`` (today by default). One query for all of them."""
        on_date = on_date or fields.Date.context_today(self)
        # sudo: whether a consent exists, not its content; features that need it
        # (reports, the kiosk) run for users who do not manage consents.
        groups = self.sudo()._read_group(
            Domain("employee_id", "in", employees.ids)
            & self._get_valid_domain(purpose_code, on_date),
            ["employee_id"],
        )
        return employees.browse([employee.id for (employee,) in groups])

    @api.model
    def _has_consent(self, employee, purpose_code, on_date=None):
        """Whether ``employee`` has a valid consent to ``purpose_code`` on
        ``on_date`` (today by default)."""
        return bool(self._get_consenting_employees(employee, purpose_code, on_date))
