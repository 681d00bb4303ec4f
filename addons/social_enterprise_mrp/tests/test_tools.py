import doctest

from odoo.tests.common import BaseCase, tagged

from ..tools import capacity


@tagged("post_install", "-at_install")
class TestCapacityTools(BaseCase):
    """The capacity arithmetic: its doctests and the bad input it refuses."""

    def test_doctests(self):
        result = doctest.testmod(capacity)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_flexjob_worked_example(self):
        # 20 agreed hours at 60 % work capacity = 12 effective hours; 15 % expected
        # absence (204 of 240 planned hours attended) leaves 10.2 hours.
        absence = capacity.absence_rate(240.0, 204.0)
        self.assertEqual(absence, 0.15)
        self.assertEqual(capacity.person_capacity(20.0, 0.6, absence), 10.2)

    def test_bad_input(self):
        with self.assertRaises(ValueError):
            capacity.person_capacity(20.0, 1.0, absence=1.5)
        with self.assertRaises(ValueError):
            capacity.person_capacity(20.0, -0.5)
