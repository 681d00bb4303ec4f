from odoo import fields, models


class SocialSchemeRate(models.Model):
    _inherit = "social.scheme.rate"

    rate_type = fields.Selection(
        selection_add=[("minimum_wage", "Lowest collective hourly wage (kr/h)")],
        ondelete={"minimum_wage": "cascade"},
    )
