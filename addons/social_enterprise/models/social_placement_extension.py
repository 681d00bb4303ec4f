from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .social_scheme import DURATION_UNITS


class SocialPlacementExtension(models.Model):
    """An extension of a placement beyond its scheme's length, decided on a date for
    a reason: the only way past the limit (editing the end date past it is refused).
    Kept small so the case worker's authorisations can link to it."""

    _name = "social.placement.extension"
    _description = "Placement Extension"
    _order = "placement_id, date"
    _check_company_auto = True

    placement_id = fields.Many2one(
        "social.placement", required=True, index=True, ondelete="cascade",
        check_company=True,
    )  # fmt: skip
    company_id = fields.Many2one(related="placement_id.company_id", store=True)
    date = fields.Date("Decided On", required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)
    duration = fields.Integer(required=True)
    duration_unit = fields.Selection(DURATION_UNITS, required=True, default="month")

    _duration_positive = models.Constraint(
        "CHECK(duration > 0)", "An extension lasts at least one week or month."
    )

    @api.constrains("placement_id", "duration", "duration_unit")
    def _check_scheme_allows(self):
        for extension in self:
            placement = extension.placement_id
            scheme = placement.scheme_id
            if not scheme.extension_duration:
                raise ValidationError(
                    self.env._(
                        "The scheme %(scheme)s cannot be extended.", scheme=scheme.name
                    )
                )
            count = len(placement.extension_ids)
            if scheme.max_extensions and count > scheme.max_extensions:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the scheme %(scheme)s allows %(n)s extension(s).",
                        name=placement.display_name,
                        scheme=scheme.name,
                        n=scheme.max_extensions,
                    )
                )
