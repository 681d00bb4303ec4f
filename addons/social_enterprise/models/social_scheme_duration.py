from odoo import fields, models

from .social_placement import TARGET_GROUPS
from .social_scheme import DURATION_UNITS


class SocialSchemeDuration(models.Model):
    """The length of a placement by target group and kind of employer, as dated data:
    praktik 4 / 8 / 13 weeks, public løntilskud 4 / 6 / 12 months by benefit group."""

    _name = "social.scheme.duration"
    _description = "Scheme Duration by Target Group"
    _order = "scheme_id, target_group"

    scheme_id = fields.Many2one(
        "social.scheme", required=True, ondelete="cascade", index=True
    )
    target_group = fields.Selection(TARGET_GROUPS)
    employer_kind = fields.Selection(
        [("private", "Private employers"), ("public", "Public employers")]
    )
    duration = fields.Integer(required=True)
    duration_unit = fields.Selection(DURATION_UNITS, required=True, default="month")
    note = fields.Char("Source")
