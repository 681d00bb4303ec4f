import io
from datetime import date, datetime, timedelta

import openpyxl

from odoo.tests import tagged

from odoo.addons.social_enterprise.tools import impact

from ..tools import hours
from .common import SupportCase

PERIOD = (date(2026, 1, 1), date(2026, 6, 30))


@tagged("post_install", "-at_install")
class TestImpactReportSupport(SupportCase):
    """support_hours' tables in social_enterprise's municipal social-impact report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.simple = cls.env.ref("support_hours.support_assessment_instrument_simple")
        cls.vum = cls.env.ref("support_hours.support_assessment_instrument_vum")
        mentor_scheme = cls.env.ref("social_enterprise.social_scheme_mentor")
        cls.people = cls.env["hr.employee"].create(
            [{"name": f"Supported {i}"} for i in range(6)]
        )
        cls.env["social.placement"].create(
            [
                {
                    "employee_id": person.id,
                    "scheme_id": mentor_scheme.id,
                    "municipality_id": cls.municipality.id,
                    "date_start": date(2026, 1, 5),
                    "date_end": date(2026, 6, 30),
                    "weekly_hours": 2,
                    "days_per_week": 1,
                    "state": "active",
                }
                for person in cls.people
            ]
        )
        cls.grants = cls.env["support.grant"]
        for i, person in enumerate(cls.people):
            grant = cls._grant(
                employee_id=person.id,
                category_id=cls.cat_mentor.id,
                date_from=date(2026, 3, 2),
                date_to=date(2026, 6, 28),
                hours_per_week=2.0,
            )
            cls.grants |= grant
            for week in range(i + 1):
                cls._session(
                    start=datetime(2026, 3, 3, 6 + 2 * i) + timedelta(days=7 * week),
                    employee_id=person.id,
                    duration=1.5,
                )
        # Staff scores on the 1-10 instrument: first in March, last in June.
        cls.scores = {}
        for i, person in enumerate(cls.people):
            first, last = 4, 4 + (i % 3) - 1  # changes -1, 0, +1, -1, 0, +1
            for when, score in ((date(2026, 3, 10), first), (date(2026, 6, 10), last)):
                assessment = cls.env["support.assessment"].create(
                    {
                        "employee_id": person.id,
                        "instrument_id": cls.simple.id,
                        "date": when,
                        "assessor_id": cls.user_mentor.id,
                    }
                )
                # Every dimension gets a score (closing requires it); wellbeing moves.
                for line in assessment.line_ids:
                    line.staff_score = (
                        score if line.dimension_id.code == "wellbeing" else 5
                    )
                assessment.action_done()
            cls.scores[person] = last - first

    def _table(self, key, period=PERIOD):
        data = self.env["social.impact.report"]._get_report_data(
            self.municipality, *period
        )
        return next((t for t in data["tables"] if t["key"] == key), None)

    def test_support_hours_match_sessions(self):
        table = self._table("support_hours")
        row = next(r for r in table["rows"] if r["label"] == self.cat_mentor.name)
        sessions = self.env["support.session"].search(
            [("grant_id", "in", self.grants.ids)]
        )
        self.assertEqual(row["values"]["people"], 6)
        self.assertAlmostEqual(
            row["values"]["delivered"], round(sum(sessions.mapped("duration")), 1)
        )
        self.assertAlmostEqual(
            row["values"]["delivered"], 1.5 * (1 + 2 + 3 + 4 + 5 + 6)
        )
        self.assertAlmostEqual(
            row["values"]["granted"],
            round(sum(self.grants.mapped("granted_hours")), 1),
            delta=0.1,
        )

    def test_progression_mean_change_and_share_improved(self):
        table = self._table("progression")
        label = (
            f"{self.simple.display_name}: "
            + self.simple.dimension_ids.filtered(lambda d: d.code == "wellbeing").name
        )
        row = next(r for r in table["rows"] if r["label"] == label)
        changes = list(self.scores.values())
        self.assertEqual(row["values"]["people"], 6)
        self.assertAlmostEqual(
            row["values"]["staff_change"], round(sum(changes) / 6, 2)
        )
        self.assertAlmostEqual(row["values"]["improved"], round(100 * 2 / 6, 1))
        self.assertIs(
            row["values"]["self_change"], impact.NOT_APPLICABLE, "no own scores"
        )

    def test_progression_hidden_for_small_groups(self):
        self.env["support.assessment"].search(
            [("employee_id", "in", self.people[:2].ids)]
        ).unlink()
        table = self._table("progression")
        row = table["rows"][0]
        self.assertIsNone(row["values"]["people"])
        self.assertIsNone(row["values"]["staff_change"])

    def test_support_tables_print_in_the_xlsx(self):
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
        table = self._table("support_hours")
        start = [row[0] for row in rows].index(table["title"])
        mentor = next(row for row in rows[start:] if row[0] == self.cat_mentor.name)
        self.assertIn(1.5 * (1 + 2 + 3 + 4 + 5 + 6), mentor, "31.5 delivered hours")

    def test_period_cut_mid_week_is_prorated_by_day(self):
        # Wednesday 4 March to Wednesday 15 April 2026: 28 + 15 = 43 days. Six grants
        # of 2 h a week give 6 x 2 x 43 / 7 = 73.714... hours, not the 6 x 2 x 7 = 84
        # of seven whole weeks from Monday 2 March to Sunday 19 April.
        period = (date(2026, 3, 4), date(2026, 4, 15))
        row = next(
            r
            for r in self._table("support_hours", period)["rows"]
            if r["label"] == self.cat_mentor.name
        )
        self.assertEqual(row["values"]["granted"], 73.7)
        # Sessions on Tuesdays from 3 March: person i has i + 1 of them, the first
        # before the period, so 0 + 1 + 2 + 3 + 4 + 5 = 15 sessions of 1.5 h.
        self.assertEqual(row["values"]["delivered"], 22.5)
        self.assertEqual(row["values"]["share"], round(100 * 22.5 / (12 * 43 / 7), 1))

    def test_period_ending_on_a_wednesday_equals_the_prorated_grant(self):
        # Monday 2 March (the grants' first day) to Wednesday 1 April: 31 days.
        period = (date(2026, 3, 2), date(2026, 4, 1))
        report = self.env["support.hours.report"]._with_period(*period)
        [(granted,)] = report._read_group(
            [
                ("grant_id", "=", self.grants[0].id),
                ("source", "=", "grant"),
                ("date", ">=", period[0]),
                ("date", "<=", period[1]),
            ],
            [],
            ["granted_hours:sum"],
        )
        self.assertAlmostEqual(granted, 2.0 * 31 / 7, places=6)  # 8.857 h
        grant = self.grants[0]
        self.assertAlmostEqual(
            granted,
            hours.granted_hours(grant.grant_type, grant.hours_per_week, 0, *period),
            places=2,
        )

    def test_support_outside_any_grant_is_shown_apart(self):
        # A session in February, before every grant: delivered, on a line of its own,
        # with no granted hours and no share (not applicable, not hidden).
        for i, person in enumerate(self.people):
            session = self._session(
                start=datetime(2026, 2, 10, 6 + 2 * i),
                employee_id=person.id,
                duration=2.0,
            )
            self.assertFalse(session.grant_id)
        table = self._table("support_hours")
        outside = table["rows"][-1]
        self.assertEqual(outside["values"]["delivered"], 12.0)
        self.assertEqual(outside["values"]["people"], 6)
        self.assertIs(outside["values"]["granted"], impact.NOT_APPLICABLE)
        self.assertIs(outside["values"]["share"], impact.NOT_APPLICABLE)
        mentor = next(r for r in table["rows"] if r["label"] == self.cat_mentor.name)
        self.assertAlmostEqual(mentor["values"]["delivered"], 1.5 * 21)
