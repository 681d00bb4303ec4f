"""Loader of the placement sample data (demo/social_placement_demo.xml calls it)."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools import demo_people


class SocialPlacementDemo(models.AbstractModel):
    _name = "social.placement.demo"
    _description = "Placement Sample Data Loader"

    @api.model
    def _demo_load(self):
        """Bring the sample placements of demo/social_placement_demo.xml to life.

        The records hold the people and their placements as data; this ends those that
        lie in the past through the ordinary ending path (the transition follow-ups
        follow), answers the follow-ups already due and adds a year of attendance.
        Called once from the demo data; deterministic for a given day.
        """
        today = fields.Date.context_today(self)
        Placement = self.env["social.placement"]
        placements = Placement.browse(
            self.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "social_enterprise"),
                    ("model", "=", Placement._name),
                    ("name", "=like", "social_placement_%_demo"),
                ],
                order="name",
            )
            .mapped("res_id")
        )
        for placement in placements:
            if placement.date_end and placement.date_end < today:
                placement._end(
                    placement.date_end,
                    placement.end_reason or "completed",
                    placement.destination,
                )
        self._demo_generate_attendance(
            placements.filtered(lambda p: p.scheme_id.exclusive), today
        )
        self._demo_answer_followups(placements, today)
        Placement._cron_schedule_followups()
        return placements

    @api.model
    def _demo_answer_followups(self, placements, today):
        """Answer the transition follow-ups already due, as a coordinator would have."""
        answers = ["yes_same", "yes_same", "yes_other", "no", "yes_same", "unknown"]
        due = placements.transition_followup_ids.filtered(lambda f: f.date_due <= today)
        for i, followup in enumerate(due.sorted("id")):
            followup.write(
                {
                    "answer": answers[i % len(answers)],
                    "date_answered": followup.date_due,
                }
            )

    @api.model
    def _demo_generate_attendance(self, placements, today):
        window_start = today - relativedelta(months=12)
        window_end = today - relativedelta(days=1)
        vals_list = []
        for placement in placements:
            for check_in, check_out in demo_people.attendance_slots(
                placement.employee_id.name,
                placement.date_start,
                placement.date_end,
                placement.weekly_hours,
                placement.days_per_week,
                window_start,
                window_end,
            ):
                vals_list.append(
                    {
                        "employee_id": placement.employee_id.id,
                        "check_in": check_in,
                        "check_out": check_out,
                    }
                )
        self.env["hr.attendance"].with_context(tracking_disable=True).create(vals_list)
