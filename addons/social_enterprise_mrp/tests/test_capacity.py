from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from .common import MrpCase

TODAY = date(2026, 11, 18)  # a Wednesday; its week starts on Monday 16 November
MONDAY = date(2026, 11, 16)


@tagged("post_install", "-at_install")
class TestCapacity(MrpCase):
    """This week's capacity of a work centre in effective hours beside the load of
    its planned orders.

    Worked example: Anna, flexjob 20 h over 4 days at 60 % work capacity, attended
    17 of her 20 planned hours in each of the last 12 weeks (204 of 240 h: 15 %
    expected absence): 20 x 0.6 x 0.85 = 10.2 effective hours. Bo, §103 18 h over
    3 days, started this Monday (no history, no expected absence): 18 h. Capacity
    28.2 h. One order of 10 brushes at 180 minutes each: 30 h of load, 1.8 h more
    than the team can do.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        attendances = []
        for week in range(1, 13):
            monday = MONDAY - timedelta(weeks=week)
            for weekday in range(
                4
            ):  # Monday-Thursday, 5:00-9:15 UTC = 4.25 h before lunch
                start = datetime.combine(
                    monday + timedelta(days=weekday), datetime.min.time()
                )
                attendances.append(
                    {
                        "employee_id": cls.anna.id,
                        "check_in": start + timedelta(hours=5),
                        "check_out": start + timedelta(hours=9, minutes=15),
                    }
                )
        cls.env["hr.attendance"].create(attendances)
        cls.production = cls._production(10, datetime(2026, 11, 17, 8, 0))

    def _rows(self):
        Capacity = self.env["social.workcenter.capacity"]
        return Capacity._refresh(TODAY, weeks=2, workcenters=self.workcenter)

    @freeze_time(TODAY)
    def test_week_capacity_beside_load(self):
        self.assertAlmostEqual(self.production.workorder_ids.duration_expected, 1800.0)
        this_week, next_week = self._rows().sorted("week_start")
        self.assertEqual(this_week.week_start, MONDAY)
        self.assertEqual(this_week.people_count, 2)
        self.assertAlmostEqual(this_week.planned_hours, 38.0)
        self.assertAlmostEqual(this_week.effective_hours, 30.0)  # 12 + 18
        self.assertAlmostEqual(this_week.capacity_hours, 28.2)
        self.assertAlmostEqual(this_week.load_hours, 30.0)
        self.assertAlmostEqual(this_week.free_hours, -1.8)
        self.assertTrue(this_week.overloaded)
        self.assertEqual(this_week.workorder_count, 1)
        action = this_week.action_view_workorders()
        self.assertEqual(
            self.env["mrp.workorder"].search(action["domain"]),
            self.production.workorder_ids,
        )
        # Next week: the same team, nothing planned.
        self.assertAlmostEqual(next_week.capacity_hours, 28.2)
        self.assertFalse(next_week.overloaded)
        # The order warns whoever plans it.
        self.production.invalidate_recordset(["social_capacity_warning"])
        self.assertIn("30.0 h", self.production.social_capacity_warning)
        self.assertIn("28.2", self.production.social_capacity_warning)

    @freeze_time(TODAY)
    def test_refresh_replaces_rows_and_splits_shared_people(self):
        self._rows()
        # Bo also works at packing: his 18 h are shared between the two teams.
        packing = self.env["mrp.workcenter"].create(
            {"name": "Pakning", "social_employee_ids": [Command.set(self.bo.ids)]}
        )
        rows = self._rows()
        self.assertEqual(
            self.env["social.workcenter.capacity"].search_count(
                [("workcenter_id", "=", self.workcenter.id)]
            ),
            2,
        )
        this_week = rows.filtered(lambda r: r.week_start == MONDAY)
        self.assertAlmostEqual(this_week.capacity_hours, 19.2)  # 10.2 + 18 / 2
        self.assertFalse(
            self.production.workorder_ids.filtered(lambda w: w.state == "done")
        )
        packing_row = self.env["social.workcenter.capacity"]._compute_rows(
            packing, [MONDAY]
        )[0]
        self.assertAlmostEqual(packing_row["capacity_hours"], 9.0)

    @freeze_time(TODAY)
    def test_supervisor_opens_the_planning(self):
        action = (
            self.env["social.workcenter.capacity"]
            .with_user(self.user_supervisor)
            .action_open_capacity()
        )
        self.assertEqual(action["res_model"], "social.workcenter.capacity")
        rows = (
            self.env["social.workcenter.capacity"]
            .with_user(self.user_supervisor)
            .search([("workcenter_id", "=", self.workcenter.id)])
        )
        self.assertEqual(len(rows), 4)  # this week and the next three
        self.assertTrue(rows.filtered(lambda r: r.week_start == MONDAY).overloaded)


@tagged("post_install", "-at_install")
class TestCapacityLeave(MrpCase):
    """Approved leave (a ``resource.calendar.leaves`` of the person, whatever made
    it) comes off the capacity only where it falls on the person's planned days.

    Worked example, the week of Monday 16 November 2026, both on the company's
    Monday-Friday schedule and without attendance history (no expected absence):

    * Bo, §103, 18 h over 3 days: Monday to Wednesday, 6 h a day. Tuesday off
      (08:00-16:00) takes 6 h; Friday off, a day he does not come, takes nothing:
      18 - 6 = 12 h.
    * Anna, flexjob 20 h over 4 days at 60 %: Monday to Thursday, 5 h a day. Off from
      Wednesday 08:00 to Thursday 16:00 (2 days, 10 h) and on Friday (not her day):
      (20 - 10) x 0.6 = 6 effective hours.

    Planned 38 h before leave; effective 12 + 6 = 18 h. Anna has attended nothing in
    her last 12 weeks here (100 % expected absence), so the capacity is Bo's 12 h.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.resource_calendar_id.tz = "Europe/Copenhagen"
        cls._leave(cls.bo, datetime(2026, 11, 17, 7, 0), datetime(2026, 11, 17, 15, 0))
        cls._leave(cls.bo, datetime(2026, 11, 20, 7, 0), datetime(2026, 11, 20, 15, 0))
        cls._leave(
            cls.anna, datetime(2026, 11, 18, 7, 0), datetime(2026, 11, 19, 15, 0)
        )
        cls._leave(
            cls.anna, datetime(2026, 11, 20, 7, 0), datetime(2026, 11, 20, 15, 0)
        )

    @classmethod
    def _leave(cls, employee, start, end, **vals):
        """Approved leave in naive UTC (Copenhagen is UTC+1 in November)."""
        return cls.env["resource.calendar.leaves"].create(
            dict(
                {
                    "name": "Fri",
                    "resource_id": employee.resource_id.id,
                    "calendar_id": employee.resource_calendar_id.id,
                    "date_from": start,
                    "date_to": end,
                },
                **vals,
            )
        )

    def _week(self, workcenter):
        return self.env["social.workcenter.capacity"]._compute_rows(
            workcenter, [MONDAY]
        )[0]

    @freeze_time(TODAY)
    def test_leave_on_planned_days_only(self):
        row = self._week(self.workcenter)
        self.assertAlmostEqual(row["planned_hours"], 38.0)
        self.assertAlmostEqual(row["leave_hours"], 16.0)  # Bo 6 + Anna 10
        self.assertAlmostEqual(row["effective_hours"], 18.0)  # 12 + 6
        self.assertAlmostEqual(row["capacity_hours"], 12.0)
        # The next week has no leave: 18 + 12 = 30 effective hours again.
        rows = self.env["social.workcenter.capacity"]._compute_rows(
            self.workcenter, [MONDAY + timedelta(weeks=1)]
        )
        self.assertAlmostEqual(rows[0]["effective_hours"], 30.0)
        # Each alone on the team: Bo 12 h, Anna 6 effective hours.
        for employee, expected in ((self.bo, 12.0), (self.anna, 6.0)):
            self.workcenter.social_employee_ids = employee
            self.assertAlmostEqual(
                self._week(self.workcenter)["effective_hours"], expected
            )

    @freeze_time(TODAY)
    def test_half_day_and_leave_of_other_kinds(self):
        # Bo also takes Monday morning off for a course (time type "other"), 08:00-
        # 11:00: 3 of Monday's 6 h. 18 - 6 - 3 = 9 h.
        self._leave(
            self.bo,
            datetime(2026, 11, 16, 7, 0),
            datetime(2026, 11, 16, 10, 0),
            time_type="other",
        )
        self.workcenter.social_employee_ids = self.bo
        self.assertAlmostEqual(self._week(self.workcenter)["effective_hours"], 9.0)

    @freeze_time(TODAY)
    def test_staff_leave_follows_their_schedule(self):
        # Mads, staff on the 40 h Monday-Friday schedule (8 h a day), off on
        # Thursday: 40 - 8 = 32 h.
        self._leave(
            self.worker_employee,
            datetime(2026, 11, 19, 7, 0),
            datetime(2026, 11, 19, 15, 0),
        )
        staff = self.env["mrp.workcenter"].create(
            {
                "name": "Værksted",
                "social_employee_ids": [Command.set(self.worker_employee.ids)],
            }
        )
        self.assertEqual(self.worker_employee.resource_calendar_id.hours_per_week, 40)
        self.assertAlmostEqual(self._week(staff)["effective_hours"], 32.0)

    @freeze_time(TODAY)
    def test_query_count_independent_of_the_team_size(self):
        def team_of(size):
            people = self.Employee.create(
                [
                    {"name": f"Deltager {size}-{n}", "tz": "Europe/Copenhagen"}
                    for n in range(size)
                ]
            )
            for person in people:
                self._active_placement(
                    employee_id=person.id,
                    weekly_hours=18,
                    days_per_week=3,
                    rate_level="1",
                    date_start=date(2026, 9, 1),
                )
                self._leave(
                    person,
                    datetime(2026, 11, 17, 7, 0),
                    datetime(2026, 11, 17, 15, 0),
                )
            return self.env["mrp.workcenter"].create(
                {
                    "name": f"Hold {size}",
                    "social_employee_ids": [Command.set(people.ids)],
                }
            )

        def queries(workcenter):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            row = self._week(workcenter)
            return self.cr.sql_log_count - before, row

        small, big = team_of(3), team_of(12)
        small_count, small_row = queries(small)
        big_count, big_row = queries(big)
        self.assertAlmostEqual(small_row["effective_hours"], 3 * 12.0)
        self.assertAlmostEqual(big_row["effective_hours"], 12 * 12.0)
        self.assertEqual(small_count, big_count)
