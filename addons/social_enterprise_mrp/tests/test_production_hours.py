from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import MrpCase

DAY = datetime(2026, 11, 17, 8, 0)  # Tuesday 17 November 2026, 9:00 in Copenhagen


@tagged("post_install", "-at_install")
class TestProductionHours(MrpCase):
    """Work orders record who worked how long; production hours by scheme and piece
    output read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production = cls._production(40, DAY)
        cls.workorder = cls.production.workorder_ids
        # Anna tracks 90 minutes, Bo 30 minutes on the same 40 brushes.
        cls._time(cls.workorder, cls.anna, DAY, 90)
        cls._time(cls.workorder, cls.bo, datetime(2026, 11, 17, 10, 0), 30)
        cls.project = cls.env["project.project"].create(
            {"name": "Værksted", "social_activity": "production"}
        )
        cls.env["account.analytic.line"].create(
            {
                "name": "Slibning",
                "employee_id": cls.anna.id,
                "project_id": cls.project.id,
                "date": date(2026, 11, 18),
                "unit_amount": 2.0,
            }
        )

    def test_timer_counts_for_the_assigned_person(self):
        production = self._production(5, DAY)
        workorder = production.workorder_ids
        workorder.social_employee_id = self.bo
        workorder.with_user(self.user_mrp).button_start()
        line = workorder.time_ids
        self.assertEqual(line.user_id, self.user_mrp)
        self.assertEqual(line.employee_id, self.bo)
        # Not assigned: the time is the tracking user's own.
        other = self._production(5, DAY).workorder_ids
        other.with_user(self.user_mrp).button_start()
        self.assertEqual(other.time_ids.employee_id, self.worker_employee)

    def test_production_hours_include_work_orders(self):
        Report = self.env["social.production.report"]
        hours = Report._get_production_hours_by_scheme(
            date(2026, 11, 1), date(2026, 11, 30), self.env.company
        )
        # Anna (flexjob): 2 h timesheet + 1.5 h work order; Bo (§103): 0.5 h.
        self.assertAlmostEqual(hours[self.scheme_flex], 3.5)
        self.assertAlmostEqual(hours[self.scheme_103], 0.5)
        rows = Report.search([("employee_id", "=", self.anna.id)])
        self.assertEqual(sorted(rows.mapped("source")), ["timesheet", "workorder"])
        workorder_row = rows.filtered(lambda r: r.source == "workorder")
        self.assertEqual(workorder_row.workcenter_id, self.workcenter)
        self.assertEqual(workorder_row.production_id, self.production)
        self.assertEqual(workorder_row.date, date(2026, 11, 17))
        self.assertEqual(workorder_row.placement_id, self.anna_placement)

    def test_effort_units_share_the_quantity_by_time(self):
        placements = self.anna_placement | self.bo_placement
        november = (date(2026, 11, 1), date(2026, 11, 30))
        self.assertEqual(placements._get_effort_units(*november), {})  # not finished
        with freeze_time("2026-11-17 12:00:00"):
            self.workorder.button_finish()
        # 40 brushes, Anna 90 of 120 minutes, Bo 30: 30 and 10 brushes.
        expected = {self.anna_placement.id: 30.0, self.bo_placement.id: 10.0}
        self.assertEqual(placements._get_effort_units(*november), expected)
        self.assertEqual(
            self.bo_placement._get_effort_units(*november),
            {self.bo_placement.id: 10.0},
        )
        # Called on the model, every placement with output.
        every = self.env["social.placement"]._get_effort_units(*november)
        self.assertEqual({k: every[k] for k in expected}, expected)
        self.assertEqual(
            placements._get_effort_units(date(2026, 12, 1), date(2026, 12, 31)), {}
        )
        output = self.env["social.production.output"].search(
            [("employee_id", "=", self.anna.id)]
        )
        self.assertEqual(output.units, 30.0)
        self.assertEqual(output.hours, 1.5)
        self.assertEqual(output.product_id, self.brush)
