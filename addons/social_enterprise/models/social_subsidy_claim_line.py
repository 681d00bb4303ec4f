from odoo import fields, models

CLAIM_TYPES = [
    ("hourly_subsidy", "Hourly subsidy"),
    ("refund", "Wage refund"),
]


class SocialSubsidyClaimLine(models.Model):
    """One person's part of a subsidy claim: hours, rate, cap and the amount."""

    _name = "social.subsidy.claim.line"
    _description = "Subsidy Claim Line"
    _order = "claim_id, placement_id"
    _check_company_auto = True

    claim_id = fields.Many2one(
        "social.subsidy.claim", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    placement_id = fields.Many2one(
        "social.placement",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    employee_id = fields.Many2one(
        related="placement_id.employee_id", store=True, string="Person"
    )
    scheme_id = fields.Many2one("social.scheme", required=True, ondelete="restrict")
    claim_type = fields.Selection(CLAIM_TYPES, required=True)
    hours = fields.Float(
        "Paid Hours",
        digits=(16, 2),
        help="Hours with wage, paid absence included, minus refunded hours: the "
        "basis of the claim (from the wage basis).",
    )
    attended_hours = fields.Float(
        digits=(16, 2),
        help="Hours in Attendances in the month: a plausibility check beside the "
        "paid hours, never the basis.",
    )
    wage_period_id = fields.Many2one(
        "social.wage.period", "Wage Basis", ondelete="restrict", index="btree_not_null"
    )
    employer_kind = fields.Selection(
        [("private", "Private employer"), ("public", "Public employer")]
    )
    rate = fields.Monetary(
        "Rate per Hour", help="Empty when the rate changed within the month."
    )
    gross_amount = fields.Monetary("Before Cap")
    hourly_cost = fields.Monetary(
        "Hourly Wage Cost",
        help="The wage cost of the month divided by the paid hours.",
    )
    wage_cost = fields.Monetary()
    cap_share = fields.Float("Cap (% of Wage Cost)", digits=(5, 2))
    cap_amount = fields.Monetary("Cap")
    cap_checked = fields.Boolean(default=True)
    amount = fields.Monetary("Claimed")
    person_ref = fields.Char("Person Reference")
    explanation = fields.Text()

    def _get_entry_label(self, month):
        self.ensure_one()
        return self.env._(
            "%(scheme)s, person ref. %(ref)s, %(hours)s h, %(month)s",
            scheme=self.scheme_id.name,
            ref=self.person_ref or self.placement_id.name,
            hours=self.hours,
            month=month,
        )
