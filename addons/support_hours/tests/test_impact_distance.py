import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from odoo.addons.social_enterprise.tests.attack import weak_cells
from odoo.addons.social_enterprise.tools import impact

from .common import SupportCase

PERIOD = (date(2026, 1, 1), date(2026, 6, 30))


@tagged("post_install", "-at_install")
class TestImpactDistance(SupportCase):
    """Distance travelled per life area in the municipal report: staff and own
    scores side by side, from the first score on record to the latest."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.simple = cls.env.ref("support_hours.support_assessment_instrument_simple")
        cls.mentor_scheme = cls.env.ref("social_enterprise.social_scheme_mentor")
        cls.people = cls._people(6, "Distance")
        # Person i: baseline on 10 November 2025 (before the period), staff 3 and
        # own 6 on wellbeing; on 10 June 2026 staff 3 + i % 3 (3, 4, 5, 3, 4, 5)
        # and own 6 - i % 2 (6, 5, 6, 5, 6, 5). Every other life area: 5 and 5.
        for i, person in enumerate(cls.people):
            cls._assess(person, date(2025, 11, 10), 3, 6)
            cls._assess(person, date(2026, 6, 10), 3 + i % 3, 6 - i % 2)
        # A seventh person has staff scores only: not on the own side, so not on
        # either (the same people on both sides).
        cls.staff_only = cls._people(1, "Staff only")
        cls._assess(cls.staff_only, date(2025, 11, 10), 1, None)
        cls._assess(cls.staff_only, date(2026, 6, 10), 9, None)

    @classmethod
    def _people(cls, count, name):
        people = cls.env["hr.employee"].create(
            [{"name": f"{name} {i}"} for i in range(count)]
        )
        cls.env["social.placement"].create(
            [
                {
                    "employee_id": person.id,
                    "scheme_id": cls.mentor_scheme.id,
                    "municipality_id": cls.municipality.id,
                    "date_start": date(2025, 11, 3),
                    "weekly_hours": 2,
                    "days_per_week": 1,
                    "state": "active",
                }
                for person in people
            ]
        )
        return people

    @classmethod
    def _assess(cls, people, day, wellbeing_staff, wellbeing_own):
        for person in people:
            assessment = cls.env["support.assessment"].create(
                {
                    "employee_id": person.id,
                    "instrument_id": cls.simple.id,
                    "date": day,
                    "assessor_id": cls.user_mentor.id,
                }
            )
            for line in assessment.line_ids:
                wellbeing = line.dimension_id.code == "wellbeing"
                line.staff_score = wellbeing_staff if wellbeing else 5
                if wellbeing_own is not None:
                    line.self_score = wellbeing_own if wellbeing else 5
            assessment.action_done()

    def _tables(self, municipality=None):
        Report = self.env["social.impact.report"]
        ctx = Report._get_report_context(municipality or self.municipality, *PERIOD)
        original = Report._get_report_tables(ctx)
        shown = impact.suppress_tables(Report._get_report_tables(ctx))
        return original, shown

    def _row(self, table, code):
        dimension = self.simple.dimension_ids.filtered(lambda d: d.code == code)
        label = f"{self.simple.display_name}: {dimension.name}"
        return next(r for r in table["rows"] if r["label"] == label)

    def test_distance_side_by_side(self):
        original, shown = self._tables()
        table = next(t for t in original if t["key"] == "distance")
        row = self._row(table, "wellbeing")
        # Staff: 3 -> (3+4+5+3+4+5)/6 = 4.0, a distance of +1.0; own: 6 -> (6+5+6+5
        # +6+5)/6 = 5.5, a distance of -0.5. The staff-only person is left out.
        self.assertEqual(
            row["values"],
            {
                "people": 6,
                "staff_first": 3.0,
                "staff_last": 4.0,
                "staff_distance": 1.0,
                "own_first": 6.0,
                "own_last": 5.5,
                "own_distance": -0.5,
            },
        )
        self.assertEqual(
            self._row(table, "life_mastery")["values"]["staff_distance"], 0.0
        )
        # Six people: shown as computed.
        self.assertEqual(
            self._row(next(t for t in shown if t["key"] == "distance"), "wellbeing"),
            row,
        )

    def test_small_groups_hidden(self):
        self.env["support.assessment"].search(
            [("employee_id", "in", self.people[:2].ids)]
        ).unlink()
        original, shown = self._tables()
        row = self._row(next(t for t in shown if t["key"] == "distance"), "wellbeing")
        self.assertEqual(set(row["values"].values()), {None}, "4 people: hidden")
        self.assertEqual(weak_cells(original, shown), [])

    def test_latest_score_must_fall_in_the_period(self):
        # Scored twice before the period only: no distance travelled in it.
        later = self._people(5, "Earlier")
        self._assess(later, date(2025, 11, 10), 2, 2)
        self._assess(later, date(2025, 12, 10), 8, 8)
        table = next(t for t in self._tables()[0] if t["key"] == "distance")
        self.assertEqual(self._row(table, "wellbeing")["values"]["people"], 6)

    def test_distance_in_the_xlsx(self):
        wizard = self.env["social.impact.report.wizard"].create(
            {
                "municipality_id": self.municipality.id,
                "date_from": PERIOD[0],
                "date_to": PERIOD[1],
            }
        )
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            "social_enterprise.action_report_social_impact_xlsx", wizard.ids, None
        )
        rows = [
            [c.value for c in row]
            for row in openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows()
        ]
        start = [row[0] for row in rows].index("Distance travelled per life area")
        self.assertEqual(
            rows[start + 1][1:8],
            [
                "People",
                "Staff: first score",
                "Staff: latest score",
                "Staff: distance",
                "Own: first score",
                "Own: latest score",
                "Own: distance",
            ],
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "social_enterprise.action_report_social_impact", wizard.ids
        )
        self.assertIn("Distance travelled per life area", html.decode())

    def test_query_count_does_not_grow_with_people(self):
        Report = self.env["social.impact.report"]
        counts = []
        for count, code in ((10, "961"), (10, "962"), (100, "963")):
            municipality = self.municipality.copy(
                {"name": f"D{count}{code}", "municipality_code": code}
            )
            people = self.env["hr.employee"].create(
                [{"name": f"D{code}-{i}"} for i in range(count)]
            )
            self.env["social.placement"].create(
                [
                    {
                        "employee_id": p.id,
                        "scheme_id": self.mentor_scheme.id,
                        "municipality_id": municipality.id,
                        "date_start": date(2025, 11, 3),
                        "weekly_hours": 2,
                        "days_per_week": 1,
                        "state": "active",
                    }
                    for p in people
                ]
            )
            self._assess(people, date(2025, 11, 10), 3, 4)
            self._assess(people, date(2026, 6, 10), 5, 6)
            ctx = Report._get_report_context(municipality, *PERIOD)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.assertTrue(Report._table_distance(ctx))
            counts.append(self.cr.sql_log_count - before)
        # (the first run warms the caches)
        self.assertEqual(counts[1], counts[2], counts)
