from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

ANCHORS = [
    ("end", "The day the last placement and support ended"),
    ("fiscal_year_end", "The end of the financial year of that day"),
]


class SocialRetentionRule(models.Model):
    """How long one category of personal data is kept, dated and with its source.

    A category (``code``) has one rule in force on any day; a rule that changes gets
    an end date and a successor, and a person whose data became due under the old
    rule keeps it: the rule is chosen on the day the retention starts (the end of
    the person's last placement and support). Municipal agreements may require a
    longer retention for the people they place (``social.agreement``).
    """

    _name = "social.retention.rule"
    _description = "Retention Rule"
    _order = "code, date_from desc, id desc"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        index=True,
        help="The category of data: support (health data: notes, need descriptions, "
        "assessment comments), identity (name, CPR, private contact data), "
        "access_log (the log of who read health data).",
    )
    months = fields.Integer(
        required=True, help="Months the data is kept after the anchor day."
    )
    anchor = fields.Selection(ANCHORS, required=True, default="end")
    date_from = fields.Date("Valid From", required=True)
    date_to = fields.Date("Valid To")
    source = fields.Char(
        required=True,
        help="The law, agreement or policy the period comes from.",
    )
    note = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    @api.constrains("date_from", "date_to", "code", "months")
    def _check_dates(self):
        for rule in self:
            if rule.months < 0:
                raise ValidationError(
                    self.env._(
                        "Retention rule %(rule)s: a retention period cannot be "
                        "negative.",
                        rule=rule.name,
                    )
                )
            if rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(
                    self.env._(
                        "Retention rule %(rule)s ends before it starts.",
                        rule=rule.name,
                    )
                )
            domain = Domain([("id", "!=", rule.id), ("code", "=", rule.code)]) & (
                Domain("date_to", "=", False) | Domain("date_to", ">=", rule.date_from)
            )
            if rule.date_to:
                domain &= Domain("date_from", "<=", rule.date_to)
            if self.search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "Another retention rule for %(code)s is in force during "
                        "this period: give it an end date first.",
                        code=rule.code,
                    )
                )

    @api.model
    def _get_valid_domain(self, on_date):
        return Domain("date_from", "<=", on_date) & (
            Domain("date_to", "=", False) | Domain("date_to", ">=", on_date)
        )

    @api.model
    def _get_rule(self, code, on_date):
        """The rule for ``code`` in force on ``on_date`` (an empty recordset if
        none)."""
        # sudo: the rules are reference data any privacy step needs, not personal.
        return self.sudo().search(
            Domain("code", "=", code) & self._get_valid_domain(on_date),
            order="date_from desc, id desc",
            limit=1,
        )

    def _get_due_date(self, start, company, months=None):
        """The day from which data whose retention started on ``start`` may go.

        Example: 60 months from the end of the financial year, the last placement
        ended on 10 March 2026, a calendar financial year: 31 December 2026 plus 60
        months is 31 December 2031, so the data may go from 1 January 2032.
        """
        self.ensure_one()
        anchor = start
        if self.anchor == "fiscal_year_end":
            anchor = company.compute_fiscalyear_dates(start)["date_to"]
        months = self.months if months is None else months
        return anchor + relativedelta(months=months, days=1)
