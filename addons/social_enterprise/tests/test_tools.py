import doctest
from datetime import date

from odoo.tests.common import BaseCase, tagged

from ..tools import (
    demo_people,
    financial,
    identifiers,
    payroll_formats,
    periods,
    ratio,
    subsidy,
)


@tagged("post_install", "-at_install")
class TestTools(BaseCase):
    """The plain-Python tools: their doctests and the edges that matter."""

    def test_doctests(self):
        for module in (
            identifiers,
            periods,
            ratio,
            financial,
            payroll_formats,
            subsidy,
        ):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 0, module.__name__)
            self.assertEqual(result.failed, 0, module.__name__)

    def test_planned_hours_partial_week(self):
        # Wednesday to Friday of a 4-day, 30-hour week: 3/5 of a week.
        days, hours = periods.planned_days_and_hours(
            30, 4, date(2026, 11, 18), date(2026, 11, 20)
        )
        self.assertEqual((days, hours), (2.4, 18.0))
        self.assertEqual(
            periods.planned_days_and_hours(30, 4, date(2026, 11, 20), None), (0.0, 0.0)
        )

    def test_duration_end_leap_year(self):
        self.assertEqual(
            periods.duration_end(date(2028, 2, 29), 1, "year"), date(2029, 2, 28)
        )
        self.assertEqual(
            periods.duration_end(date(2026, 1, 1), 26, "week"), date(2026, 7, 1)
        )

    def test_week_ranges_cross_year(self):
        weeks = periods.week_ranges(date(2026, 12, 30), date(2027, 1, 5))
        self.assertEqual(weeks[0], (date(2026, 12, 28), date(2027, 1, 3)))
        self.assertEqual(len(weeks), 2)

    def test_ratio_rule_boundaries(self):
        # The law's floor: one person is always allowed (BEK 1297/2017).
        self.assertEqual(ratio.allowed_subsidised(0), 1)
        # Worked example: 3 ordinary employees allow one praktik person.
        self.assertEqual(ratio.allowed_subsidised(3), 1)
        self.assertEqual(ratio.allowed_subsidised(4), 1)
        self.assertEqual(ratio.allowed_subsidised(10), 2)
        self.assertEqual(ratio.allowed_subsidised(60), 11)
        self.assertEqual(
            ratio.allowed_subsidised(60, per_small=4, threshold=40, per_large=8), 12
        )

    def test_cpr_validation_does_not_need_mod11(self):
        self.assertTrue(identifiers.is_valid_cpr("010190-0000"))
        self.assertFalse(identifiers.is_valid_cpr("320190-1234"))
        self.assertFalse(identifiers.is_valid_cpr("12345"))

    def test_demo_attendance_is_deterministic_and_bounded(self):
        args = (
            "X",
            date(2026, 1, 1),
            date(2026, 1, 31),
            20,
            4,
            date(2025, 12, 1),
            date(2026, 12, 1),
        )
        first = demo_people.attendance_slots(*args)
        self.assertEqual(first, demo_people.attendance_slots(*args))
        self.assertTrue(
            all(date(2026, 1, 1) <= s[0].date() <= date(2026, 1, 31) for s in first)
        )
        self.assertTrue(all(s[0].weekday() < 4 for s in first))
