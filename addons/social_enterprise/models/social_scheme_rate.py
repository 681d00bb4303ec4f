from odoo import api, fields, models
from odoo.exceptions import ValidationError

RATE_TYPES = [
    ("hourly_subsidy", "Hourly subsidy (kr/h)"),
    ("refund_share", "Refund share of minimum wage (%)"),
    ("subsidy_cap_share", "Subsidy cap, share of wage cost (%)"),
    ("reference_day_rate", "Reference day rate (kr/day)"),
    ("reference_month_rate", "Reference month rate (kr/month)"),
    ("reference_hourly_price", "Reference hourly price (kr/h)"),
    ("minimum_wage", "Lowest collective hourly wage (kr/h)"),
    ("refund_wage_ceiling", "Maximum hourly wage base for refunds (kr/h)"),
]


class SocialSchemeRate(models.Model):
    """A dated rate of a scheme: the number in force on a given day."""

    _name = "social.scheme.rate"
    _description = "Scheme Rate"
    _order = "scheme_id, rate_type, date_from desc"

    scheme_id = fields.Many2one(
        "social.scheme", required=True, ondelete="cascade", index=True
    )
    rate_type = fields.Selection(RATE_TYPES, required=True)
    amount = fields.Float(required=True, digits=(16, 2))
    date_from = fields.Date("Valid From", required=True)
    date_to = fields.Date("Valid To")
    note = fields.Char(help="Source of the rate, e.g. the ministry's rate table.")
    employer_kind = fields.Selection(
        [("private", "Private employers"), ("public", "Public employers")],
        "Only For",
        help="Empty: the rate holds for every employer. Otherwise only for private or "
        "only for public employers (Configuration ▸ Public or Private Employer).",
    )

    _amount_positive = models.Constraint(
        "CHECK(amount >= 0)", "A scheme rate cannot be negative."
    )

    @api.constrains("scheme_id", "rate_type", "date_from", "date_to", "employer_kind")
    def _check_overlap(self):
        for rate in self:
            if rate.date_to and rate.date_to < rate.date_from:
                raise ValidationError(
                    self.env._("A rate's 'Valid To' cannot be before its 'Valid From'.")
                )
            domain = [
                ("id", "!=", rate.id),
                ("scheme_id", "=", rate.scheme_id.id),
                ("rate_type", "=", rate.rate_type),
                ("employer_kind", "=", rate.employer_kind),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", rate.date_from),
            ]
            if rate.date_to:
                domain.append(("date_from", "<=", rate.date_to))
            if self.search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "Scheme %(scheme)s already has a '%(type)s' rate valid in this "
                        "period: close the old rate (Valid To) before adding a new "
                        "one.",
                        scheme=rate.scheme_id.name,
                        type=dict(
                            self._fields["rate_type"]._description_selection(self.env)
                        )[rate.rate_type],
                    )
                )
