import doctest
from datetime import datetime

from odoo.tests.common import BaseCase, tagged

from ..tools import till


@tagged("post_install", "-at_install")
class TestTillTools(BaseCase):
    def test_doctests(self):
        result = doctest.testmod(till)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_attendance_outside_the_window_counts_nothing(self):
        window = (datetime(2026, 11, 2, 9), datetime(2026, 11, 2, 13))
        attendance = {"anna": [(datetime(2026, 11, 2, 14), datetime(2026, 11, 2, 16))]}
        # Anna checked in only after closing: she gets the open time like someone
        # who did not check in at all.
        self.assertEqual(till.till_hours(["anna"], attendance, window), {"anna": 4.0})
