from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class SupportAssessmentInstrument(models.Model):
    """A progression instrument: dimensions scored on one scale (e.g. VUM 2.0, 0-4)."""

    _name = "support.assessment.instrument"
    _description = "Assessment Instrument"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    scale_min = fields.Integer("Scale From", required=True, default=1)
    scale_max = fields.Integer("Scale To", required=True, default=10)
    higher_is_better = fields.Boolean(
        default=True,
        help="Checked when a higher score means the person is doing better (e.g. "
        "1-10 outcome scales). VUM scores difficulties: there lower is better.",
    )
    dimension_ids = fields.One2many(
        "support.assessment.dimension", "instrument_id", "Dimensions", copy=True
    )
    level_ids = fields.One2many(
        "support.assessment.level", "instrument_id", "Scale Labels", copy=True
    )
    assessment_count = fields.Integer(compute="_compute_assessment_count")

    _code_unique = models.UniqueIndex("(code)", "The instrument code must be unique.")

    def _compute_assessment_count(self):
        counts = dict(
            self.env["support.assessment"]._read_group(
                [("instrument_id", "in", self.ids)], ["instrument_id"], ["__count"]
            )
        )
        for instrument in self:
            instrument.assessment_count = counts.get(instrument, 0)

    @api.depends("name", "scale_min", "scale_max")
    def _compute_display_name(self):
        for instrument in self:
            instrument.display_name = (
                f"{instrument.name} ({instrument.scale_min}-{instrument.scale_max})"
            )

    @api.constrains("scale_min", "scale_max")
    def _check_scale(self):
        for instrument in self:
            if instrument.scale_min >= instrument.scale_max:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the scale must go from a lower to a higher number "
                        "(got %(low)s to %(high)s).",
                        name=instrument.name,
                        low=instrument.scale_min,
                        high=instrument.scale_max,
                    )
                )
            outside = instrument.level_ids.filtered(
                lambda lvl, i=instrument: not i._in_scale(lvl.value)
            )
            if not outside:
                continue
            # sudo: whether any score uses these points, whoever may read it.
            used = (
                self.env["support.assessment.line"]
                .sudo()
                .search_count(
                    [
                        "|",
                        ("staff_level_id", "in", outside.ids),
                        ("self_level_id", "in", outside.ids),
                    ],
                    limit=1,
                )
            )
            if used:
                raise ValidationError(
                    self.env._(
                        "%(name)s: assessments hold scores outside %(low)s to "
                        "%(high)s; the scale cannot shrink below them.",
                        name=instrument.name,
                        low=instrument.scale_min,
                        high=instrument.scale_max,
                    )
                )

    def _in_scale(self, score):
        self.ensure_one()
        return self.scale_min <= score <= self.scale_max

    def _get_level(self, score):
        """The level record of ``score`` (created unlabelled if missing)."""
        self.ensure_one()
        level = self.level_ids.filtered(lambda lvl: lvl.value == score)[:1]
        if not level:
            level = (
                self.env["support.assessment.level"]
                .sudo()
                .create({"instrument_id": self.id, "value": score})
            )
        return level

    @api.onchange("scale_min", "scale_max")
    def _onchange_scale(self):
        if self.scale_min < self.scale_max:
            self._fill_levels()

    def _fill_levels(self):
        """Give every point of the scale a level record (labels are optional), so
        each score can be picked; unused points outside the scale are dropped."""
        for instrument in self:
            outside = instrument.level_ids.filtered(
                lambda lvl, i=instrument: not i._in_scale(lvl.value)
            )
            if outside:
                instrument.level_ids -= outside
            values = set(instrument.level_ids.mapped("value"))
            missing = [
                value
                for value in range(instrument.scale_min, instrument.scale_max + 1)
                if value not in values
            ]
            if missing:
                instrument.level_ids = [
                    Command.create({"value": value}) for value in missing
                ]

    def write(self, vals):
        res = super().write(vals)
        if {"scale_min", "scale_max"} & set(vals):
            self._fill_levels()
        return res

    def action_fill_scale(self):
        self._fill_levels()
        return True

    def action_view_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_hours.support_assessment_action"
        )
        action["domain"] = [("instrument_id", "=", self.id)]
        action["context"] = {"default_instrument_id": self.id}
        return action
