from datetime import date, datetime, timedelta

from psycopg2.errors import CheckViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestGrant(SupportCase):
    def test_granted_hours(self):
        # 1 March to 31 August: 184 days of 4 hours a week.
        self.assertAlmostEqual(self.grant.granted_hours, round(4 * 184 / 7, 2))
        total = self._grant(
            category_id=self.cat_mentor.id, grant_type="total", hours_total=30
        )
        self.assertEqual(total.granted_hours, 30.0)
        self.assertEqual(total.amount_granted, 30 * 450.0)
        self.assertTrue(total.name.startswith("TB/"))

    def test_bad_hours_and_dates(self):
        count = self.Grant.search_count([])
        with (
            self.assertRaisesRegex(ValidationError, "above 0"),
            self.cr.savepoint(),
        ):
            self._grant(category_id=self.cat_mentor.id, hours_per_week=0)
        with (
            self.assertRaisesRegex(ValidationError, "before it starts"),
            self.cr.savepoint(),
        ):
            self._grant(category_id=self.cat_mentor.id, date_to=date(2026, 2, 1))
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(CheckViolation),
            self.cr.savepoint(),
        ):
            self._grant(category_id=self.cat_mentor.id, price_per_hour=-1)
        self.assertEqual(self.Grant.search_count([]), count)

    def test_overlapping_grants_of_same_kind(self):
        with (
            self.assertRaisesRegex(ValidationError, "cannot overlap"),
            self.cr.savepoint(),
        ):
            self._grant(date_from=date(2026, 8, 1), date_to=date(2026, 12, 31))
        # Another kind of support, a draft, or the next period are fine.
        self._grant(category_id=self.cat_mentor.id)
        self._grant(date_from=date(2026, 8, 1), state="draft")
        self._grant(date_from=date(2026, 9, 1), date_to=date(2026, 12, 31))

    def test_used_and_remaining(self):
        self._session(duration=1.5)
        self._session(start=datetime(2026, 3, 3, 8, 0), duration=2.0)
        self.assertEqual(self.grant.used_hours, 3.5)
        self.assertAlmostEqual(
            self.grant.remaining_hours, self.grant.granted_hours - 3.5
        )
        self.assertEqual(self.grant.amount_used, 3.5 * 450.0)
        with self.assertRaisesRegex(UserError, "close it instead"):
            self.grant.unlink()

    @freeze_time("2026-08-20")
    def test_warnings_on_form(self):
        grant = self._grant(
            category_id=self.cat_mentor.id,
            grant_type="total",
            hours_total=4,
            date_from=date(2026, 8, 1),
            date_to=date(2026, 8, 31),
        )
        self.assertIn("ends on 2026-08-31", grant.warning_message)
        self.assertNotIn("hours used", grant.warning_message)
        self._session(start=datetime(2026, 8, 3, 8, 0), duration=3.5)
        grant.invalidate_recordset()
        self.assertIn("3.5 of 4.0 hours used", grant.warning_message)
        self.assertTrue(grant.needs_attention)
        self.assertIn(grant, self.Grant.search([("needs_attention", "=", True)]))
        self._session(start=datetime(2026, 8, 4, 8, 0), duration=1.0)
        grant.invalidate_recordset()
        self.assertIn("overrun", grant.warning_message)

    def test_cron_warns_once(self):
        grant = self._grant(
            category_id=self.cat_mentor.id,
            grant_type="total",
            hours_total=4,
            date_from=date(2026, 8, 1),
            date_to=date(2026, 8, 31),
            warn_days=15,
        )
        self._session(start=datetime(2026, 8, 3, 8, 0), duration=3.5)
        overrun = self.env.ref("support_hours.mail_activity_type_grant_overrun")
        expiry = self.env.ref("support_hours.mail_activity_type_grant_expiry")

        def activities(kind):
            return grant.activity_ids.filtered(lambda a: a.activity_type_id == kind)

        with freeze_time("2026-08-10"):
            self.Grant._cron_warn_grants()
            self.Grant._cron_warn_grants()
        self.assertEqual(len(activities(overrun)), 1)
        self.assertEqual(activities(overrun).user_id, self.user_coordinator)
        self.assertEqual(activities(overrun).summary, "3.5 of 4.0 hours used")
        self.assertFalse(activities(expiry), "31 August is more than 15 days away")
        with freeze_time("2026-08-20"):
            self.Grant._cron_warn_grants()
            self.Grant._cron_warn_grants()
        self.assertEqual(len(activities(expiry)), 1)
        self.assertEqual(activities(expiry).summary, "Grant ends on 2026-08-31")
        # More hours and a later end: the next warnings come when due again.
        grant.write({"hours_total": 10, "date_to": date(2026, 10, 31)})
        self.assertFalse(grant.overrun_warned_on or grant.expiry_warned_on)
        with freeze_time("2026-08-21"):
            self.Grant._cron_warn_grants()
        self.assertEqual(len(activities(overrun)), 1)

    def test_billable_hours(self):
        other = self._grant(
            employee_id=self.person_b.id, category_id=self.cat_mentor.id
        )
        self._session(duration=1.5)  # 2 March
        self._session(start=datetime(2026, 4, 1, 8, 0), duration=2.0)
        self._session(
            employee_id=self.person_b.id,
            staff_id=self.user_mentor_b.id,
            start=datetime(2026, 3, 31, 8, 0),
            duration=1.0,
        )
        grants = self.grant | other
        march = grants._get_billable_hours(date(2026, 3, 1), date(2026, 3, 31))
        self.assertEqual(march, {self.grant: 1.5, other: 1.0})
        may = grants._get_billable_hours(date(2026, 5, 1), date(2026, 5, 31))
        self.assertEqual(may, {self.grant: 0.0, other: 0.0})

    def _make_grants(self, count):
        people = self.env["hr.employee"].create(
            [{"name": f"Grant person {count}-{i}"} for i in range(count)]
        )
        grants = self.Grant.create(
            [
                {
                    "employee_id": person.id,
                    "municipality_id": self.municipality.id,
                    "category_id": self.cat_mentor.id,
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 8, 31),
                    "hours_per_week": 2,
                    "responsible_id": self.user_coordinator.id,
                    "state": "active",
                }
                for person in people
            ]
        )
        self.Session.create(
            [
                {
                    "employee_id": person.id,
                    "staff_id": self.user_mentor.id,
                    # One staff member, one session every two hours from a day of
                    # the month that differs per batch: never overlapping.
                    "start": datetime(2026, 3, 2 if count < 50 else 12, 6, 0)
                    + timedelta(hours=2 * i),
                    "duration": 1.0,
                }
                for i, person in enumerate(people)
            ]
        )
        return grants

    def test_query_count_does_not_grow(self):
        """Used hours and billable hours cost the same for 10 and 100 grants."""
        for count in (10, 100):
            grants = self._make_grants(count)
            grants._get_billable_hours(date(2026, 3, 1), date(2026, 3, 31))  # warm up
            self.env.invalidate_all()
            with self.assertQueryCount(2):
                used = grants.mapped("used_hours")
            self.assertEqual(sum(used), count)
            with self.assertQueryCount(1):
                billable = grants._get_billable_hours(
                    date(2026, 3, 1), date(2026, 3, 31)
                )
            self.assertEqual(sum(billable.values()), count)
