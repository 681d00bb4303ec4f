from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools import billing

# Hourly wage cost (employer's cost per paid hour) of the sample people; the others
# cost 185 kr/h. The two løntilskud people earn little enough for the 50 % cap to bite.
DEMO_HOURLY_COST = {"Kasper Olsen": 160.0, "Nadia Rasmussen": 165.0}
STAFF_HOURLY_COST = 285.0


class SocialBillingRun(models.Model):
    _inherit = "social.billing.run"

    @api.model
    def _demo_generate(self):
        """Twelve months of municipal billing, subsidy claims and ordinary sales for
        the sample company, and a preview of the current month. Deterministic for a
        given day."""
        company = self.env.ref("base.demo_company_dk")
        self = self.with_company(company).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        today = fields.Date.context_today(self)
        self._demo_prepare(company)
        first_month = (today - relativedelta(months=12)).replace(day=1)
        months = [first_month + relativedelta(months=i) for i in range(12)]
        self.env["social.wage.period"]._demo_generate(company, months)  # claim basis
        runs = self.create(
            [
                {
                    "company_id": company.id,
                    "period_start": month,
                    "date": billing.month_bounds(month)[1],
                }
                for month in months
            ]
        )
        Claim = self.env["social.subsidy.claim"]
        invoices, claims = self.env["account.move"], Claim
        for run in runs:
            run.action_compute()
            if run.state == "preview":
                invoices |= run.action_create_invoices()
            month_claims = Claim._generate_claims(company, run.period_start, run=run)
            month_claims.write({"date": run.date})
            claims |= month_claims.filtered("amount_expected")
        # Posted in two batches; the municipalities pay what is due each quarter,
        # the last three months stay open.
        invoices.action_post()
        claims.action_confirm()
        for quarter in range(3):
            paid = runs[quarter * 3 : quarter * 3 + 3]
            due = invoices.filtered(
                lambda m, p=paid: m.invoice_origin in p.mapped("name")
            )
            due |= claims.filtered(lambda c, p=paid: c.run_id in p).move_id
            self._demo_pay(due, paid[-1].date + timedelta(days=25))
        # The current month, computed and left as a preview to look at.
        self.create(
            {"company_id": company.id, "period_start": today, "date": today}
        ).action_compute()
        self._demo_sales(company, months)
        self._demo_timesheets(company, today)
        return runs

    @api.model
    def _demo_prepare(self, company):
        placements = self.env["social.placement"].search(
            [("company_id", "=", company.id)]
        )
        employees = placements.employee_id.sudo()
        for employee in employees:
            employee.hourly_cost = DEMO_HOURLY_COST.get(employee.name, 185.0)
        exempt = (
            self.env["account.chart.template"]
            .with_company(company)
            .ref("tax_smf", raise_if_not_found=False)
        )
        agreements = self.env["social.agreement"].search(
            [("company_id", "=", company.id)]
        )
        agreements.write({"tax_ids": [fields.Command.set(exempt.ids)]})

    @api.model
    def _demo_pay(self, moves, date):
        """The municipalities pay invoices and claims: one payment each."""
        lines = moves.filtered(lambda m: m.move_type != "out_refund").line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        if lines:
            self.env["account.payment.register"].with_context(
                active_model="account.move.line", active_ids=lines.ids
            ).create({"payment_date": date, "group_payment": True})._create_payments()

    @api.model
    def _demo_sales(self, company, months):
        """Ordinary sales: brushes to shops and café catering, tagged commercial by
        their product categories."""
        ref = self.env.ref
        customers = [
            ref("social_enterprise.res_partner_customer_shop_demo"),
            ref("social_enterprise.res_partner_customer_catering_demo"),
        ]
        products = [
            (ref("social_enterprise.product_product_brush_demo"), 40),
            (ref("social_enterprise.product_product_catering_demo"), 25),
        ]
        vals_list = []
        for i, month in enumerate(months):
            for customer, (product, base_qty) in zip(customers, products, strict=True):
                vals_list.append(
                    {
                        "move_type": "out_invoice",
                        "company_id": company.id,
                        "partner_id": customer.id,
                        "invoice_date": month + timedelta(days=14),
                        "invoice_line_ids": [
                            fields.Command.create(
                                {
                                    "product_id": product.id,
                                    "quantity": base_qty + (i * 7) % 13,
                                }
                            )
                        ],
                    }
                )
        self.env["account.move"].create(vals_list).action_post()

    @api.model
    def _demo_timesheets(self, company, today):
        """Three months of production and support hours."""
        ref = self.env.ref
        shop = ref("social_enterprise.project_project_workshop_demo")
        cafe = ref("social_enterprise.project_project_cafe_demo")
        support = ref("social_enterprise.project_project_support_demo")
        supervisors = [
            (ref("social_enterprise.hr_employee_supervisor_demo"), shop),
            (ref("social_enterprise.hr_employee_cafe_supervisor_demo"), cafe),
        ]
        for employee, _project in supervisors:
            employee.sudo().hourly_cost = STAFF_HOURLY_COST
        placements = self.env["social.placement"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "active"),
                ("scheme_id.exclusive", "=", True),
                ("weekly_hours", ">", 0),
            ]
        )
        start = today - relativedelta(months=3)
        monday = start - timedelta(days=start.weekday())
        vals_list = []
        while monday + timedelta(days=4) < today:
            friday = monday + timedelta(days=4)
            for employee, project in supervisors:
                vals_list += [
                    self._demo_timesheet(employee, project, friday, 22.0, "Produktion"),
                    self._demo_timesheet(employee, support, friday, 12.0, "Støtte"),
                ]
            for placement in placements:
                if placement.date_start > monday:
                    continue
                project = cafe if placement.supervisor_id == supervisors[1][0] else shop
                vals_list.append(
                    self._demo_timesheet(
                        placement.employee_id,
                        project,
                        friday,
                        round(placement.weekly_hours * 0.8, 1),
                        "Produktion",
                    )
                )
            monday += timedelta(days=7)
        self.env["account.analytic.line"].create(vals_list)

    @api.model
    def _demo_timesheet(self, employee, project, date, hours, name):
        return {
            "name": name,
            "project_id": project.id,
            "employee_id": employee.id,
            "date": date,
            "unit_amount": hours,
        }
