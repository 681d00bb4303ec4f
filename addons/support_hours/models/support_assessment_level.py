from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SupportAssessmentLevel(models.Model):
    """One point of an instrument's scale and its label (e.g. 2 = 'Moderate')."""

    _name = "support.assessment.level"
    _description = "Assessment Scale Point"
    _order = "instrument_id, value"

    instrument_id = fields.Many2one(
        "support.assessment.instrument",
        required=True,
        index=True,
        ondelete="cascade",
    )
    value = fields.Integer("Score", required=True)
    name = fields.Char("Label", translate=True)

    _value_unique = models.UniqueIndex(
        "(instrument_id, value)", "Each score appears once in a scale."
    )

    @api.depends("value", "name")
    def _compute_display_name(self):
        for level in self:
            level.display_name = (
                f"{level.value} - {level.name}" if level.name else str(level.value)
            )

    @api.constrains("value", "instrument_id")
    def _check_in_scale(self):
        for level in self:
            if not level.instrument_id._in_scale(level.value):
                raise ValidationError(
                    self.env._(
                        "%(score)s is outside the scale of %(instrument)s "
                        "(%(low)s to %(high)s).",
                        score=level.value,
                        instrument=level.instrument_id.name,
                        low=level.instrument_id.scale_min,
                        high=level.instrument_id.scale_max,
                    )
                )
