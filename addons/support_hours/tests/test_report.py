from datetime import date, datetime, timedelta

from odoo.tests import tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestHoursReport(SupportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["support.hours.report"]
        # Danish weeks start on Monday (the grouping follows the reader's language).
        cls.env["res.lang"]._activate_lang("da_DK")
        cls.env = cls.env(context=dict(cls.env.context, lang="da_DK"))
        cls.Report = cls.Report.with_env(cls.env)

    def _totals(self, groupby, domain=()):
        return {
            key: (round(planned, 4), round(delivered, 4), round(granted, 4))
            for key, planned, delivered, granted in self.Report._read_group(
                [("employee_id", "=", self.person.id), *domain],
                [groupby],
                ["planned_hours:sum", "delivered_hours:sum", "granted_hours:sum"],
            )
        }

    def test_planned_delivered_granted_per_week_and_month(self):
        self._session(duration=1.5)  # Monday 2 March
        self._session(start=datetime(2026, 3, 31, 7, 0), duration=1.0)  # Tuesday
        self.env.flush_all()
        weeks = self._totals("date:week")
        # 23 Feb - 1 Mar: planned all week, granted only Sunday 1 March.
        self.assertEqual(weeks[date(2026, 2, 23)], (2.0, 0.0, round(4 / 7, 4)))
        self.assertEqual(weeks[date(2026, 3, 2)], (2.0, 1.5, 4.0))
        # The week of 30 March crosses into April and is still one whole week.
        self.assertEqual(weeks[date(2026, 3, 30)], (2.0, 1.0, 4.0))
        months = self._totals("date:month")
        self.assertEqual(
            months[date(2026, 3, 1)],
            (round(2 * 31 / 7, 4), 2.5, round(4 * 31 / 7, 4)),
        )
        self.assertEqual(months[date(2026, 2, 1)], (round(2 * 28 / 7, 4), 0.0, 0.0))
        # The grant's whole period adds up to the granted hours.
        total = self.Report._read_group(
            [("grant_id", "=", self.grant.id)], [], ["granted_hours:sum"]
        )[0][0]
        self.assertAlmostEqual(total, self.grant.granted_hours, places=2)

    def test_total_grant_spreads_evenly(self):
        grant = self._grant(
            category_id=self.cat_mentor.id,
            grant_type="total",
            hours_total=10,
            date_from=date(2026, 3, 1),
            date_to=date(2026, 3, 10),
        )
        rows = self.Report._read_group(
            [("grant_id", "=", grant.id)], ["date:month"], ["granted_hours:sum"]
        )
        self.assertEqual(
            [(d, round(h, 4)) for d, h in rows], [(date(2026, 3, 1), 10.0)]
        )

    def test_per_staff_and_team(self):
        self._session(duration=1.5)
        self._session(
            staff_id=self.user_mentor_b.id,
            start=datetime(2026, 3, 3, 8, 0),
            duration=0.5,
        )
        self.env.flush_all()
        by_staff = dict(
            self.Report._read_group(
                [("source", "=", "session")], ["staff_id"], ["delivered_hours:sum"]
            )
        )
        self.assertEqual(by_staff[self.user_mentor], 1.5)
        self.assertEqual(by_staff[self.user_mentor_b], 0.5)
        planned_by_staff = dict(
            self.Report._read_group(
                [("date", ">=", date(2026, 3, 2)), ("date", "<=", date(2026, 3, 8))],
                ["staff_id"],
                ["planned_hours:sum"],
            )
        )
        self.assertEqual(planned_by_staff[self.user_mentor], 2.0)
        self.assertEqual(planned_by_staff[self.user_mentor_b], 1.0)

    def _make_people(self, count):
        people = self.env["hr.employee"].create(
            [{"name": f"Report person {count}-{i}"} for i in range(count)]
        )
        self.Need.create(
            [
                {
                    "employee_id": person.id,
                    "category_id": self.cat_mentor.id,
                    "planned_hours": 1.0,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 6, 30),
                    "responsible_id": self.user_mentor.id,
                }
                for person in people
            ]
        )
        self.Grant.create(
            [
                {
                    "employee_id": person.id,
                    "municipality_id": self.municipality.id,
                    "category_id": self.cat_mentor.id,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 6, 30),
                    "hours_per_week": 2,
                    "responsible_id": self.user_coordinator.id,
                    "state": "active",
                }
                for person in people
            ]
        )
        self.Session.create(
            [
                {
                    "employee_id": person.id,
                    "staff_id": self.user_mentor.id,
                    "start": datetime(2026, 2, 2 if count < 50 else 12, 6, 0)
                    + timedelta(hours=2 * i),
                    "duration": 1.0,
                }
                for i, person in enumerate(people)
            ]
        )
        self.env.flush_all()
        return people

    def test_query_count_does_not_grow(self):
        """The whole analysis, per person and month, costs the same for 10 and 100
        people, read as a mentor (record rules) and as a coordinator."""
        for count in (10, 100):
            people = self._make_people(count)
            for user, queries in ((self.user_coordinator, 1), (self.user_mentor, 1)):
                report = self.Report.with_user(user)

                def read(report=report, ids=tuple(people.ids)):
                    return report._read_group(
                        [("employee_id", "in", ids)],
                        ["employee_id", "date:month"],
                        ["planned_hours:sum", "delivered_hours:sum"],
                    )

                read()  # warm the caches of access rights and rules
                self.env.invalidate_all()
                with self.assertQueryCount(queries):
                    rows = read()
                self.assertEqual(len({r[0] for r in rows}), count)
