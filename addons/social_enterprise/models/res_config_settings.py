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
    social_kiosk_show_names = fields.Boolean(
        related="company_id.social_kiosk_show_names", readonly=False
    )
    social_kiosk_use_pin = fields.Boolean(
        related="company_id.social_kiosk_use_pin", readonly=False
    )
    social_kiosk_grace_minutes = fields.Integer(
        related="company_id.social_kiosk_grace_minutes", readonly=False
    )
    social_kiosk_url = fields.Char("Kiosk Address", compute="_compute_social_kiosk_url")

    def _compute_social_kiosk_url(self):
        for settings in self:
            settings.social_kiosk_url = settings.company_id._get_social_kiosk_url()

    def action_renew_social_kiosk_token(self):
        self.company_id.action_renew_social_kiosk_token()
        return {"type": "ir.actions.client", "tag": "reload"}
