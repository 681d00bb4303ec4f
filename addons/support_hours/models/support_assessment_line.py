from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SupportAssessmentLine(models.Model):
    """One dimension of an assessment: staff score and own score side by side.

    Scores are points of the instrument's scale (``support.assessment.level``), so an
    empty score is "not scored" rather than zero. The integer ``staff_score`` and
    ``self_score`` can be written too (imports, API): a number outside the scale is
    refused with a ValidationError.
    """

    _name = "support.assessment.line"
    _description = "Assessment Score"
    _order = "assessment_id, sequence, id"

    assessment_id = fields.Many2one(
        "support.assessment", required=True, index=True, ondelete="cascade"
    )
    dimension_id = fields.Many2one(
        "support.assessment.dimension", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="dimension_id.sequence", store=True)
    instrument_id = fields.Many2one(
        related="assessment_id.instrument_id", store=True, index=True
    )
    employee_id = fields.Many2one(
        related="assessment_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="assessment_id.company_id", store=True)
    date = fields.Date(related="assessment_id.date", store=True)
    state = fields.Selection(related="assessment_id.state", store=True)
    staff_level_id = fields.Many2one(
        "support.assessment.level",
        "Staff Score",
        domain="[('instrument_id', '=', instrument_id)]",
        ondelete="restrict",
    )
    self_level_id = fields.Many2one(
        "support.assessment.level",
        "Own Score",
        domain="[('instrument_id', '=', instrument_id)]",
        ondelete="restrict",
        help="The person's own score. Leave empty when the person did not score.",
    )
    staff_score = fields.Integer(
        "Staff Score Value",
        compute="_compute_staff_score",
        inverse="_inverse_staff_score",
        store=True,
        aggregator="avg",
    )
    self_score = fields.Integer(
        "Own Score Value",
        compute="_compute_self_score",
        inverse="_inverse_self_score",
        store=True,
        aggregator="avg",
    )
    difference = fields.Integer(
        compute="_compute_difference",
        store=True,
        aggregator="avg",
        help="Own score minus staff score; 0 when either is missing.",
    )
    has_disagreement = fields.Boolean(compute="_compute_difference", store=True)

    # One compute per score: writing one score must not block recomputing the other
    # or the difference (the ORM protects fields computed by the same method).
    @api.depends("staff_level_id.value")
    def _compute_staff_score(self):
        for line in self:
            line.staff_score = line.staff_level_id.value

    @api.depends("self_level_id.value")
    def _compute_self_score(self):
        for line in self:
            line.self_score = line.self_level_id.value

    @api.depends("staff_level_id.value", "self_level_id.value")
    def _compute_difference(self):
        for line in self:
            both = line.staff_level_id and line.self_level_id
            line.difference = (
                line.self_level_id.value - line.staff_level_id.value if both else 0
            )
            line.has_disagreement = bool(both) and line.difference != 0

    def _level_for(self, score, who):
        self.ensure_one()
        instrument = self.dimension_id.instrument_id
        if not instrument._in_scale(score):
            raise ValidationError(
                self.env._(
                    "%(dimension)s: the %(who)s %(score)s is outside the scale of "
                    "%(instrument)s (%(low)s to %(high)s).",
                    dimension=self.dimension_id.name,
                    who=who,
                    score=score,
                    instrument=instrument.name,
                    low=instrument.scale_min,
                    high=instrument.scale_max,
                )
            )
        return instrument._get_level(score)

    def _inverse_staff_score(self):
        for line in self:
            line.staff_level_id = line._level_for(
                line.staff_score, self.env._("staff score")
            )

    def _inverse_self_score(self):
        for line in self:
            line.self_level_id = line._level_for(
                line.self_score, self.env._("own score")
            )

    @api.constrains("staff_level_id", "self_level_id", "dimension_id")
    def _check_levels_in_scale(self):
        for line in self:
            instrument = line.dimension_id.instrument_id
            for level in line.staff_level_id | line.self_level_id:
                if level.instrument_id != instrument:
                    raise ValidationError(
                        self.env._(
                            "%(dimension)s: the score %(score)s is not on the scale "
                            "of %(instrument)s (%(low)s to %(high)s).",
                            dimension=line.dimension_id.name,
                            score=level.display_name,
                            instrument=instrument.name,
                            low=instrument.scale_min,
                            high=instrument.scale_max,
                        )
                    )
