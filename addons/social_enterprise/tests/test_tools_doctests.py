import doctest
import os

from odoo.tests.common import BaseCase, tagged

from .. import tools
from ..tools import testing


@tagged("post_install", "-at_install")
class TestToolsDoctests(BaseCase):
    """Every doctest of every tools/ module runs, listed or not."""

    directory = os.path.dirname(tools.__file__)

    def test_every_tools_doctest_passes(self):
        results = testing.run_doctests(tools.__name__, self.directory)
        failed = {name: r.failed for name, r in results.items() if r.failed}
        self.assertEqual(failed, {})
        self.assertIn(f"{tools.__name__}.impact", results)
        self.assertGreater(results[f"{tools.__name__}.impact"].attempted, 0)

    def test_no_tools_module_with_examples_is_left_out(self):
        results = testing.run_doctests(tools.__name__, self.directory)
        self.assertEqual(
            testing.uncollected(tools.__name__, self.directory, results), []
        )
        # The guard itself: a module with examples that did not run is reported.
        pretend = dict(results)
        pretend[f"{tools.__name__}.impact"] = doctest.TestResults(0, 0)
        self.assertEqual(
            testing.uncollected(tools.__name__, self.directory, pretend),
            [f"{tools.__name__}.impact"],
        )
