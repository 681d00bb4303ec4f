from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    social_billing_use_job_queue = fields.Boolean(
        related="company_id.social_billing_use_job_queue", readonly=False
    )
