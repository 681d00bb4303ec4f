import copy
import unittest

from odoo import fields
from odoo.tests import tagged

from ..tools import impact
from .attack import absence_relations, weak_cells
from .common import SocialEnterpriseCase

SAMPLE = {
    "large": "social_enterprise.res_partner_kk_demo",
    "middle": "social_enterprise.res_partner_aarhus_demo",
    "small": "social_enterprise.res_partner_roskilde_demo",
}


@tagged("post_install", "-at_install")
class TestImpactSample(SocialEnterpriseCase):
    """The sample reports as a municipality gets them: attacked, and readable.

    These read the sample data (the only tests that do): they are skipped in a
    database installed without it.
    """

    def setUp(self):
        super().setUp()
        self.municipalities = {
            size: self.env.ref(xmlid, raise_if_not_found=False)
            for size, xmlid in SAMPLE.items()
        }
        if not all(self.municipalities.values()):
            raise unittest.SkipTest("no sample data in this database")
        wizard = self.env["social.impact.report.wizard"].new(
            {"municipality_id": self.municipalities["large"].id}
        )
        self.period = (wizard.date_from, wizard.date_to)
        if (self.period[1] - self.period[0]).days < 60:
            # Early in the year the default period is short: take the last 12 months.
            today = fields.Date.context_today(wizard)
            self.period = (today.replace(year=today.year - 1), self.period[1])

    def _tables(self, municipality):
        Report = self.env["social.impact.report"]
        ctx = Report._get_report_context(municipality, *self.period)
        original = Report._get_report_tables(ctx)
        return original, impact.suppress_tables(copy.deepcopy(original))

    def test_the_attack_narrows_no_hidden_cell_of_any_sample_report(self):
        for size, municipality in self.municipalities.items():
            with self.subTest(size):
                original, shown = self._tables(municipality)
                relations = absence_relations(original)
                self.assertEqual(weak_cells(original, shown, relations=relations), [])

    def test_the_largest_municipality_sees_numbers(self):
        _original, shown = self._tables(self.municipalities["large"])
        cells = [
            value
            for table in shown
            for line in table["rows"] + ([table["total"]] if table["total"] else [])
            for value in line["values"].values()
            if value is not impact.NOT_APPLICABLE
        ]
        numbers = [v for v in cells if v is not None]
        self.assertGreater(
            len(numbers), 0.6 * len(cells), f"{len(numbers)}/{len(cells)}"
        )

    def test_the_small_municipality_shows_suppression_at_work(self):
        _original, shown = self._tables(self.municipalities["small"])
        placements = next(t for t in shown if t["key"] == "placements")
        self.assertIn(None, [r["values"]["active"] for r in placements["rows"]])
