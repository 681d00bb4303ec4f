from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestFollowup(SocialEnterpriseCase):
    def _activities(self, records):
        return self.env["mail.activity"].search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        )

    def test_skaanejob_after_6_then_every_12_months(self):
        placement = self._placement(
            scheme_id=self.scheme_skaane.id,
            date_start=date(2025, 1, 15),
            user_id=self.user_coordinator.id,
        )
        placement.action_activate()
        with freeze_time("2025-06-20"):
            self.Placement._cron_schedule_followups()
            self.Placement._cron_schedule_followups()  # idempotent
        activities = self._activities(placement)
        self.assertEqual(activities.mapped("date_deadline"), [date(2025, 7, 15)])
        self.assertEqual(activities.user_id, self.user_coordinator)
        self.assertNotIn(placement.employee_id.name, activities.summary)
        with freeze_time("2026-06-20"):
            self.Placement._cron_schedule_followups()
        self.assertEqual(
            sorted(self._activities(placement).mapped("date_deadline")),
            [date(2025, 7, 15), date(2026, 7, 15)],
        )
        with freeze_time("2026-06-21"):
            self.Placement._cron_schedule_followups()
        self.assertEqual(len(self._activities(placement)), 2)

    def test_rhythms_from_scheme_data(self):
        cases = {
            self.scheme_103: date(2026, 9, 1),  # twice a year
            self.scheme_104: date(2027, 3, 1),  # yearly
            self.scheme_flex: date(2028, 9, 1),  # after 2½ years, then every 2½
            self.scheme_mentor: date(2026, 9, 1),  # 6-month renewal
        }
        for scheme, expected in cases.items():
            placement = self.Placement.new(
                {"scheme_id": scheme.id, "date_start": date(2026, 3, 1)}
            )
            self.assertEqual(placement._next_review_after(date(2026, 3, 1)), expected)

    def test_work_placement_maximum(self):
        placement = self._placement(
            scheme_id=self.scheme_praktik.id,
            date_start=date(2026, 1, 5),
            date_end=date(2026, 4, 5),
            weekly_hours=20,
            target_group="other",
        )
        placement.action_activate()
        with freeze_time("2026-06-10"):
            self.Placement._cron_schedule_followups()
            self.Placement._cron_schedule_followups()
        activity = self._activities(placement)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2026, 4, 5))  # 13 weeks
        self.assertIn("maximum duration", activity.summary)

    def test_transition_followups_and_retention(self):
        placements = self.Placement
        for i, destination in enumerate(("ordinary_job", "education", "dropout")):
            employee = self.env["hr.employee"].create({"name": f"T{i}"})
            placement = self._placement(employee_id=employee.id)
            placement.action_activate()
            placement._end(date(2026, 6, 30), "transition", destination)
            placements |= placement
        followups = placements.transition_followup_ids
        self.assertEqual(len(followups), 6, "no follow-up after a dropout")
        self.assertEqual(
            sorted(set(followups.mapped("date_due"))),
            [date(2026, 9, 30), date(2026, 12, 30), date(2027, 6, 30)],
        )
        with freeze_time("2026-09-25"):
            self.Placement._cron_schedule_followups()
            self.Placement._cron_schedule_followups()
        due = followups.filtered(lambda f: f.months == 3)
        self.assertEqual(len(self._activities(due)), 2)
        with self.assertRaisesRegex(ValidationError, "date"), self.cr.savepoint():
            due[0].answer = "yes_same"
        due[0].write({"answer": "yes_same", "date_answered": date(2026, 10, 1)})
        due[1].write({"answer": "no", "date_answered": date(2026, 10, 2)})
        retention = self.env["social.transition.followup"]._get_retention(
            [("id", "in", followups.ids)]
        )
        self.assertEqual(retention, {3: (2, 1, 50.0)})

    def test_followups_hidden_from_supervisors(self):
        placement = self._placement()
        placement.action_activate()
        placement._end(date(2026, 6, 30), "transition", "education")
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.env["social.transition.followup"].with_user(
                self.user_supervisor
            ).search([])

    def test_flexjob_every_30_months_and_status_at_54(self):
        placement = self._placement(
            scheme_id=self.scheme_flex.id,
            date_start=date(2021, 1, 1),
            weekly_hours=20,
        )
        placement.action_activate()
        with freeze_time("2025-06-01"):
            self.Placement._cron_schedule_followups()
            self.Placement._cron_schedule_followups()  # idempotent
        activities = self._activities(placement)
        status = activities.filtered(lambda a: "status review" in a.summary)
        self.assertEqual(status.date_deadline, date(2025, 7, 1))  # 54 months
        self.assertEqual(
            (activities - status).mapped("date_deadline"), [date(2023, 7, 1)]
        )  # 30 months
