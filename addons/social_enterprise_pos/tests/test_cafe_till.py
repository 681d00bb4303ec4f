from datetime import date, timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests import common as pos_common


@tagged("post_install", "-at_install")
class TestCafeTill(pos_common.TestPoSCommon):
    """Café sales land in the commercial revenue stream; the participants who staff
    the till get their till hours as production hours under their scheme."""

    @classmethod
    def get_default_groups(cls):
        # The fixtures create people, placements, attendances and a project too.
        ref = cls.env.ref
        return (
            super().get_default_groups()
            | ref("social_enterprise.social_enterprise_group_manager")
            | ref("hr.group_hr_manager")
            | ref("hr_attendance.group_hr_attendance_manager")
            | ref("hr_timesheet.group_timesheet_manager")
            | ref("project.group_project_manager")
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.commercial = ref("social_enterprise.account_analytic_account_commercial")
        cls.social = ref("social_enterprise.account_analytic_account_social_service")
        cls.scheme_flex = ref("social_enterprise.social_scheme_flexjob")
        cls.coffee = cls.create_product("Kaffe", cls.categ_basic, 30.0)
        courses = cls.env["product.category"].create(
            {"name": "Kurser", "revenue_analytic_account_id": cls.social.id}
        )
        cls.course = cls.create_product("Baristakursus", courses, 100.0)
        cls.project = cls.env["project.project"].create(
            {"name": "Café: disken", "social_activity": "production"}
        )
        cls.basic_config.social_project_id = cls.project
        municipality = cls.env["res.partner"].create(
            {
                "name": "Testrup Kommune",
                "is_company": True,
                "is_municipality": True,
                "municipality_code": "998",
                "country_id": ref("base.dk").id,
                "vat": "DK64942212",
            }
        )
        case_worker = cls.env["res.partner"].create(
            {"name": "Sagsbehandler", "parent_id": municipality.id}
        )
        Employee = cls.env["hr.employee"]
        cls.anna = Employee.create({"name": "Anna Café"})
        cls.bo = Employee.create({"name": "Bo Café"})
        cls.anna_placement = cls.env["social.placement"].create(
            {
                "employee_id": cls.anna.id,
                "scheme_id": cls.scheme_flex.id,
                "municipality_id": municipality.id,
                "case_worker_id": case_worker.id,
                "date_start": date(2026, 1, 5),
                "weekly_hours": 20,
                "days_per_week": 4,
                "work_capacity": 50,
            }
        )
        cls.anna_placement.action_activate()

    def setUp(self):
        super().setUp()
        self.config = self.basic_config

    def _sell_and_close(self, orders, hours_open=4.0, before_close=None):
        session = self.open_new_session()
        created = self._create_orders(orders)
        if before_close:
            before_close(session, created)
        session.start_at = fields.Datetime.now() - timedelta(hours=hours_open)
        cash = sum(
            p.amount
            for p in session.order_ids.payment_ids
            if p.payment_method_id == self.cash_pm1
        )
        session.post_closing_cash_details(cash)
        session.close_session_from_ui()
        self.assertEqual(session.state, "closed")
        return session

    def test_sales_in_the_commercial_stream(self):
        session = self._sell_and_close(
            [
                {
                    "pos_order_lines_ui_args": [(self.coffee, 2), (self.course, 1)],
                    "payments": [(self.cash_pm1, 160.0)],
                    "uuid": "00100-010-0001",
                },
                {
                    "pos_order_lines_ui_args": [(self.coffee, 1)],
                    "payments": [(self.cash_pm1, 30.0)],
                    "customer": self.customer,
                    "is_invoiced": True,
                    "uuid": "00100-010-0002",
                },
            ]
        )
        sales = session.move_id.line_ids.filtered(lambda line: line.credit)
        by_stream = {
            tuple(line.analytic_distribution or {}): line.credit
            for line in sales
            if line.account_id.account_type == "income"
        }
        # Coffee has no stream of its own: the till's default, Commercial Sales.
        # The course's category says Social Services.
        self.assertEqual(
            by_stream, {(str(self.commercial.id),): 60.0, (str(self.social.id),): 100.0}
        )
        invoice = session.order_ids.filtered("is_invoiced").account_move
        self.assertEqual(
            invoice.invoice_line_ids.analytic_distribution,
            {str(self.commercial.id): 100.0},
        )
        # The financial statement shows the café under commercial revenue.
        today = fields.Date.context_today(session)
        data = self.env["social.financial.statement"]._get_statement_data(
            self.company, today.replace(day=1), today
        )
        revenue = {
            row["key"]: sum(row["values"]) for row in data["sections"][0]["rows"]
        }
        self.assertAlmostEqual(revenue["commercial"], 90.0)
        self.assertAlmostEqual(revenue["social_service"], 100.0)

    def test_till_hours_by_scheme(self):
        now = fields.Datetime.now()
        # Anna checked in for 2 of the 4 open hours; Bo did not check in.
        self.env["hr.attendance"].create(
            {
                "employee_id": self.anna.id,
                "check_in": now - timedelta(hours=3),
                "check_out": now - timedelta(hours=1),
            }
        )

        def ring_up(session, orders):
            uuids = sorted(orders)
            orders[uuids[0]].employee_id = self.anna
            orders[uuids[1]].employee_id = self.bo

        session = self._sell_and_close(
            [
                {
                    "pos_order_lines_ui_args": [(self.coffee, 1)],
                    "payments": [(self.cash_pm1, 30.0)],
                    "uuid": "00100-010-0011",
                },
                {
                    "pos_order_lines_ui_args": [(self.coffee, 1)],
                    "payments": [(self.cash_pm1, 30.0)],
                    "uuid": "00100-010-0012",
                },
            ],
            before_close=ring_up,
        )
        hours = {
            line.employee_id: round(line.unit_amount, 1)
            for line in session.social_till_line_ids
        }
        self.assertEqual(hours, {self.anna: 2.0, self.bo: 2.0})
        self.assertEqual(session.social_till_line_ids.project_id, self.project)
        # Till hours are production hours under the person's scheme.
        today = fields.Date.context_today(session)
        by_scheme = self.env[
            "social.production.report"
        ]._get_production_hours_by_scheme(today, today, self.company)
        self.assertAlmostEqual(by_scheme[self.scheme_flex], 2.0, places=1)
        # Logged once: closing again is refused and adds nothing.
        self.assertFalse(session._social_log_till_hours())

    def test_no_project_no_till_hours(self):
        self.basic_config.social_project_id = False
        session = self._sell_and_close(
            [
                {
                    "pos_order_lines_ui_args": [(self.coffee, 1)],
                    "payments": [(self.cash_pm1, 30.0)],
                    "uuid": "00100-010-0021",
                }
            ]
        )
        self.assertFalse(session.social_till_line_ids)
