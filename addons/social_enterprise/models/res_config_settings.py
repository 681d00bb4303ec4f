from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ratio_per_small = fields.Integer(
        related="company_id.ratio_per_small", readonly=False
    )
    ratio_threshold = fields.Integer(
        related="company_id.ratio_threshold", readonly=False
    )
    ratio_per_large = fields.Integer(
        related="company_id.ratio_per_large", readonly=False
    )
