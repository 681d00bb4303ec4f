from odoo import api, fields, models


class SocialAgreementFactor(models.Model):
    """The share of the full-time price a part-time place is billed at."""

    _name = "social.agreement.factor"
    _description = "Part-time Factor"
    _order = "agreement_id, min_days"

    agreement_id = fields.Many2one(
        "social.agreement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    min_days = fields.Integer("From Days a Week", required=True, default=1)
    max_days = fields.Integer("To Days a Week", required=True, default=7)
    percent = fields.Float(
        "Share of Full-time Price (%)", required=True, default=100.0, digits=(5, 2)
    )

    _days_sane = models.Constraint(
        "CHECK(min_days >= 0 AND max_days <= 7 AND min_days <= max_days)",
        "Part-time factors cover 0 to 7 days a week, from the smaller to the larger "
        "number.",
    )
    _percent_sane = models.Constraint(
        "CHECK(percent > 0 AND percent <= 100)",
        "A part-time factor is above 0 % and at most 100 %.",
    )

    @api.constrains("min_days", "max_days", "agreement_id")
    def _check_agreement_factors(self):
        self.agreement_id._check_factor_overlap()

    def _days_label(self):
        self.ensure_one()
        if self.min_days == self.max_days:
            return str(self.min_days)
        return f"{self.min_days}-{self.max_days}"
