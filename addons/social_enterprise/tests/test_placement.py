from datetime import date

from psycopg2.errors import CheckViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestPlacement(SocialEnterpriseCase):
    def test_lifecycle(self):
        placement = self._placement()
        self.assertTrue(placement.name.startswith("PL"))
        self.assertEqual(placement.state, "draft")
        placement.action_activate()
        self.assertEqual(placement.state, "active")
        action = placement.action_end()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
        wizard.date_end = date(2026, 9, 30)
        wizard.end_reason = "transition"
        wizard.destination = "ordinary_job"
        wizard.save().action_confirm()
        self.assertEqual(placement.state, "ended")
        self.assertEqual(placement.date_end, date(2026, 9, 30))
        self.assertEqual(placement.destination, "ordinary_job")
        with self.assertRaises(UserError):
            placement.action_cancel()
        with self.assertRaises(UserError):
            placement.unlink()

    def test_effective_hours_flexjob(self):
        placement = self._placement(
            scheme_id=self.scheme_flex.id, weekly_hours=20, work_capacity=50
        )
        self.assertEqual(placement.effective_weekly_hours, 10)
        other = self._placement(
            employee_id=self.person_b.id, weekly_hours=20, work_capacity=50
        )
        self.assertEqual(
            other.effective_weekly_hours, 20, "only flexjob uses work capacity"
        )

    def test_scheme_not_open_on_start(self):
        with self.assertRaisesRegex(ValidationError, "not open"), self.cr.savepoint():
            self._placement(
                scheme_id=self.scheme_resource.id, date_start=date(2026, 2, 1)
            )
        # A placement started under the old rule keeps it.
        old = self._placement(
            scheme_id=self.scheme_resource.id, date_start=date(2025, 6, 1)
        )
        old.weekly_hours = 15
        self.assertEqual(old.weekly_hours, 15)

    def test_longer_than_scheme_allows(self):
        # Private wage subsidy: at most 6 months.
        with (
            self.assertRaisesRegex(ValidationError, "must end by 2026-08-31"),
            self.cr.savepoint(),
        ):
            self._placement(
                scheme_id=self.scheme_wage_private.id,
                date_start=date(2026, 3, 1),
                date_end=date(2026, 9, 1),
            )
        ok = self._placement(
            scheme_id=self.scheme_wage_private.id,
            date_start=date(2026, 3, 1),
            date_end=date(2026, 8, 31),
        )
        self.assertEqual(ok.max_end_date, date(2026, 8, 31))

    def test_overlap_forbidden_for_exclusive_schemes(self):
        self._placement(date_start=date(2026, 1, 1), date_end=date(2026, 6, 30))
        with (
            self.assertRaisesRegex(ValidationError, "cannot overlap"),
            self.cr.savepoint(),
        ):
            self._placement(scheme_id=self.scheme_flex.id, date_start=date(2026, 6, 1))
        # Mentor support is not an employment form: it may run beside it.
        mentor = self._placement(
            scheme_id=self.scheme_mentor.id,
            date_start=date(2026, 2, 1),
            date_end=date(2026, 7, 31),
            weekly_hours=2,
            days_per_week=1,
        )
        self.assertTrue(mentor)
        # After the first one ends, a new one may start.
        self.assertTrue(
            self._placement(scheme_id=self.scheme_flex.id, date_start=date(2026, 7, 1))
        )

    @mute_logger("odoo.sql_db")
    def test_impossible_hours(self):
        with self.assertRaisesRegex(ValidationError, "cannot fit"), self.cr.savepoint():
            self._placement(weekly_hours=60, days_per_week=2)
        with (
            self.assertRaisesRegex(ValidationError, "at least one day"),
            self.cr.savepoint(),
        ):
            self._placement(weekly_hours=10, days_per_week=0)
        with self.assertRaises(CheckViolation), self.cr.savepoint():
            self._placement(weekly_hours=-5)
        with self.assertRaises(CheckViolation), self.cr.savepoint():
            self._placement(scheme_id=self.scheme_flex.id, work_capacity=0)
        with self.assertRaises(CheckViolation), self.cr.savepoint():
            self._placement(date_start=date(2026, 5, 1), date_end=date(2026, 4, 1))
        self.assertFalse(self.Placement.search([("employee_id", "=", self.person.id)]))

    def test_activate_needs_paying_municipality(self):
        placement = self._placement(municipality_id=False, case_worker_id=False)
        with (
            self.assertRaisesRegex(UserError, "paying municipality"),
            self.cr.savepoint(),
        ):
            placement.action_activate()

    def test_end_before_start_rejected(self):
        placement = self._placement()
        placement.action_activate()
        with self.assertRaisesRegex(UserError, "before its start"), self.cr.savepoint():
            placement._end(date(2026, 1, 1), "other")
        self.assertEqual(placement.state, "active")

    def test_case_worker_cleared_on_municipality_change(self):
        form = Form(self.Placement)
        form.employee_id = self.person_b
        form.scheme_id = self.scheme_104
        form.date_start = date(2026, 1, 5)
        form.municipality_id = self.municipality
        form.case_worker_id = self.case_worker
        other = self.municipality.copy({"municipality_code": "998"})
        form.municipality_id = other
        self.assertFalse(form.case_worker_id)

    def test_cpr_never_typed_as_a_reference(self):
        with (
            self.assertRaisesRegex(ValidationError, "looks like a CPR number"),
            self.cr.savepoint(),
        ):
            self._placement(person_ref="010190-1234")
        with (
            self.assertRaisesRegex(ValidationError, "looks like a CPR number"),
            self.cr.savepoint(),
        ):
            self._placement(order_ref="Bestilling 0101901234")
        self.assertTrue(self._placement(person_ref="SAG-KK-48213"))
