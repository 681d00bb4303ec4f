from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestPlan(SupportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scheme = cls.env.ref("social_enterprise.social_scheme_sheltered_103")
        cls.placement = cls.env["social.placement"].create(
            {
                "employee_id": cls.person.id,
                "scheme_id": cls.scheme.id,
                "municipality_id": cls.municipality.id,
                "date_start": date(2026, 1, 1),
                "weekly_hours": 20,
                "days_per_week": 4,
            }
        )

    def _plan(self, **vals):
        defaults = {
            "name": "Udviklingsplan",
            "employee_id": self.person.id,
            "date_from": date(2026, 1, 1),
            "responsible_id": self.user_mentor.id,
            "municipal_plan_ref": "HP-2026-17",
        }
        defaults.update(vals)
        return self.env["support.plan"].create(defaults)

    def test_municipality_follows_placement(self):
        plan = self._plan(placement_id=self.placement.id)
        self.assertEqual(plan.municipality_id, self.municipality)
        self.assertEqual(plan.display_name, "Person A - Udviklingsplan")

    def test_placement_of_another_person(self):
        with (
            self.assertRaisesRegex(ValidationError, "another person"),
            self.cr.savepoint(),
        ):
            self._plan(employee_id=self.person_b.id, placement_id=self.placement.id)

    def test_dates(self):
        with (
            self.assertRaisesRegex(ValidationError, "before it starts"),
            self.cr.savepoint(),
        ):
            self._plan(date_to=date(2025, 12, 1))

    @freeze_time("2026-05-10")
    def test_review_schedules_next(self):
        plan = self._plan(review_interval_months=6)
        plan.action_activate()
        self.assertEqual(plan.state, "active")
        with self.assertRaisesRegex(UserError, "Only draft"):
            plan.action_activate()
        plan.action_mark_reviewed()
        self.assertEqual(plan.last_review_date, date(2026, 5, 10))
        self.assertEqual(plan.next_review_date, date(2026, 11, 10))

    def test_goals_count_and_need_person(self):
        plan = self._plan(
            goal_ids=[
                Command.create({"name": "Take the bus alone", "state": "achieved"}),
                Command.create({"name": "Work 4 days", "need_id": self.need.id}),
            ]
        )
        self.assertEqual((plan.goal_count, plan.goal_achieved_count), (2, 1))
        with (
            self.assertRaisesRegex(ValidationError, "another person"),
            self.cr.savepoint(),
        ):
            plan.goal_ids[1].need_id = self.need_b
