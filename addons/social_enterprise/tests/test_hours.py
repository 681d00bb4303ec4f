from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestHours(SocialEnterpriseCase):
    """Hours from real attendance records, per placement and period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person.tz = "Europe/Copenhagen"
        # Flexjob, 20 h a week over 4 days at 50 % capacity, from Monday 2 Nov 2026.
        cls.flex = cls._placement(
            scheme_id=cls.scheme_flex.id,
            date_start=date(2026, 11, 2),
            weekly_hours=20,
            days_per_week=4,
            work_capacity=50,
        )
        cls.flex.action_activate()
        # Mentor support beside the flexjob: attendance is not counted twice.
        cls.mentor = cls._placement(
            scheme_id=cls.scheme_mentor.id,
            date_start=date(2026, 11, 2),
            date_end=date(2027, 4, 30),
            weekly_hours=2,
            days_per_week=1,
        )
        cls.mentor.action_activate()
        # UTC times: 5:00 UTC is 6:00 in Copenhagen (winter time), so no shift reaches
        # the lunch break Odoo deducts from worked hours; 23:30 UTC on 10 November is
        # 00:30 on 11 November in Copenhagen.
        cls._attend(cls.person, datetime(2026, 11, 2, 5), 5)
        cls._attend(cls.person, datetime(2026, 11, 3, 5), 4.5)
        cls._attend(cls.person, datetime(2026, 11, 4, 5), 5)
        cls._attend(cls.person, datetime(2026, 11, 9, 5), 6)
        cls._attend(cls.person, datetime(2026, 10, 30, 5), 3)
        cls._attend(cls.person, datetime(2026, 11, 10, 23, 30), 2)

    @classmethod
    def _attend(cls, employee, check_in, hours):
        return cls.env["hr.attendance"].create(
            {
                "employee_id": employee.id,
                "check_in": check_in,
                "check_out": check_in + timedelta(hours=hours),
            }
        )

    @freeze_time("2026-11-22")
    def test_hours_in_period(self):
        data = self.flex._get_hours_data(date(2026, 11, 1), date(2026, 11, 30))[
            self.flex.id
        ]
        # Placement 2-22 Nov (capped today): weekdays 2-6, 9-13, 16-20 = 3 weeks.
        self.assertAlmostEqual(data["planned_hours"], 60.0)
        self.assertAlmostEqual(data["planned_days"], 12.0)
        # 30 October is before the placement; 11 November is the local day of the night
        # shift.
        self.assertAlmostEqual(data["attended_hours"], 5 + 4.5 + 5 + 6 + 2)
        self.assertEqual(data["attended_days"], 5)
        self.assertAlmostEqual(data["effective_hours"], (5 + 4.5 + 5 + 6 + 2) * 0.5)
        # Absence day by day: 4 h planned a weekday; 2 Nov 5 h, 3 Nov 4.5 h, 4 Nov 5 h,
        # 9 Nov 6 h, 11 Nov 2 h -> absent 2 h that day; 10 other weekdays fully absent.
        self.assertAlmostEqual(data["absence_hours"], 2 + 10 * 4)

    @freeze_time("2026-11-22")
    def test_hours_by_month_six_days_a_week(self):
        """By month, clipped to the placement; from 6 days a week every calendar
        day is planned (42 h over 6 days: 6 h and 6/7 day a day)."""
        person = self.env["hr.employee"].create({"name": "Seks Dage"})
        placement = self.Placement.create(
            {
                "employee_id": person.id,
                "scheme_id": self.scheme_104.id,
                "municipality_id": self.municipality.id,
                "date_start": date(2026, 10, 28),
                "date_end": date(2026, 11, 3),
                "weekly_hours": 42,
                "days_per_week": 6,
                "state": "active",
            }
        )
        self._attend(person, datetime(2026, 10, 31, 5), 5)  # a Saturday
        self._attend(person, datetime(2026, 11, 2, 5), 3)
        self._attend(person, datetime(2026, 11, 5, 5), 4)  # after the end
        data = placement._get_hours_data(
            date(2026, 10, 1), date(2026, 11, 30), by_month=True
        )[placement.id]
        self.assertEqual(sorted(data), [date(2026, 10, 1), date(2026, 11, 1)])
        october, november = data[date(2026, 10, 1)], data[date(2026, 11, 1)]
        # 28-31 October: 4 days; 1-3 November: 3 days.
        self.assertAlmostEqual(october["planned_days"], 4 * 6 / 7)
        self.assertAlmostEqual(october["planned_hours"], 24.0)
        self.assertAlmostEqual(november["planned_hours"], 18.0)
        self.assertEqual(october["attended_days"], 1)
        self.assertAlmostEqual(october["attended_hours"], 5.0)
        self.assertAlmostEqual(october["absence_hours"], 24.0 - 5.0)
        self.assertEqual(november["attended_days"], 1)
        self.assertAlmostEqual(november["attended_hours"], 3.0)
        self.assertAlmostEqual(november["absence_hours"], 18.0 - 3.0)

    def test_report_view_matches_computation(self):
        """The day-by-day SQL view and the Python computation agree.

        Compared over a period in the past: the view counts up to the database's
        current date, which freezegun cannot move.
        """
        Report = self.env["social.placement.hours.report"]
        domain = [
            ("placement_id", "=", self.flex.id),
            ("date", "<=", date(2026, 11, 20)),
        ]
        measures = [
            "planned_hours:sum",
            "attended_hours:sum",
            "effective_hours:sum",
            "absence_hours:sum",
            "attended_days:sum",
        ]
        rows = Report._read_group(domain, [], measures)
        data = self.flex._get_hours_data(date(2026, 1, 1), date(2026, 11, 20))
        data = data[self.flex.id]
        planned, attended, effective, absence, days = rows[0]
        self.assertAlmostEqual(planned, data["planned_hours"])
        self.assertAlmostEqual(planned, 60.0)
        self.assertAlmostEqual(attended, data["attended_hours"])
        self.assertAlmostEqual(effective, data["effective_hours"])
        self.assertAlmostEqual(absence, data["absence_hours"])
        self.assertEqual(days, data["attended_days"])
        self.assertFalse(Report.search_count([("placement_id", "=", self.mentor.id)]))
        months = Report._read_group(domain, ["date:month"], ["attended_hours:sum"])
        self.assertEqual(len(months), 1)
        self.assertAlmostEqual(months[0][1], 22.5)

    @freeze_time("2026-11-22")
    def test_summary_fields(self):
        self.assertAlmostEqual(self.flex.hours_attended_month, 22.5)
        self.assertAlmostEqual(self.flex.hours_planned_month, 60.0)
        self.assertAlmostEqual(self.flex.attendance_rate_12m, 37.5)

    @freeze_time("2026-11-22")
    def test_query_count_does_not_grow(self):
        Employee = self.env["hr.employee"]

        def make(n):
            employees = Employee.create([{"name": f"P{n}-{i}"} for i in range(n)])
            placements = self.Placement.create(
                [
                    {
                        "employee_id": e.id,
                        "scheme_id": self.scheme_104.id,
                        "municipality_id": self.municipality.id,
                        "date_start": date(2026, 1, 5),
                        "weekly_hours": 10,
                        "days_per_week": 3,
                        "state": "active",
                    }
                    for e in employees
                ]
            )
            self.env["hr.attendance"].create(
                [
                    {
                        "employee_id": e.id,
                        "check_in": datetime(2026, 3, 2, 5),
                        "check_out": datetime(2026, 3, 2, 9),
                    }
                    for e in employees
                ]
            )
            return placements

        small, large = make(10), make(100)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=5):
            small._get_hours_data(date(2026, 1, 1), date(2026, 12, 31))
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=5):
            result = large._get_hours_data(date(2026, 1, 1), date(2026, 12, 31))
        self.assertEqual(len(result), 100)
        self.assertTrue(all(v["attended_hours"] == 4 for v in result.values()))

    @freeze_time("2026-11-22")
    def test_ordinary_hours_last_12_months(self):
        small_job = self.env.ref("social_enterprise.social_scheme_small_job")
        job = self._placement(
            employee_id=self.person_b.id,
            scheme_id=small_job.id,
            municipality_id=False,
            date_start=date(2025, 6, 1),
            weekly_hours=8,
            days_per_week=2,
        )
        job.action_activate()
        for when in (
            datetime(2025, 11, 10, 5),
            datetime(2025, 11, 24, 5),
            datetime(2026, 5, 4, 5),
        ):
            self._attend(self.person_b, when, 4)
        # 10 November 2025 is outside the 12 months up to 22 November 2026.
        self.assertAlmostEqual(self.person_b.ordinary_hours_12m, 8.0)
        self.assertAlmostEqual(self.person.ordinary_hours_12m, 0.0)

    def test_week_groups_in_the_readers_language(self):
        """Weeks in the hours views read "Uge 45 2026" in Danish, not core's "W45"."""
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(
            ["social_enterprise"], ["da_DK"], overwrite=True
        )
        Report = self.env["social.placement.hours.report"]
        domain = [
            ("placement_id", "=", self.flex.id),
            ("date", ">=", date(2026, 11, 2)),
            ("date", "<=", date(2026, 11, 15)),
        ]
        labels = {}
        for lang in ("da_DK", "en_US"):
            groups = Report.with_context(lang=lang).formatted_read_group(
                domain, ["date:week"], ["attended_hours:sum"]
            )
            labels[lang] = [group["date:week"][1] for group in groups]
        # 2-8 and 9-15 November 2026 are ISO weeks 45 and 46 (Danish weeks start
        # on Monday; American ones on Sunday, so English gets a third week).
        self.assertEqual(labels["da_DK"], ["Uge 45 2026", "Uge 46 2026"])
        self.assertEqual(labels["en_US"], ["W45 2026", "W46 2026", "W47 2026"])
        # The group's value is core's: the week's first day.
        first = Report.with_context(lang="da_DK").formatted_read_group(
            domain, ["date:week"], ["attended_hours:sum"], order="date:week"
        )[0]
        self.assertEqual(first["date:week"][0], "2026-11-02")
