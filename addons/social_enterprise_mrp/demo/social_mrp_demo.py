from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

# (product, bom, quantity) cycled over the working days of the last four weeks.
ORDERS = [
    ("product_dish_brush_demo", "mrp_bom_dish_brush_demo", 20),
    ("product_scrub_brush_demo", "mrp_bom_scrub_brush_demo", 10),
    ("product_nail_brush_demo", "mrp_bom_nail_brush_demo", 30),
]
WORKCENTERS = [
    "mrp_workcenter_drilling_demo",
    "mrp_workcenter_tufting_demo",
    "mrp_workcenter_packing_demo",
]
DEMO_DAYS = 28
PLANNED_ORDERS = 6
# This week's orders are bigger than usual: more than the fibre team can do.
PLANNED_FACTOR = 5


class SocialMrpDemo(models.AbstractModel):
    """Loader of the manufacturing sample data (the records themselves are in
    demo/mrp_demo.xml): teams from the workshop's sample people, a month of finished
    orders with time tracked by them, and the orders planned for this week."""

    _name = "social.mrp.demo"
    _description = "Manufacturing Sample Data"

    def _ref(self, name):
        return self.env.ref(f"social_enterprise_mrp.{name}")

    @api.model
    def _demo_generate(self):
        company = self.env.ref("base.demo_company_dk")
        env = self.with_company(company).with_context(
            tracking_disable=True, mail_notrack=True
        )
        people = env._demo_assign_teams(company)
        picking_type = env._demo_picking_type(company)
        if not people or not picking_type or env._demo_loaded_before(company):
            return
        env = env.with_context(social_demo_picking_type_id=picking_type.id)
        today = fields.Date.context_today(self)
        days = [
            today - timedelta(days=n)
            for n in range(DEMO_DAYS, 0, -1)
            if (today - timedelta(days=n)).weekday() < 5
        ]
        for index, day in enumerate(days):
            env._demo_done_order(ORDERS[index % len(ORDERS)], day, people, index)
        monday = today - timedelta(days=today.weekday())
        for index in range(PLANNED_ORDERS):
            product, bom, qty = ORDERS[index % len(ORDERS)]
            env._demo_order(
                (product, bom, qty * PLANNED_FACTOR), monday + timedelta(days=index % 5)
            ).action_confirm()
        env._demo_leave(monday)

    @api.model
    def _demo_leave(self, monday):
        """A day off this Tuesday for the first person of the fibre team, so that the
        capacity shows approved leave (the leave Time Off writes when it validates a
        request)."""
        team = self._ref("mrp_workcenter_tufting_demo").social_employee_ids
        person = team.filtered("placement_ids")[:1]
        if not person:
            return
        tz = pytz.timezone(person.tz or "Europe/Copenhagen")
        tuesday = monday + timedelta(days=1)
        start, end = (
            tz.localize(datetime.combine(tuesday, time(hour)))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
            for hour in (8, 16)
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Fridag (eksempel)",
                "resource_id": person.resource_id.id,
                "calendar_id": person.resource_calendar_id.id,
                "company_id": person.company_id.id,
                "date_from": start,
                "date_to": end,
            }
        )

    @api.model
    def _demo_loaded_before(self, company):
        """Orders of the sample brushes are left by an earlier install (Odoo keeps
        the records other data refers to when the addon is uninstalled): loading the
        month again would double the sample's production."""
        products = self.env["product.product"].browse(
            [self._ref(product).id for product, _bom, _qty in ORDERS]
        )
        return bool(
            self.env["mrp.production"].search_count(
                [("company_id", "=", company.id), ("product_id", "in", products.ids)],
                limit=1,
            )
        )

    @api.model
    def _demo_picking_type(self, company):
        """The company's manufacturing operation type. Installed in one go with
        Manufacturing, the demo company may not have its warehouse yet."""
        Warehouse = self.env["stock.warehouse"]
        warehouse = Warehouse.search([("company_id", "=", company.id)], limit=1)
        if not warehouse:
            warehouse = Warehouse.create(
                {
                    "name": company.name,
                    "code": "BØR",
                    "company_id": company.id,
                    "partner_id": company.partner_id.id,
                }
            )
        if not warehouse.manu_type_id:
            warehouse.manufacture_to_resupply = True
        picking_type = warehouse.manu_type_id
        return picking_type if picking_type.sequence_id else picking_type.browse()

    @api.model
    def _demo_assign_teams(self, company):
        """Workshop people with a placement go to the work centres in turn; the
        workshop's supervisor is on every team."""
        department = self.env.ref("social_enterprise.hr_department_workshop_demo")
        people = (
            self.env["social.placement"]
            .search(
                [
                    ("employee_id.department_id", "=", department.id),
                    ("state", "=", "active"),
                    ("scheme_id.exclusive", "=", True),
                ],
                order="id",
            )
            .employee_id
        )
        supervisor = self.env.ref("social_enterprise.hr_employee_supervisor_demo")
        for index, name in enumerate(WORKCENTERS):
            team = people.filtered(
                lambda p, i=index: people.ids.index(p.id) % len(WORKCENTERS) == i
            )
            self._ref(name).social_employee_ids = [
                fields.Command.set((team | supervisor).ids)
            ]
        return people

    @api.model
    def _demo_order(self, order, day):
        product, bom, qty = order
        return self.env["mrp.production"].create(
            {
                "product_id": self._ref(product).id,
                "bom_id": self._ref(bom).id,
                "product_qty": qty,
                "date_start": datetime.combine(day, time(7, 0)),
                "picking_type_id": self.env.context.get("social_demo_picking_type_id"),
            }
        )

    @api.model
    def _demo_done_order(self, order, day, people, index):
        """One finished order: each work order assigned to a team member, who tracks
        the expected time (a little more or less) that day."""
        production = self._demo_order(order, day)
        production.action_confirm()
        start = datetime.combine(day, time(7, 30))
        for number, workorder in enumerate(production.workorder_ids):
            team = workorder.workcenter_id.social_employee_ids & people
            person = team[(index + number) % len(team)] if team else people[0]
            minutes = workorder.duration_expected * (
                0.9 + 0.05 * ((index + number) % 5)
            )
            end = start + timedelta(minutes=minutes)
            workorder.social_employee_id = person
            workorder.write(
                {
                    "time_ids": [
                        fields.Command.create(
                            workorder._prepare_timeline_vals(minutes, start, end)
                        )
                    ]
                }
            )
            workorder.with_context(bypass_duration_calculation=True).write(
                {
                    "qty_produced": production.product_qty,
                    "state": "done",
                    "date_start": start,
                    "date_finished": end,
                }
            )
            start = end
        production.qty_producing = production.product_qty
        production.move_raw_ids.picked = True
        production.with_context(skip_backorder=True).button_mark_done()
        production.date_finished = start
        return production
