import os

from odoo.tests.common import BaseCase, tagged

from odoo.addons.social_enterprise.tools import testing

from .. import tools


@tagged("post_install", "-at_install")
class TestToolsDoctests(BaseCase):
    """Every doctest of every tools/ module of support_hours runs, listed or not."""

    def test_every_tools_doctest_runs_and_passes(self):
        directory = os.path.dirname(tools.__file__)
        results = testing.run_doctests(tools.__name__, directory)
        self.assertEqual({n: r.failed for n, r in results.items() if r.failed}, {})
        self.assertEqual(testing.uncollected(tools.__name__, directory, results), [])
