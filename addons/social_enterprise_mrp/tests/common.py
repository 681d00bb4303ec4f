from datetime import date, timedelta

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.social_enterprise.tests.common import SocialEnterpriseCase

MRP_USER = "base.group_user,mrp.group_mrp_user"


class MrpCase(SocialEnterpriseCase):
    """A work centre with a team of two people on schemes (a flexjob worker at 60 %
    work capacity and a §103 participant), a brush with a one-operation routing, and
    users for the manufacturing and social roles. Times are naive UTC; everyone works
    in Europe/Copenhagen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tz = {"tz": "Europe/Copenhagen"}
        cls.user_mrp = new_test_user(cls.env, login="mrp_worker", groups=MRP_USER, **tz)
        cls.Employee = cls.env["hr.employee"]
        cls.anna = cls.Employee.create({"name": "Anna Flex", "tz": "Europe/Copenhagen"})
        cls.bo = cls.Employee.create(
            {"name": "Bo Beskyttet", "tz": "Europe/Copenhagen"}
        )
        cls.worker_employee = cls.Employee.create(
            {"name": "Mads Værksted", "user_id": cls.user_mrp.id}
        )
        cls.anna_placement = cls._active_placement(
            employee_id=cls.anna.id,
            scheme_id=cls.scheme_flex.id,
            weekly_hours=20,
            days_per_week=4,
            work_capacity=60,
            date_start=date(2026, 1, 5),
        )
        cls.bo_placement = cls._active_placement(
            employee_id=cls.bo.id,
            weekly_hours=18,
            days_per_week=3,
            rate_level="1",
            date_start=date(2026, 11, 16),
        )
        cls.workcenter = cls.env["mrp.workcenter"].create(
            {
                "name": "Isætning",
                "time_efficiency": 100,
                "social_employee_ids": [Command.set((cls.anna | cls.bo).ids)],
            }
        )
        cls.brush = cls.env["product.product"].create(
            {"name": "Opvaskebørste", "type": "consu"}
        )
        cls.handle = cls.env["product.product"].create(
            {"name": "Skaft", "type": "consu"}
        )
        cls.bom = cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": cls.brush.product_tmpl_id.id,
                "product_qty": 1,
                "consumption": "flexible",
                "bom_line_ids": [
                    Command.create({"product_id": cls.handle.id, "product_qty": 1})
                ],
                "operation_ids": [
                    Command.create(
                        {
                            "name": "Træk fibre i",
                            "workcenter_id": cls.workcenter.id,
                            "time_mode": "manual",
                            "time_cycle_manual": 180,
                        }
                    )
                ],
            }
        )
        cls.productive = cls.env["mrp.workcenter.productivity.loss"].search(
            [("loss_type", "=", "productive")], limit=1
        )

    @classmethod
    def _active_placement(cls, **vals):
        placement = cls._placement(**vals)
        placement.action_activate()
        return placement

    @classmethod
    def _production(cls, qty, start):
        production = cls.env["mrp.production"].create(
            {
                "product_id": cls.brush.id,
                "bom_id": cls.bom.id,
                "product_qty": qty,
                "date_start": start,
            }
        )
        production.action_confirm()
        return production

    @classmethod
    def _time(cls, workorder, employee, start, minutes):
        return cls.env["mrp.workcenter.productivity"].create(
            {
                "workorder_id": workorder.id,
                "workcenter_id": workorder.workcenter_id.id,
                "employee_id": employee.id,
                "loss_id": cls.productive.id,
                "date_start": start,
                "date_end": start + timedelta(minutes=minutes),
            }
        )
