from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

MENTOR = "support_hours.support_hours_group_mentor"

ASSESSMENT_STATES = [("draft", "Draft"), ("done", "Done")]


class SupportAssessment(models.Model):
    """One scoring of a person on an instrument, by staff and by the person.

    Lines hold the staff score and the person's own score side by side; their
    difference is computed, never merged into one number.
    """

    _name = "support.assessment"
    _description = "Assessment"
    _inherit = ["support.sensitive.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _support_sensitive_fields = ("line_ids", "note")

    employee_id = fields.Many2one("hr.employee", "Person", required=True, index=True)
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    instrument_id = fields.Many2one(
        "support.assessment.instrument",
        required=True,
        index=True,
        ondelete="restrict",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    assessor_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    plan_id = fields.Many2one(
        "support.plan",
        domain="[('employee_id', '=', employee_id)]",
        index="btree_not_null",
    )
    state = fields.Selection(
        ASSESSMENT_STATES, "Status", default="draft", required=True, copy=False
    )
    line_ids = fields.One2many(
        "support.assessment.line", "assessment_id", "Scores", copy=True
    )
    disagreement_count = fields.Integer(
        "Disagreements",
        compute="_compute_disagreement_count",
        store=True,
        help="Dimensions where the person's own score differs from the staff score.",
    )
    note = fields.Html(
        groups=MENTOR,
        copy=False,
        exportable=False,
        help="Restricted: support staff only, never exported.",
    )

    @api.depends("line_ids.difference", "line_ids.self_level_id")
    def _compute_disagreement_count(self):
        for assessment in self:
            assessment.disagreement_count = len(
                assessment.line_ids.filtered("has_disagreement")
            )

    @api.depends("employee_id", "instrument_id", "date")
    def _compute_display_name(self):
        for assessment in self:
            assessment.display_name = " - ".join(
                str(n)
                for n in (
                    assessment.employee_id.name,
                    assessment.instrument_id.name,
                    assessment.date,
                )
                if n
            )

    def _prepare_line_vals(self, dimensions):
        return [Command.create({"dimension_id": d.id}) for d in dimensions]

    @api.onchange("instrument_id")
    def _onchange_instrument_id(self):
        # Scores of another instrument mean nothing on this one: start afresh.
        self.line_ids = [Command.clear()] + self._prepare_line_vals(
            self.instrument_id.dimension_ids
        )

    @api.model_create_multi
    def create(self, vals_list):
        assessments = super().create(vals_list)
        # One line per dimension, also when created through the API without lines.
        for assessment in assessments:
            missing = (
                assessment.instrument_id.dimension_ids
                - assessment.line_ids.dimension_id
            )
            if missing:
                assessment.line_ids = assessment._prepare_line_vals(missing)
        return assessments

    @api.constrains("instrument_id", "line_ids")
    def _check_lines_instrument(self):
        for assessment in self:
            wrong = assessment.line_ids.filtered(
                lambda line, a=assessment: line.dimension_id.instrument_id
                != a.instrument_id
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "%(assessment)s: the dimension %(dimension)s belongs to "
                        "another instrument.",
                        assessment=assessment.display_name,
                        dimension=wrong[0].dimension_id.name,
                    )
                )
            dimensions = assessment.line_ids.dimension_id
            if len(dimensions) != len(assessment.line_ids):
                raise ValidationError(
                    self.env._(
                        "%(assessment)s: each dimension is scored once.",
                        assessment=assessment.display_name,
                    )
                )

    def action_done(self):
        for assessment in self:
            missing = assessment.line_ids.filtered(lambda line: not line.staff_level_id)
            if missing or not assessment.line_ids:
                raise UserError(
                    self.env._(
                        "%(assessment)s: give a staff score for every dimension "
                        "before closing (missing: %(dimensions)s).",
                        assessment=assessment.display_name,
                        dimensions=", ".join(missing.dimension_id.mapped("name"))
                        or "-",
                    )
                )
        self.write({"state": "done"})
        return True

    def action_reset_draft(self):
        self.write({"state": "draft"})
        return True
