import doctest
from datetime import date, datetime

from odoo.tests.common import BaseCase, tagged

from ..demo import support_hours_demo as demo_support
from ..tools import hours


@tagged("post_install", "-at_install")
class TestToolsHours(BaseCase):
    """The plain-Python hour arithmetic: doctests and the edges that matter."""

    def test_doctests(self):
        result = doctest.testmod(hours)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_split_hours_adds_up_exactly(self):
        for total, count in ((1.5, 4), (2, 3), (1, 7), (0.75, 2), (3, 11)):
            shares = hours.split_hours(total, count)
            self.assertEqual(len(shares), count)
            self.assertEqual(round(sum(s * 60 for s in shares)), round(total * 60))
        self.assertEqual(hours.split_hours(1, 0), [])

    def test_granted_hours_weekly_prorated(self):
        # Six months of 4 hours a week: 181 days.
        self.assertEqual(
            hours.granted_hours("weekly", 4, 0, date(2026, 1, 1), date(2026, 6, 30)),
            round(4 * 181 / 7, 2),
        )
        self.assertEqual(hours.granted_hours("weekly", 4, 0, None, None), 0.0)

    def test_local_date_across_dst(self):
        # 22:30 UTC on the last Saturday of March is already Sunday in Copenhagen.
        self.assertEqual(
            hours.local_date(datetime(2026, 3, 28, 23, 30)), date(2026, 3, 29)
        )
        self.assertEqual(
            hours.to_utc(date(2026, 1, 5), 9, "Europe/Copenhagen"),
            datetime(2026, 1, 5, 8, 0),
        )

    def test_first_overlap_group_shares_time(self):
        group = [(1, 3, "a", "g"), (1, 3, "b", "g"), (1, 3, "c", "g")]
        self.assertIsNone(hours.first_overlap(group))
        self.assertEqual(
            hours.first_overlap([*group, (2, 4, "d", None)])[0], ("a", "d")
        )
        # Touching intervals do not overlap.
        self.assertIsNone(hours.first_overlap([(1, 2, "a", None), (2, 3, "b", None)]))

    def test_demo_plans_deterministic(self):
        args = (
            "Mads",
            date(2025, 1, 1),
            None,
            2.0,
            date(2025, 6, 1),
            date(2026, 5, 31),
        )
        self.assertEqual(
            demo_support.session_plan(*args), demo_support.session_plan(*args)
        )
        rows = demo_support.scores("Mads", 4, 5, 1, 10, True)
        self.assertEqual(len(rows), 4)
        self.assertTrue(all(1 <= s <= 10 and 1 <= o <= 10 for r in rows for s, o in r))
