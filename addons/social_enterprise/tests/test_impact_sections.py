import copy
import io
from datetime import date, datetime, timedelta

import openpyxl

from odoo.tests import tagged

from ..tools import impact, periods
from .attack import absence_relations, attack, weak_cells
from .common import SocialEnterpriseCase

# March and April 2026: 22 + 22 weekdays. Ten people on §103 from Monday 2 March,
# 20 hours a week: 4 planned hours on each weekday, 176 planned hours each.
PERIOD = (date(2026, 3, 2), date(2026, 4, 30))
WEEKDAYS = [d for d in periods.iter_days(*PERIOD) if d.weekday() < 5]


@tagged("post_install", "-at_install")
class TestImpactSections(SocialEnterpriseCase):
    """Absence by reason, wellbeing and continuity in the municipal report, on a
    worked example: every expected figure is counted from the records made here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.people = cls.env["hr.employee"].create(
            [{"name": f"Section Person {i}"} for i in range(10)]
        )
        cls.placements = cls.Placement
        for person in cls.people:
            cls.placements |= cls._placement(
                employee_id=person.id, date_start=date(2026, 3, 2), work_capacity=50
            )
        cls.placements.action_activate()
        reason = {r.code: r for r in cls.env["social.absence.reason"].search([])}
        p = cls.people
        # (person, day, reason): ill 6 people x 1 day; holiday 1 person x 2 days;
        # no-show 2 people x 1 day; late 6 people x 1 day (they came, 4 hours).
        absences = [(p[i], date(2026, 3, 2), "ill") for i in range(5)]
        absences += [(p[5], date(2026, 3, 3), "ill")]
        absences += [(p[0], date(2026, 3, 4), "holiday")]
        absences += [(p[0], date(2026, 3, 5), "holiday")]
        absences += [
            (p[1], date(2026, 3, 5), "no_show"),
            (p[2], date(2026, 3, 5), "no_show"),
        ]
        absences += [(p[i], date(2026, 3, 9), "late") for i in range(6)]
        cls.env["social.absence"].create(
            [
                {"employee_id": e.id, "date": d, "reason_id": reason[code].id}
                for e, d, code in absences
            ]
        )
        away = {(e.id, d) for e, d, code in absences if code != "late"}
        # Everyone else works the 4 planned hours; person 9 only 2 on 6 March
        # (2 hours of absence with no reason recorded).
        attendances = []
        for person in cls.people:
            for day in WEEKDAYS:
                if (person.id, day) in away:
                    continue
                hours = 2 if (person == p[9] and day == date(2026, 3, 6)) else 4
                # 6:00 UTC: 7:00 or 8:00 in Copenhagen, before any lunch break.
                check_in = datetime.combine(day, datetime.min.time()) + timedelta(
                    hours=6
                )
                attendances.append(
                    {
                        "employee_id": person.id,
                        "check_in": check_in,
                        "check_out": check_in + timedelta(hours=hours),
                    }
                )
        cls.env["hr.attendance"].create(attendances)
        # Wellbeing: the ten answer on 2 March and person 0 again on 3 March; five
        # people on 1 April; person 0 in May, after the period.
        scores = [3, 4, 4, 5, 2, 3, 4, 4, 3, 4]
        moods = [
            {"employee_id": e.id, "date": date(2026, 3, 2), "mood": str(s)}
            for e, s in zip(cls.people, scores, strict=True)
        ]
        moods.append({"employee_id": p[0].id, "date": date(2026, 3, 3), "mood": "5"})
        moods += [
            {"employee_id": p[i].id, "date": date(2026, 4, 1), "mood": "4"}
            for i in range(5)
        ]
        # A May answer lies outside the period and does not count.
        moods.append({"employee_id": p[0].id, "date": date(2026, 5, 4), "mood": "1"})
        cls.env["social.mood"].create(moods)
        # Continuity: persons 0-4 get a new case worker once each; persons 5-9 keep
        # theirs. Steps forward (a higher work capacity): persons 5-9 on 16 March
        # and 20 April (35 days apart), persons 0-1 on 9 and 30 March (21 days).
        worker = cls.env["res.partner"].create(
            {"name": "Ny Sagsbehandler", "parent_id": cls.municipality.id}
        )
        for placement in cls.placements[:5]:
            placement.with_context(
                history_date=date(2026, 3, 20)
            ).case_worker_id = worker
        steps = {i: (date(2026, 3, 16), date(2026, 4, 20)) for i in range(5, 10)}
        steps |= {i: (date(2026, 3, 9), date(2026, 3, 30)) for i in range(2)}
        for i, days in steps.items():
            for capacity, day in zip((60, 70), days, strict=True):
                cls.placements[i].with_context(
                    history_date=day
                ).work_capacity = capacity

    def _data(self, **kwargs):
        return self.env["social.impact.report"]._get_report_data(
            self.municipality, *PERIOD, **kwargs
        )

    def _table(self, data, key):
        return next(t for t in data["tables"] if t["key"] == key)

    def _rows(self, table):
        return {r["label"]: r["values"] for r in table["rows"]}

    def _original(self):
        Report = self.env["social.impact.report"]
        ctx = Report._get_report_context(self.municipality, *PERIOD)
        original = Report._get_report_tables(ctx)
        return original, impact.suppress_tables(copy.deepcopy(original))

    # ------------------------------------------------------------------ absence
    def test_absence_by_reason_counts_the_records(self):
        Absence = self.env["social.absence"]
        ill = Absence.search(
            [("employee_id", "in", self.people.ids), ("reason_id.code", "=", "ill")]
        )
        late = Absence.search(
            [("employee_id", "in", self.people.ids), ("is_late", "=", True)]
        )
        # 6 ill days of 4 planned hours each: 24 hours.
        self.assertEqual((len(ill), len(ill.employee_id)), (6, 6))
        original, shown = self._original()
        key = f"absence_{self.scheme_103.id}"
        computed = self._rows(next(t for t in original if t["key"] == key))
        self.assertEqual(
            computed["Ill"],
            {"people": 6, "days": 6.0, "hours": 24.0, "late": impact.NOT_APPLICABLE},
        )
        # Holiday: person 0 on 4 and 5 March, 8 hours; no-show: 2 people, 8 hours.
        self.assertEqual(computed["Holiday"]["hours"], 8.0)
        self.assertEqual(computed["No-show without notice (unannounced)"]["people"], 2)
        self.assertEqual(computed["No-show without notice (unannounced)"]["hours"], 8.0)
        # Person 9 missed 2 of 4 hours on 6 March without a reason.
        self.assertEqual(
            computed["No reason recorded"],
            {"people": 1, "days": 1.0, "hours": 2.0, "late": impact.NOT_APPLICABLE},
        )
        self.assertEqual(computed["Doctor or treatment"]["hours"], 0.0)
        late_row = computed["Late arrivals (came later than planned)"]
        self.assertEqual((late_row["people"], late_row["late"]), (len(late), 6.0))
        self.assertIs(late_row["hours"], impact.NOT_APPLICABLE)
        table = next(t for t in original if t["key"] == key)
        # Attended: 10 people x 44 weekdays - the 10 full days away = 430 days;
        # 1760 planned hours (10 x 176) - 42 absent = 1718 attended hours, the
        # attendance table's figures (nobody worked beyond the plan).
        attended = computed["Attended"]
        self.assertEqual(
            attended,
            {
                "people": 10,
                "days": 430.0,
                "hours": 1718.0,
                "late": impact.NOT_APPLICABLE,
            },
        )
        attendance = self._rows(next(t for t in original if t["key"] == "attendance"))
        row = attendance[self.scheme_103.name]
        self.assertEqual(
            (row["planned_hours"], row["attended_hours"], row["attended_days"]),
            (1760.0, 1718.0, 430.0),
        )
        # Absent: 24 + 8 + 8 + 2 = 42 hours over 6 + 2 + 2 + 1 = 11 days; the
        # total is what was attended and what was not: 1718 + 42 = 1760 hours.
        self.assertEqual(
            table["total"]["values"],
            {"people": 10, "days": 441.0, "hours": 1760.0, "late": 6.0},
        )

        # Shown: holiday (1 person), no-show (2) and no reason (1) are hidden; their
        # 18 hours protect one another (each lies in [0, 18], wider than 1.5 x 8);
        # the 4 people they hold need one more people cell: the ill line's.
        rows = self._rows(next(t for t in shown if t["key"] == key))
        for label in (
            "Holiday",
            "No-show without notice (unannounced)",
            "No reason recorded",
        ):
            self.assertEqual(
                set(rows[label].values()) - {impact.NOT_APPLICABLE}, {None}, label
            )
        self.assertEqual(
            rows["Ill"],
            {"people": None, "days": 6.0, "hours": 24.0, "late": impact.NOT_APPLICABLE},
        )
        self.assertEqual(rows["Late arrivals (came later than planned)"]["late"], 6.0)

    def test_the_attack_narrows_no_hidden_cell(self):
        original, shown = self._original()
        key = f"absence_{self.scheme_103.id}"
        index = next(i for i, t in enumerate(original) if t["key"] == key)
        # The adversary also knows that the absence lines add up to the planned
        # minus the attended hours (nobody worked beyond the plan here).
        [relation] = absence_relations(original)
        hidden = attack(original, shown, [relation])
        absence = [h for h in hidden if h[0] == index]
        self.assertTrue(absence, "absence has small groups to hide")
        self.assertEqual(weak_cells(original, shown, relations=[relation]), [])
        # The hidden holiday hours (8) can be anything from 0 to 18.
        holiday = next(
            i for i, r in enumerate(original[index]["rows"]) if r["label"] == "Holiday"
        )
        bounds = next(h[4:6] for h in absence if h[1] == holiday and h[2] == "hours")
        self.assertAlmostEqual(bounds[0], 0.0, 1)
        self.assertGreaterEqual(bounds[1], 1.5 * 8)

    def test_one_absent_person_is_not_given_away_by_the_attendance(self):
        """Six people on §103 for two weeks, one of them ill on two days and
        nobody else away: planned minus attended hours (the attendance table)
        is that one person's absence, so the adversary knows the absence table's
        reason lines add up to it. The ill line must stay hidden all the same."""
        municipality = self.municipality.copy(
            {"name": "Lille Kommune", "municipality_code": "975"}
        )
        people = self.env["hr.employee"].create(
            [{"name": f"Small {i}"} for i in range(6)]
        )
        placements = self.Placement.create(
            [
                {
                    "employee_id": e.id,
                    "scheme_id": self.scheme_103.id,
                    "municipality_id": municipality.id,
                    "case_worker_id": self.case_worker.id,
                    "date_start": date(2026, 3, 2),
                    "date_end": date(2026, 3, 13),
                    "weekly_hours": 20,
                    "days_per_week": 5,
                }
                for e in people
            ]
        )
        placements.action_activate()
        ill = self.env.ref("social_enterprise.social_absence_reason_ill")
        self.env["social.absence"].create(
            [
                {"employee_id": people[0].id, "date": day, "reason_id": ill.id}
                for day in (date(2026, 3, 2), date(2026, 3, 3))
            ]
        )
        days = [d for d in WEEKDAYS if d <= date(2026, 3, 13)]
        self.env["hr.attendance"].create(
            [
                {
                    "employee_id": e.id,
                    "check_in": datetime.combine(d, datetime.min.time())
                    + timedelta(hours=6),
                    "check_out": datetime.combine(d, datetime.min.time())
                    + timedelta(hours=10),
                }
                for e in people
                for d in days
                if not (e == people[0] and d <= date(2026, 3, 3))
            ]
        )
        Report = self.env["social.impact.report"]
        ctx = Report._get_report_context(municipality, date(2026, 3, 2), days[-1])
        original = Report._get_report_tables(ctx)
        shown = impact.suppress_tables(copy.deepcopy(original))
        key = f"absence_{self.scheme_103.id}"
        absence = next(t for t in original if t["key"] == key)
        # 6 x 10 x 4 = 240 planned hours, 240 - 8 = 232 attended: 8 hours ill.
        attendance = next(t for t in original if t["key"] == "attendance")
        self.assertEqual(
            (
                attendance["rows"][0]["values"]["planned_hours"],
                attendance["rows"][0]["values"]["attended_hours"],
            ),
            (240.0, 232.0),
        )
        # (the adversary's fact: the reason lines add up to 240 - 232 hours)
        [relation] = absence_relations(original)
        rows = self._rows(next(t for t in shown if t["key"] == key))
        self.assertIsNone(rows["Ill"]["hours"])
        # The attended hours protect them (the only other line with hours), and
        # are hidden in the attendance table too, with its rate; 240 planned
        # hours stay.
        self.assertIsNone(rows["Attended"]["hours"])
        shown_attendance = next(t for t in shown if t["key"] == "attendance")
        values = shown_attendance["rows"][0]["values"]
        self.assertEqual(
            (values["planned_hours"], values["attended_hours"], values["rate"]),
            (240.0, None, None),
        )
        # Without the attended line the adversary put the 8 ill hours in [7.6,
        # 8.4]; now in a range wider than 1.5 x 8 hours.
        self.assertEqual(weak_cells(original, shown, relations=[relation]), [])
        [ill_bounds] = [
            h[4:6]
            for h in attack(original, shown, [relation])
            if h[0] == original.index(absence) and h[2] == "hours" and h[3] == 8.0
        ]
        self.assertGreaterEqual(ill_bounds[1] - ill_bounds[0], 1.5 * 8)

    # ---------------------------------------------------------------- wellbeing
    def test_wellbeing_by_month(self):
        original, shown = self._original()
        table = next(t for t in original if t["key"] == "wellbeing")
        rows = self._rows(table)
        # March: 10 answers on 2 March (3+4+4+5+2+3+4+4+3+4 = 36) and 5 on 3 March:
        # 11 answers, 41 points, mean 3.73, by 10 people.
        self.assertEqual(rows["2026-03"], {"people": 10, "answers": 11, "mean": 3.73})
        # April: five people answered 4.
        self.assertEqual(rows["2026-04"], {"people": 5, "answers": 5, "mean": 4.0})
        # The period: 16 answers, 61 points, by 10 people; May's answer is outside.
        self.assertEqual(
            table["total"]["values"], {"people": 10, "answers": 16, "mean": 3.81}
        )
        self.assertNotIn("2026-05", rows)
        self.assertEqual(
            self._rows(next(t for t in shown if t["key"] == "wellbeing")), rows
        )

    def test_wellbeing_small_month_is_hidden(self):
        # April answered by two people only (instead of five).
        self.env["social.mood"].search(
            [("employee_id", "in", self.people.ids), ("date", "=", date(2026, 4, 1))]
        )[2:].unlink()
        original, shown = self._original()
        rows = self._rows(next(t for t in shown if t["key"] == "wellbeing"))
        # April's 2 people are hidden, and its mean with them; they need a margin
        # of 5 people, so March's 10 are hidden too (both lie in [0, 12]); the same
        # for the answers (2 and 11 of 13). The period's figures stay.
        hidden = {"people": None, "answers": None, "mean": None}
        self.assertEqual(rows["2026-04"], hidden)
        self.assertEqual(rows["2026-03"], hidden)
        total = next(t for t in shown if t["key"] == "wellbeing")["total"]
        # 41 + 8 = 49 points over 13 answers: 3.77.
        self.assertEqual(total["values"], {"people": 10, "answers": 13, "mean": 3.77})
        self.assertEqual(weak_cells(original, shown), [])

    def test_wellbeing_never_for_work_supervisors(self):
        Report = self.env["social.impact.report"]
        ctx = Report._get_report_context(self.municipality, *PERIOD)
        self.assertTrue(Report._table_wellbeing(ctx))
        self.assertIsNone(Report.with_user(self.user_supervisor)._table_wellbeing(ctx))

    # --------------------------------------------------------------- continuity
    def test_continuity(self):
        original, shown = self._original()
        table = next(t for t in original if t["key"] == "continuity")
        row = self._rows(table)[self.scheme_103.name]
        # 10 people x 60 days (2 March to 30 April) = 600 days = 1.64 person-years;
        # 5 case-worker changes: 5 / 1.6427 = 3.04 a person-year.
        self.assertEqual(row["people"], 10)
        self.assertEqual(row["person_years"], round(600 / 365.25, 1))
        self.assertEqual(row["changes"], 5)
        self.assertEqual(row["rate"], round(5 / (600 / 365.25), 2))
        # Persons 5-9 kept one case worker: 5 of 10.
        self.assertEqual((row["stable"], row["stable_share"]), (5, 50.0))
        # Days between steps: 35 (x5) and 21 (x2): 21, 21, 35, 35, 35, 35, 35.
        self.assertEqual(row["median_days"], 35)
        self.assertEqual(table["total"]["values"], row)
        self.assertEqual(
            self._rows(next(t for t in shown if t["key"] == "continuity"))[
                self.scheme_103.name
            ],
            row,
        )

    def test_continuity_small_groups_hidden(self):
        # Three more people on the activity scheme, one a case-worker change.
        others = self.env["hr.employee"].create(
            [{"name": f"Activity {i}"} for i in range(3)]
        )
        placements = self.Placement
        for person in others:
            placements |= self._placement(
                employee_id=person.id,
                scheme_id=self.scheme_104.id,
                date_start=date(2026, 3, 2),
            )
        placements.action_activate()
        original, shown = self._original()
        rows = self._rows(next(t for t in shown if t["key"] == "continuity"))
        self.assertEqual(
            {
                k: v
                for k, v in rows[self.scheme_104.name].items()
                if v is not impact.NOT_APPLICABLE
            },
            dict.fromkeys(
                ("people", "person_years", "changes", "rate", "stable", "stable_share"),
                None,
            ),
        )
        self.assertEqual(weak_cells(original, shown), [])

    # ---------------------------------------------------------------- renderings
    def _wizard(self):
        return (
            self.env["social.impact.report.wizard"]
            .with_user(self.user_coordinator)
            .create(
                {
                    "municipality_id": self.municipality.id,
                    "date_from": PERIOD[0],
                    "date_to": PERIOD[1],
                }
            )
        )

    def test_sections_in_pdf_and_xlsx_in_danish(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(
            ["social_enterprise"], ["da_DK"], overwrite=True
        )
        self.user_coordinator.lang = "da_DK"
        wizard = self._wizard().with_context(lang="da_DK")
        # (the web client renders in the user's language, as its context says)
        Reports = (
            self.env["ir.actions.report"]
            .with_user(self.user_coordinator)
            .with_context(lang="da_DK")
        )
        html, _kind = Reports._render_qweb_html(
            "social_enterprise.action_report_social_impact", wizard.ids
        )
        html = html.decode()
        for title in (
            "Fravær efter årsag",
            "Trivsel",
            "Kontinuitet",
            "Udeblevet uden besked (ikke-meldt)",
        ):
            self.assertIn(title, html)
        self.assertNotIn("Section Person", html)
        action = wizard.action_download_xlsx()
        content, _kind = Reports._render_xlsx(action["report_name"], wizard.ids, None)
        book = openpyxl.load_workbook(io.BytesIO(content))
        texts = [
            str(c.value)
            for ws in book
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        ]
        self.assertTrue([t for t in texts if t.startswith("Fravær efter årsag")])
        self.assertIn("Kontinuitet", texts)
        self.assertIn("Syg", texts)  # the reason's own (translated) name
        self.assertIn(impact.SUPPRESSED, texts)
        self.assertFalse([t for t in texts if "Section Person" in t])

    # -------------------------------------------------------------- query count
    def test_query_count_does_not_grow_with_people(self):
        reason = self.env.ref("social_enterprise.social_absence_reason_ill")

        def make(n, code):
            municipality = self.municipality.copy(
                {"name": f"S{n}", "municipality_code": code}
            )
            people = self.env["hr.employee"].create(
                [{"name": f"S{n}-{i}"} for i in range(n)]
            )
            placements = self.Placement.create(
                [
                    {
                        "employee_id": e.id,
                        "scheme_id": self.scheme_103.id,
                        "municipality_id": municipality.id,
                        "case_worker_id": self.case_worker.id,
                        "date_start": date(2026, 3, 2),
                        "weekly_hours": 20,
                        "days_per_week": 5,
                    }
                    for e in people
                ]
            )
            placements.action_activate()
            self.env["social.absence"].create(
                [
                    {
                        "employee_id": e.id,
                        "date": date(2026, 3, 3),
                        "reason_id": reason.id,
                    }
                    for e in people
                ]
            )
            self.env["social.mood"].create(
                [
                    {"employee_id": e.id, "date": date(2026, 3, 3), "mood": "4"}
                    for e in people
                ]
            )
            return municipality

        Report = self.env["social.impact.report"]
        builders = (
            Report._table_absence,
            Report._table_wellbeing,
            Report._table_continuity,
        )
        counts = []
        # (a first run warms what other tests of the class leave cold: group
        # checks, translated names)
        for municipality in (make(10, "971"), make(10, "973"), make(100, "972")):
            ctx = Report._get_report_context(municipality, *PERIOD)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            for builder in builders:
                self.assertTrue(builder(ctx))
            counts.append(self.cr.sql_log_count - before)
        counts = counts[1:]
        self.assertEqual(counts[0], counts[1], counts)
