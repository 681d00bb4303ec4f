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
