import doctest
from datetime import date

from odoo.tests.common import BaseCase, tagged

from ..tools import billing

OPTS = {"proration": "calendar", "bill_leap_day": False}


@tagged("post_install", "-at_install")
class TestToolsBilling(BaseCase):
    """The billing arithmetic: proration, the 365-day convention, factors, prices."""

    def test_doctests(self):
        result = doctest.testmod(billing)
        self.assertGreater(result.attempted, 20)
        self.assertEqual(result.failed, 0)

    def _qty(self, unit, basis, start, end, plan=(5, 25), attended=None, **opts):
        return billing.quantity(
            unit,
            basis,
            start,
            end,
            start.replace(day=1),
            plan=plan,
            attended=attended,
            options=dict(OPTS, **opts),
        )[0]

    def test_start_mid_month(self):
        # A place from 16 November: 15 calendar days, half a month.
        self.assertEqual(
            self._qty("day", "calendar", date(2026, 11, 16), date(2026, 11, 30)), 15
        )
        self.assertEqual(
            self._qty("month", "calendar", date(2026, 11, 16), date(2026, 11, 30)), 0.5
        )
        # 30-day proration: 15 of 30 days too; a started month is a whole month.
        self.assertEqual(
            self._qty(
                "month",
                "calendar",
                date(2026, 11, 16),
                date(2026, 11, 30),
                proration="days_30",
            ),
            0.5,
        )
        self.assertEqual(
            self._qty(
                "month",
                "calendar",
                date(2026, 11, 30),
                date(2026, 11, 30),
                proration="none",
            ),
            1.0,
        )

    def test_end_mid_month(self):
        # Ends 10 January 2026 (a Saturday): 10 calendar days, 10/31 of a month.
        self.assertEqual(
            self._qty("day", "calendar", date(2026, 1, 1), date(2026, 1, 10)), 10
        )
        self.assertEqual(
            self._qty("month", "calendar", date(2026, 1, 1), date(2026, 1, 10)),
            round(10 / 31, 4),
        )
        # Contracted days of a 4-day week: 7 weekdays (1-2, 5-9 Jan) × 4/5.
        self.assertEqual(
            self._qty(
                "day", "contracted", date(2026, 1, 1), date(2026, 1, 10), plan=(4, 20)
            ),
            5.6,
        )
        # Exact amount of a month fraction: computed on the unrounded fraction.
        charge = billing.charge(round(10 / 31, 4), 17500.0, exact_quantity=10 / 31)
        self.assertEqual(charge.amount, 5645.16)

    def test_start_and_end_mid_month(self):
        days = self._qty("day", "calendar", date(2026, 3, 10), date(2026, 3, 20))
        self.assertEqual(days, 11)
        fraction = self._qty("month", "calendar", date(2026, 3, 10), date(2026, 3, 20))
        self.assertEqual(fraction, round(11 / 31, 4))

    def test_leap_year(self):
        feb = (date(2028, 2, 1), date(2028, 2, 29))
        # 365-day convention: 29 February is not billed...
        self.assertEqual(self._qty("day", "calendar", *feb), 28)
        self.assertEqual(
            billing.calendar_days(date(2028, 1, 1), date(2028, 12, 31)), 365
        )
        # ...unless the agreement bills it.
        self.assertEqual(self._qty("day", "calendar", *feb, bill_leap_day=True), 29)
        self.assertEqual(
            billing.calendar_days(date(2028, 1, 1), date(2028, 12, 31), True), 366
        )
        # A month price is prorated over the 29 days of a leap February.
        self.assertEqual(
            self._qty("month", "calendar", date(2028, 2, 15), date(2028, 2, 29)),
            round(15 / 29, 4),
        )
        # A place starting on the leap day bills nothing that day.
        self.assertEqual(billing.calendar_days(date(2028, 2, 29), date(2028, 2, 29)), 0)
        # Not a leap year: 365 as well.
        self.assertEqual(
            billing.calendar_days(date(2026, 1, 1), date(2026, 12, 31)), 365
        )

    def test_365_day_places(self):
        """A full-time place is billed every calendar day, weekends included; a
        part-time place every calendar day at its part-time factor."""
        factors = [(1, 2, 60.0), (3, 3, 85.0), (4, 7, 100.0)]
        year = [
            self._qty(
                "day",
                "calendar",
                *billing.month_bounds(date(2026, m, 1)),
                plan=(2, 10),
            )
            for m in range(1, 13)
        ]
        self.assertEqual(sum(year), 365)
        self.assertEqual(billing.part_time_factor(4, factors), 100.0)
        self.assertEqual(billing.part_time_factor(3, factors), 85.0)
        self.assertEqual(billing.part_time_factor(1, factors), 60.0)
        self.assertEqual(billing.part_time_factor(2, []), 100.0)
        # November 2026, 2 days a week, level 1 at 557 kr: 30 days × 334.20 kr.
        charge = billing.charge(30, 557.0, billing.part_time_factor(2, factors))
        self.assertEqual((charge.price_unit, charge.amount), (334.2, 10026.0))
        # 3 days a week: 85 % of 366 kr = 311.10 kr.
        self.assertEqual(billing.charge(31, 366.0, 85.0).amount, 9644.1)

    def test_attended_and_estimates(self):
        nov = (date(2026, 11, 1), date(2026, 11, 30))
        self.assertEqual(
            self._qty("day", "attended", *nov, plan=(3, 15), attended=(11, 60.5)), 11
        )
        self.assertEqual(
            self._qty("hour", "attended", *nov, plan=(3, 15), attended=(11, 60.5)), 60.5
        )
        # No attendance yet (billing in advance): the contracted plan, 21 weekdays.
        self.assertEqual(self._qty("day", "attended", *nov, plan=(3, 15)), 12.6)
        self.assertEqual(self._qty("hour", "contracted", *nov, plan=(3, 15)), 63.0)

    def test_price_selection_and_overlaps(self):
        old = billing.PriceLine("old", 1, "1", date(2025, 1, 1), date(2025, 12, 31))
        new = billing.PriceLine("new", 1, "1", date(2026, 1, 1), None)
        anyl = billing.PriceLine("any", 1, False, date(2025, 1, 1), None)
        lines = [old, new, anyl]
        self.assertEqual(billing.select_price(lines, date(2025, 12, 1), "1"), old)
        self.assertEqual(billing.select_price(lines, date(2026, 1, 1), "1"), new)
        self.assertEqual(billing.select_price(lines, date(2026, 1, 1), "2"), anyl)
        self.assertIsNone(billing.select_price([old], date(2026, 1, 1), "1"))
        self.assertEqual(billing.find_overlaps(lines), [])
        clash = billing.PriceLine("clash", 1, "1", date(2025, 6, 1), date(2026, 5, 31))
        self.assertEqual(
            sorted(billing.find_overlaps([*lines, clash])),
            [("clash", "new"), ("clash", "old")],
        )
        self.assertFalse(billing.is_month_aligned(date(2026, 1, 1), date(2026, 2, 27)))
        self.assertTrue(billing.is_month_aligned(date(2028, 2, 1), date(2028, 2, 29)))

    def test_differences(self):
        nov = billing.charge(30, 557.0)
        # Ended on the 20th after a full month was billed: credit 10 days.
        self.assertEqual(
            billing.difference(billing.charge(20, 557.0), (30, nov.amount, {557.0})),
            (-10, 557.0, -5570.0),
        )
        # Same days at a new price: the days at the price difference.
        self.assertEqual(
            billing.difference(billing.charge(30, 580.0), (30, nov.amount, {557.0})),
            (30, 23.0, 690.0),
        )
        # Month fraction changes: a lump sum.
        due = billing.charge(0.5, 17500.0, exact_quantity=15 / 30)
        self.assertEqual(
            billing.difference(due, (1.0, 17500.0, {17500.0})), (-0.5, 17500.0, -8750.0)
        )
        self.assertEqual(
            billing.invoice_quantity(-0.5, 17500.0, -8750.0), (-0.5, 17500.0)
        )

    def test_rounding_half_up(self):
        self.assertEqual(billing.round_money(0.125), 0.13)
        self.assertEqual(billing.round_money(-0.125), -0.13)
        self.assertEqual(billing.round_money(1114.005), 1114.01)

    def test_cpr_lookalikes(self):
        self.assertTrue(billing.looks_like_cpr("0101901234"))
        self.assertTrue(billing.looks_like_cpr("Sag 010190 1234"))
        self.assertFalse(billing.looks_like_cpr("3201901234"))  # no 32nd day
        self.assertFalse(billing.looks_like_cpr("KK-2024-1000"))
        self.assertFalse(billing.looks_like_cpr(False))
