import copy
import io
from datetime import date, datetime, timedelta

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..tools import impact, impact_xlsx
from .attack import attack, weak_cells
from .common import SocialEnterpriseCase

PERIOD = (date(2026, 1, 1), date(2026, 6, 30))


@tagged("post_install", "-at_install")
class TestImpactReport(SocialEnterpriseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        cls.flex_people = Employee.create(
            [{"name": f"Flex Person {i}"} for i in range(6)]
        )
        cls.sheltered_people = Employee.create(
            [{"name": f"Shelter {i}"} for i in range(5)]
        )
        cls.activity_people = Employee.create(
            [{"name": f"Activity {i}"} for i in range(2)]
        )
        cls.flex_people[0].sudo().ssnid = "010190-1234"
        cls.flex = cls.Placement
        for i, person in enumerate(cls.flex_people):
            cls.flex |= cls._placement(
                employee_id=person.id,
                scheme_id=cls.scheme_flex.id,
                date_start=date(2025, 6, 1) if i < 4 else date(2026, 2, 2),
                weekly_hours=20,
                work_capacity=50,
                person_ref=f"REF-{i}",
            )
        cls.sheltered = cls.Placement
        for person in cls.sheltered_people:
            cls.sheltered |= cls._placement(
                employee_id=person.id, date_start=date(2025, 1, 6)
            )
        cls.activity = cls.Placement
        for person in cls.activity_people:
            cls.activity |= cls._placement(
                employee_id=person.id,
                scheme_id=cls.scheme_104.id,
                date_start=date(2025, 1, 6),
            )
        (cls.flex | cls.sheltered | cls.activity).action_activate()
        cls.sheltered[0]._end(date(2026, 3, 31), "transition", "ordinary_job")
        # Another municipality's placement stays out of this report.
        cls.other_municipality = cls.municipality.copy(
            {"name": "Anden Kommune", "municipality_code": "997"}
        )
        cls.outsider = cls._placement(
            employee_id=cls.person_b.id, municipality_id=cls.other_municipality.id
        )
        cls.outsider.action_activate()
        Attendance = cls.env["hr.attendance"]
        vals = []
        everyone = cls.flex_people | cls.sheltered_people | cls.activity_people
        for i, person in enumerate(everyone):
            for week in range(10):
                check_in = datetime(2026, 3, 2, 6) + timedelta(days=7 * week + i % 3)
                vals.append(
                    {
                        "employee_id": person.id,
                        "check_in": check_in,
                        "check_out": check_in + timedelta(hours=4),
                    }
                )
        Attendance.create(vals)

    def _data(self, **kwargs):
        return self.env["social.impact.report"]._get_report_data(
            self.municipality, *PERIOD, **kwargs
        )

    def _table(self, data, key):
        return next(t for t in data["tables"] if t["key"] == key)

    def test_placement_counts_match_records(self):
        table = self._table(self._data(), "placements")
        rows = {row["label"]: row["values"] for row in table["rows"]}
        expected_active = self.Placement.search_count(
            [
                ("municipality_id", "=", self.municipality.id),
                ("scheme_id", "=", self.scheme_flex.id),
                ("state", "in", ("active", "ended")),
            ]
        )
        self.assertEqual(rows[self.scheme_flex.name]["active"], expected_active)
        self.assertEqual(expected_active, 6)
        self.assertEqual(
            rows[self.scheme_flex.name]["started"], None, "2 started: hidden"
        )
        # Two activity places are below the threshold; the 5 sheltered places are hidden
        # too, or 13 - 6 - 5 would give the two away.
        self.assertEqual(rows[self.scheme_104.name]["active"], None)
        self.assertEqual(rows[self.scheme_103.name]["active"], None)
        self.assertEqual(table["total"]["values"]["active"], 13)

    def test_attendance_matches_attendance_records(self):
        table = self._table(self._data(), "attendance")
        row = next(r for r in table["rows"] if r["label"] == self.scheme_flex.name)
        attendances = self.env["hr.attendance"].search(
            [("employee_id", "in", self.flex_people.ids)]
        )
        self.assertEqual(row["values"]["people"], 6)
        self.assertAlmostEqual(
            row["values"]["attended_hours"],
            round(sum(attendances.mapped("worked_hours")), 1),
        )
        activity = next(r for r in table["rows"] if r["label"] == self.scheme_104.name)
        self.assertIsNone(activity["values"]["attended_hours"], "2 people: suppressed")

    def test_flexjob_effective_hours_by_month(self):
        table = self._table(self._data(), "flexjob")
        march = next(r for r in table["rows"] if r["label"] == "2026-03")
        # 6 people x 5 attendances of 4 h in March (2, 9, 16, 23, 30 + offsets) at 50 %.
        attendances = self.env["hr.attendance"].search(
            [
                ("employee_id", "in", self.flex_people.ids),
                ("check_in", ">=", datetime(2026, 3, 1)),
                ("check_in", "<", datetime(2026, 4, 1)),
            ]
        )
        self.assertAlmostEqual(
            march["values"]["effective"],
            round(sum(attendances.mapped("worked_hours")) * 0.5, 1),
        )
        self.assertEqual(march["values"]["capacity"], 50.0)
        january = next(r for r in table["rows"] if r["label"] == "2026-01")
        self.assertIsNone(january["values"]["effective"], "4 people in January: hidden")

    def test_transitions(self):
        table = self._table(self._data(), "transitions")
        self.assertEqual(len(table["rows"]), 1)
        self.assertIsNone(table["rows"][0]["values"]["ended"], "1 person: hidden")

    def test_xlsx_is_private_safe_and_opens(self):
        self.scheme_104.name = '=HYPERLINK("http://evil.example","x")'
        # (as admin, the first print opens the document layout set-up instead)
        wizard = self.env["social.impact.report.wizard"].with_user(
            self.user_coordinator
        )
        wizard = wizard.create(
            {
                "municipality_id": self.municipality.id,
                "date_from": PERIOD[0],
                "date_to": PERIOD[1],
                "person_lines": True,
            }
        )
        action = wizard.action_download_xlsx()
        self.assertEqual(
            (action["type"], action["report_type"]), ("ir.actions.report", "xlsx")
        )
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], wizard.ids, None
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        cells = [
            c
            for ws in book
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        ]
        texts = " ".join(str(c.value) for c in cells)
        self.assertIn(self.municipality.name, texts)
        self.assertIn(impact.SUPPRESSED, texts)
        self.assertNotIn("010190", texts)
        self.assertNotIn("Flex Person", texts)
        self.assertNotIn("REF-", texts)
        self.assertFalse([c for c in cells if c.data_type == "f"], "no formulas")
        self.assertIn("'=HYPERLINK", texts)
        self.assertEqual(len(book.worksheets[0]._charts), 1)
        ids = [c.value for c in cells if str(c.value).startswith("P-")]
        self.assertEqual(len(ids), 13)

    def test_names_only_for_managers_of_controller_municipalities(self):
        vals = {
            "municipality_id": self.municipality.id,
            "date_from": PERIOD[0],
            "date_to": PERIOD[1],
            "include_names": True,
        }
        Wizard = self.env["social.impact.report.wizard"]
        # Not controller, no consent: the rows keep their pseudonymous IDs only.
        data = Wizard.with_user(self.user_manager).create(vals)._get_report_data()
        names = [r["values"]["name"] for r in self._table(data, "people")["rows"]]
        self.assertEqual(set(names), {""})
        self.municipality.is_data_controller = True
        with self.assertRaisesRegex(UserError, "data controller"):
            Wizard.with_user(self.user_coordinator).create(vals).action_download_xlsx()
        data = Wizard.with_user(self.user_manager).create(vals)._get_report_data()
        people = self._table(data, "people")
        self.assertIn("Flex Person 1", [r["values"]["name"] for r in people["rows"]])
        self.assertNotIn("010190", str(data))

    def test_pdf_from_the_same_numbers(self):
        wizard = self.env["social.impact.report.wizard"].create(
            {
                "municipality_id": self.municipality.id,
                "date_from": PERIOD[0],
                "date_to": PERIOD[1],
            }
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "social_enterprise.action_report_social_impact", wizard.ids
        )
        html = html.decode()
        self.assertIn(self.municipality.name, html)
        self.assertIn("&lt;5", html)
        self.assertNotIn("Flex Person", html)
        self.assertNotIn("010190", html)

    def test_supervisors_cannot_run_it(self):
        supervisor = new_test_user(
            self.env,
            login="impact_supervisor",
            groups="base.group_user,social_enterprise.social_enterprise_group_supervisor",
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.env["social.impact.report.wizard"].with_user(supervisor).create(
                {"municipality_id": self.municipality.id}
            )

    def test_query_count_does_not_grow_with_people(self):
        def make(n, code):
            municipality = self.municipality.copy(
                {"name": f"K{n}", "municipality_code": code}
            )
            people = self.env["hr.employee"].create(
                [{"name": f"Q{n}-{i}"} for i in range(n)]
            )
            placements = self.Placement.create(
                [
                    {
                        "employee_id": p.id,
                        "scheme_id": self.scheme_flex.id,
                        "municipality_id": municipality.id,
                        "date_start": date(2026, 1, 5),
                        "weekly_hours": 15,
                        "days_per_week": 3,
                        "work_capacity": 60,
                        "state": "active",
                    }
                    for p in people
                ]
            )
            placements[: n // 2]._end(date(2026, 5, 29), "transition", "education")
            return municipality

        counts = []
        for municipality in (make(10, "981"), make(60, "982")):
            self.env.invalidate_all()
            # (groups too: the wellbeing table asks who reads the report)
            self.env.registry.clear_cache("default", "groups")
            before = self.cr.sql_log_count
            self.env["social.impact.report"]._get_report_data(municipality, *PERIOD)
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        # Absence by reason adds 5 (three sums of the hours view, the reasons),
        # wellbeing 2 sums and, with cold caches, 6 to load the reader's groups,
        # continuity 4 (history, placements, sessions, plan reviews).
        self.assertLessEqual(counts[0], 35)

    def _tables_before_and_after(self, municipality=None, period=PERIOD):
        Report = self.env["social.impact.report"]
        ctx = Report._get_report_context(municipality or self.municipality, *period)
        original = Report._get_report_tables(ctx)
        shown = impact.suppress_tables(copy.deepcopy(original))
        return original, shown

    def test_the_attack_narrows_no_hidden_cell(self):
        original, shown = self._tables_before_and_after()
        hidden = attack(original, shown)
        self.assertTrue(hidden, "the report has something to hide")
        self.assertEqual(weak_cells(original, shown), [])
        # 13 places: the 2 activity places and the 5 sheltered places that protect
        # them each lie anywhere in [0, 7].
        placements = next(i for i, t in enumerate(original) if t["key"] == "placements")
        active = {
            (r[4], r[5]) for r in hidden if r[0] == placements and r[2] == "active"
        }
        self.assertEqual(active, {(0.0, 7.0)})

    def test_repeated_cells_are_hidden_in_every_table(self):
        _original, shown = self._tables_before_and_after()
        tables = {t["key"]: t for t in shown}
        active = {
            r["label"]: r["values"]["active"] for r in tables["placements"]["rows"]
        }
        people = {
            r["label"]: r["values"]["people"] for r in tables["attendance"]["rows"]
        }
        for label, value in people.items():
            self.assertEqual(value is None, active[label] is None, label)
        # The attendance rate of a scheme whose hours are hidden is hidden too.
        for row in tables["attendance"]["rows"]:
            if row["values"]["attended_hours"] is None:
                self.assertIsNone(row["values"]["rate"])

    def _workbook(self, wizard):
        """The workbook the wizard's download renders, through its report action."""
        action = wizard.action_download_xlsx()
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], wizard.ids, None
        )
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_not_applicable_is_shown_as_such(self):
        data = self._data()
        transitions = self._table(data, "transitions")
        # Ordinary job is followed up, but no answer is due yet: not applicable.
        self.assertIs(transitions["rows"][0]["values"]["m3"], impact.NOT_APPLICABLE)
        wizard = self.env["social.impact.report.wizard"].create(
            {
                "municipality_id": self.municipality.id,
                "date_from": PERIOD[0],
                "date_to": PERIOD[1],
            }
        )
        self.assertEqual(
            wizard._format_cell(impact.NOT_APPLICABLE, "percent"),
            impact.NOT_APPLICABLE_MARKER,
        )
        self.assertEqual(wizard._format_cell(None, "percent"), impact.SUPPRESSED)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "social_enterprise.action_report_social_impact", wizard.ids
        )
        self.assertRegex(html.decode(), r"<td[^>]*>\s*–\s*</td>")
        book = self._workbook(wizard)
        line = next(
            row
            for row in book.worksheets[0].iter_rows()
            if row[0].value == transitions["rows"][0]["label"]
        )
        self.assertEqual(line[2].value, impact.NOT_APPLICABLE_MARKER)

    def test_xlsx_chart_plots_only_what_is_shown(self):
        wizard = self.env["social.impact.report.wizard"].create(
            {
                "municipality_id": self.municipality.id,
                "date_from": PERIOD[0],
                "date_to": PERIOD[1],
            }
        )
        book = self._workbook(wizard)
        sheet = book.worksheets[0]
        # The chart's data block: the schemes shown with both hours, nothing else.
        labels = [
            sheet.cell(row, impact_xlsx.CHART_COLUMN + 1).value
            for row in range(2, sheet.max_row + 1)
            if sheet.cell(row, impact_xlsx.CHART_COLUMN + 1).value
        ]
        attendance = self._table(self._data(), "attendance")
        shown = [
            r["label"]
            for r in attendance["rows"]
            if r["values"]["planned_hours"] is not None
            and r["values"]["attended_hours"] is not None
        ]
        self.assertEqual(labels, shown)
        self.assertNotIn(self.scheme_104.name, labels)
        for row in range(2, len(labels) + 2):
            for offset in (2, 3):
                value = sheet.cell(row, impact_xlsx.CHART_COLUMN + offset).value
                self.assertIsInstance(value, int | float)
