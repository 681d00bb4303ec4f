from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestPersonTimeline(SocialEnterpriseCase):
    """A person's way: dated capacity history, case-worker changes, meetings and
    steps forward, on one timeline, with continuity measures in fixed queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.flex = cls._placement(
            scheme_id=cls.scheme_flex.id,
            weekly_hours=20,
            work_capacity=50,
            date_start=date(2026, 1, 5),
        )
        cls.flex.action_activate()

    def _history(self, placement=None, kind=None):
        rows = (placement or self.flex).history_ids
        return rows.filtered(lambda r: r.kind == kind) if kind else rows

    def test_capacity_history_is_dated_and_a_step_forward(self):
        start = self._history(kind="start")
        self.assertEqual(start.date, date(2026, 1, 5))
        self.assertEqual((start.weekly_hours, start.work_capacity), (20, 50))
        self.assertEqual(start.effective_weekly_hours, 10)  # 20 h at 50 %
        # Capacity grows from 50 % to 60 % on 1 March: 10 → 12 effective hours.
        self.flex.with_context(history_date=date(2026, 3, 1)).work_capacity = 60
        change = self._history(kind="capacity")
        self.assertEqual(change.date, date(2026, 3, 1))
        self.assertEqual(
            (change.previous_work_capacity, change.work_capacity), (50, 60)
        )
        self.assertEqual(
            (change.previous_effective_weekly_hours, change.effective_weekly_hours),
            (10, 12),
        )
        self.assertTrue(change.is_step_forward)
        # Fewer hours is recorded too, but is no step forward.
        self.flex.with_context(history_date=date(2026, 4, 1)).weekly_hours = 15
        fewer = self._history(kind="capacity").filtered(
            lambda r: r.date == date(2026, 4, 1)
        )
        self.assertEqual(fewer.effective_weekly_hours, 9)  # 15 h at 60 %
        self.assertFalse(fewer.is_step_forward)
        # A draft placement writes no history.
        draft = self._placement(employee_id=self.person_b.id)
        draft.weekly_hours = 10
        self.assertFalse(draft.history_ids)

    def test_end_towards_flexjob_is_a_step_forward(self):
        placement = self._placement(
            employee_id=self.person_b.id, date_start=date(2026, 1, 5)
        )
        placement.action_activate()
        placement._end(date(2026, 6, 30), "transition", "flexjob")
        end = self._history(placement, "end")
        self.assertEqual((end.date, end.destination), (date(2026, 6, 30), "flexjob"))
        self.assertTrue(end.is_step_forward)

    def test_timeline_and_continuity(self):
        other_workers = self.env["res.partner"].create(
            [
                {"name": f"Sagsbehandler {i}", "parent_id": self.municipality.id}
                for i in range(5)
            ]
        )
        for day, worker in zip((2, 3, 4, 5, 6), other_workers, strict=True):
            self.flex.with_context(
                history_date=date(2026, day, 1)
            ).case_worker_id = worker
        self.env["social.placement.history"].create(
            {
                "placement_id": self.flex.id,
                "kind": "meeting",
                "date": date(2026, 6, 15),
                "note": "Status meeting",
            }
        )
        self.flex.with_context(history_date=date(2026, 7, 1)).work_capacity = 70
        measures = self.env["social.placement.history"]._get_continuity(
            self.person, date(2026, 1, 1), date(2026, 12, 31)
        )[self.person.id]
        self.assertEqual(measures["case_worker_changes"], 5)
        self.assertEqual(measures["meetings"], 1)
        # Six case workers (the first and five changes), the work supervisor and
        # the coordinator of the placement.
        self.assertEqual(self.flex.user_id, self.env.user)
        self.assertEqual(measures["contacts"], 8)
        self.assertEqual(measures["last_step"], date(2026, 7, 1))
        self.assertEqual(measures["days_since_step"], 183)  # 1 July to 31 December
        # The timeline lists the same events in date order for a coordinator.
        Timeline = self.env["social.person.timeline"].with_user(self.user_coordinator)
        rows = Timeline.search([("employee_id", "=", self.person.id)])
        self.assertEqual(
            rows.mapped("kind"),
            ["capacity", "meeting"] + ["case_worker"] * 5 + ["start"],
        )
        self.assertEqual(rows[0].summary, "20 → 20 h a week, capacity 50 → 70 %")
        self.assertIn("Sagsbehandler 4", rows[2].summary)
        # Ids are stable between a search and a read.
        self.assertEqual(Timeline.browse(rows.ids).mapped("kind"), rows.mapped("kind"))

    def test_supervisor_sees_the_team_only(self):
        other = self._placement(
            employee_id=self.person_b.id, date_start=date(2026, 1, 5)
        )
        other.action_activate()
        Timeline = self.env["social.person.timeline"].with_user(self.user_supervisor)
        people = Timeline.search([]).employee_id
        self.assertIn(self.person, people)
        self.assertNotIn(self.person_b, people)
        History = self.env["social.placement.history"].with_user(self.user_supervisor)
        with self.assertRaises(AccessError):
            History.create({"placement_id": self.flex.id, "kind": "meeting"})
        with self.assertRaises(AccessError):
            self.env["social.person.timeline"].with_user(self.user_plain).search([])

    def test_continuity_in_fixed_queries(self):
        History = self.env["social.placement.history"]

        def people(count):
            employees = self.env["hr.employee"].create(
                [{"name": f"Continuity {count} {i}"} for i in range(count)]
            )
            for employee in employees:
                self._placement(
                    employee_id=employee.id, date_start=date(2026, 1, 5)
                ).action_activate()
            return employees

        few, many = people(10), people(100)

        def queries(employees):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            History._get_continuity(employees, date(2026, 1, 1), date(2026, 12, 31))
            return self.cr.sql_log_count - before

        self.assertEqual(queries(few), queries(many))
        # Two aggregations of the history, one of the placements; support_hours
        # adds one for the sessions and one for the plan reviews.
        self.assertLessEqual(queries(many), 6)
