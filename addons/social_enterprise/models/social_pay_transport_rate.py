from odoo import api, fields, models
from odoo.exceptions import ValidationError

RATE_KINDS = [
    ("public", "Public transport (fare per km)"),
    ("km", "Own vehicle (rate per km)"),
]


class SocialPayTransportRate(models.Model):
    """A dated transport rate and the rule of the participant's own share."""

    _name = "social.pay.transport.rate"
    _description = "Transport Rate (§103)"
    _order = "kind, date_from desc"

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(RATE_KINDS, required=True)
    rate_per_km = fields.Float("Rate per km", required=True, digits=(16, 2))
    own_km = fields.Float(
        "Own Share (km each way)",
        default=10.0,
        required=True,
        help="The participant pays this distance each way.",
    )
    max_share_percent = fields.Float(
        "Own Share at Most (%)",
        default=30.0,
        required=True,
        help="...but never more than this share of the month's net earnings.",
    )
    date_from = fields.Date("Valid From", required=True)
    date_to = fields.Date("Valid To")
    source = fields.Char(required=True)

    _rate_positive = models.Constraint(
        "CHECK(rate_per_km >= 0 AND own_km >= 0 AND max_share_percent >= 0 "
        "AND max_share_percent <= 100)",
        "Transport rates and shares cannot be negative.",
    )

    @api.constrains("kind", "date_from", "date_to")
    def _check_overlap(self):
        Wage = self.env["social.pay.trade.wage"]
        for rate in self:
            if rate.date_to and rate.date_to < rate.date_from:
                raise ValidationError(
                    self.env._("A rate's 'Valid To' cannot be before its 'Valid From'.")
                )
            if self.search_count(
                [
                    ("id", "!=", rate.id),
                    ("kind", "=", rate.kind),
                    ("company_id", "=", rate.company_id.id),
                ]
                + Wage._get_valid_domain(rate.date_from, rate.date_to or "9999-12-31"),
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "A '%(name)s' rate is already valid in this period: close it "
                        "(Valid To) first.",
                        name=rate.name,
                    )
                )

    @api.model
    def _get_at(self, kind, day, company):
        return self.search(
            [("kind", "=", kind), ("company_id", "=", company.id)]
            + self.env["social.pay.trade.wage"]._get_valid_domain(day),
            order="date_from desc",
            limit=1,
        )
