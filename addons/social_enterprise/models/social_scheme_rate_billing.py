from odoo import fields, models


class SocialSchemeRate(models.Model):
    _inherit = "social.scheme.rate"

    rate_type = fields.Selection(
        selection_add=[
            ("minimum_wage", "Lowest collective hourly wage (kr/h)"),
            ("refund_wage_ceiling", "Maximum hourly wage base for refunds (kr/h)"),
        ],
        ondelete={"minimum_wage": "cascade", "refund_wage_ceiling": "cascade"},
    )
    employer_kind = fields.Selection(
        [("private", "Private employers"), ("public", "Public employers")],
        "Only For",
        help="Empty: the rate holds for every employer. Otherwise only for private or "
        "only for public employers (Configuration ▸ Public or Private Employer).",
    )
