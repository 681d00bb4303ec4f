from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MrpCase


@tagged("post_install", "-at_install")
class TestSecurity(MrpCase):
    """Capacity rows are derived data nobody writes; piece output is for production
    and the coordinators, not for every employee."""

    def test_plain_user_is_denied(self):
        for model in ("social.workcenter.capacity", "social.production.output"):
            Model = self.env[model].with_user(self.user_plain)
            Model.invalidate_model()
            with self.assertRaises(AccessError):
                Model.search([])
        with self.assertRaises(AccessError):
            self.env["social.workcenter.capacity"].with_user(
                self.user_plain
            ).action_open_capacity()

    def test_capacity_is_read_only(self):
        Capacity = self.env["social.workcenter.capacity"]
        row = Capacity._refresh(
            self.anna_placement.date_start, weeks=1, workcenters=self.workcenter
        )
        for user in (self.user_mrp, self.user_supervisor):
            self.assertTrue(row.with_user(user).read(["capacity_hours"]))
            with self.assertRaises(AccessError):
                row.with_user(user).write({"capacity_hours": 100.0})
            with self.assertRaises(AccessError):
                Capacity.with_user(user).create(
                    {"workcenter_id": self.workcenter.id, "week_start": row.week_start}
                )

    def test_output_readers(self):
        production = self._production(4, datetime(2026, 11, 17, 8, 0))
        workorder = production.workorder_ids
        self._time(workorder, self.anna, datetime(2026, 11, 17, 8, 0), 60)
        workorder.button_finish()
        domain = [("employee_id", "=", self.anna.id)]
        Output = self.env["social.production.output"]
        for user in (self.user_mrp, self.user_coordinator):
            row = Output.with_user(user).search(domain)
            self.assertEqual(row.units, 4.0)
        with self.assertRaises(AccessError):
            Output.with_user(self.user_supervisor).search(domain)
