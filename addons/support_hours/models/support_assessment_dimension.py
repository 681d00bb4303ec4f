from odoo import fields, models


class SupportAssessmentDimension(models.Model):
    """One life area or theme an instrument scores (e.g. 'Wellbeing')."""

    _name = "support.assessment.dimension"
    _description = "Assessment Dimension"
    _order = "instrument_id, sequence, id"

    instrument_id = fields.Many2one(
        "support.assessment.instrument",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _code_unique = models.UniqueIndex(
        "(instrument_id, code) WHERE code IS NOT NULL",
        "A dimension code must be unique within its instrument.",
    )
