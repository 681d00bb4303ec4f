from odoo import fields, models


class SocialConsentPurpose(models.Model):
    """Something the enterprise may only do with a person's consent (data)."""

    _name = "social.consent.purpose"
    _description = "Consent Purpose"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code features check, e.g. named_reporting, kiosk_photo, "
        "employer_sharing, health_status_report.",
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(
        translate=True, help="What the person consents to, as told to them."
    )
    active = fields.Boolean(default=True)

    _code_unique = models.UniqueIndex("(code)", "A consent purpose code is unique.")
