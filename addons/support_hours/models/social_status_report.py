from odoo import fields, models
from odoo.fields import Domain

from odoo.addons.social_enterprise.tools import report_text


class SocialStatusReport(models.Model):
    """The support parts of a status report: goals and their review, progression
    per dimension (staff and own rating side by side), support given and, where the
    report may contain health details, the support needs.

    The drafting reads these with sudo: the writer drafts the report of a person in
    their caseload, and only the lines put into the report are read.
    """

    _inherit = "social.status.report"

    support_hours = fields.Float(
        "Support Given (hours)", readonly=True, digits=(16, 2), copy=False
    )

    def _get_placeholder_names(self):
        return [
            *super()._get_placeholder_names(),
            "goals",
            "progression",
            "support_hours",
            "support_needs",
        ]

    def _get_support_period_domain(self, date_field="date"):
        self.ensure_one()
        return Domain(
            [
                ("employee_id", "=", self.employee_id.id),
                (date_field, ">=", self.date_from),
                (date_field, "<=", self.date_to),
            ]
        )

    def _get_report_figures(self):
        figures = super()._get_report_figures()
        # sudo: the sum of the hours delivered, as in the support hours analysis.
        groups = (
            self.env["support.session"]
            .sudo()
            ._read_group(self._get_support_period_domain(), [], ["duration:sum"])
        )
        figures["support_hours"] = round(groups[0][0] or 0.0, 2)
        return figures

    def _get_goals_text(self):
        """One line per goal of the plans running in the period."""
        self.ensure_one()
        goals = (
            self.env["support.plan.goal"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("plan_id.date_from", "<=", self.date_to),
                    "|",
                    ("plan_id.date_to", "=", False),
                    ("plan_id.date_to", ">=", self.date_from),
                ]
            )
        )
        states = dict(goals._fields["state"]._description_selection(self.env))
        lines = []
        for goal in goals:
            line = f"- {goal.name}: {states[goal.state]}"
            if goal.review_date:
                line += self.env._(
                    " (reviewed %(date)s)",
                    date=fields.Date.to_string(goal.review_date),
                )
            if goal.result:
                line += f". {goal.result}"
            lines.append(line)
        return "\n".join(lines) or self.env._("No goals in the period.")

    def _get_progression_text(self):
        """Per dimension: the first and the last finished assessment of the period,
        the staff score and the person's own score side by side."""
        self.ensure_one()
        lines = (
            self.env["support.assessment.line"]
            .sudo()
            .search(
                [
                    *self._get_support_period_domain(),
                    ("state", "=", "done"),
                ],
                order="date, id",
            )
        )
        by_dimension = {}
        for line in lines:
            by_dimension.setdefault(line.dimension_id, []).append(line)

        def score(line, who):
            return line[f"{who}_score"] if line[f"{who}_level_id"] else "-"

        texts = []
        for dimension, scores in by_dimension.items():
            first, last = scores[0], scores[-1]
            texts.append(
                self.env._(
                    "- %(dimension)s: staff %(staff_first)s → %(staff_last)s, "
                    "own rating %(self_first)s → %(self_last)s",
                    dimension=dimension.name,
                    staff_first=score(first, "staff"),
                    staff_last=score(last, "staff"),
                    self_first=score(first, "self"),
                    self_last=score(last, "self"),
                )
            )
        return "\n".join(texts) or self.env._("No assessment in the period.")

    def _get_support_needs_text(self):
        """Health details: only called when the report may contain them."""
        self.ensure_one()
        if not self.include_health:
            return ""
        needs = (
            self.env["support.need"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("date_from", "<=", self.date_to),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", self.date_from),
                ]
            )
        )
        return "\n".join(
            f"- {need.category_id.name}: {need.accommodation or ''}".rstrip(": ")
            for need in needs
        )

    def _get_report_values(self, figures):
        values = super()._get_report_values(figures)
        values.update(
            goals=self._get_goals_text(),
            progression=self._get_progression_text(),
            support_hours=report_text.number(figures.get("support_hours", 0.0)),
            support_needs=self._get_support_needs_text(),
        )
        return values
