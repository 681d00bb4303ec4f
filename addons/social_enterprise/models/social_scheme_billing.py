from odoo import fields, models

CAP_PERIODS = [("month", "Each month"), ("year", "Over 12 months")]


class SocialScheme(models.Model):
    _inherit = "social.scheme"

    subsidy_cap_period = fields.Selection(
        CAP_PERIODS,
        default="month",
        required=True,
        help="Over which period the subsidy cap (a share of the wage cost) is "
        "counted: skånejob each month, løntilskud over a year.",
    )
