"""Loader of the billing sample data (demo/social_billing_demo.xml calls it).

The figures are in the CSV files next to this one: hourly wage costs
(``social_billing_demo_costs.csv``), ordinary sales (``..._sales.csv``) and the
staff's weekly timesheets (``..._timesheets.csv``). The loader runs the real
pipeline on them: twelve monthly billing runs with their invoices, payments and
subsidy claims, a preview of the current month, sales invoices and three months
of timesheets. Deterministic for a given day.
"""

import csv
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import file_open

from ..tools import billing

PLACEMENT_TIMESHEET_SHARE = 0.8  # of the agreed weekly hours, on production


def read_csv(name):
    """The rows of ``demo/<name>`` as dicts."""
    with file_open(f"social_enterprise/demo/{name}") as handle:
        return list(csv.DictReader(handle))


class SocialBillingDemo(models.AbstractModel):
    _name = "social.billing.demo"
    _description = "Billing Sample Data Loader"

    @api.model
    def _load(self):
        company = self.env.ref("base.demo_company_dk")
        self = self.with_company(company).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        today = fields.Date.context_today(self)
        self._load_costs(company)
        first_month = (today - relativedelta(months=12)).replace(day=1)
        months = [first_month + relativedelta(months=i) for i in range(12)]
        # The claim basis.
        self.env["social.wage.period.demo"]._demo_generate(company, months)
        runs = self._load_runs(company, months)
        # The current month, computed and left as a preview to look at.
        self.env["social.billing.run"].create(
            {"company_id": company.id, "period_start": today, "date": today}
        ).action_compute()
        self._load_sales(company, months)
        self._load_timesheets(company, today)
        return runs

    def _employee(self, key):
        if "." in key:
            return self.env.ref(key)
        return self.env["hr.employee"].search([("name", "=", key)], limit=1)

    @api.model
    def _load_costs(self, company):
        placements = self.env["social.placement"].search(
            [("company_id", "=", company.id)]
        )
        rows = read_csv("social_billing_demo_costs.csv")
        default = next(float(r["hourly_cost"]) for r in rows if r["employee"] == "*")
        placements.employee_id.sudo().hourly_cost = default
        for row in rows:
            if row["employee"] != "*":
                self._employee(row["employee"]).sudo().hourly_cost = float(
                    row["hourly_cost"]
                )
        exempt = (
            self.env["account.chart.template"]
            .with_company(company)
            .ref("tax_smf", raise_if_not_found=False)
        )
        self.env["social.agreement"].search([("company_id", "=", company.id)]).write(
            {"tax_ids": [fields.Command.set(exempt.ids)]}
        )

    @api.model
    def _load_runs(self, company, months):
        """Twelve billing runs, invoiced, with the month's subsidy claims; the
        municipalities pay what is due each quarter, the last three months stay
        open."""
        runs = self.env["social.billing.run"].create(
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
        invoices.action_post()
        claims.action_confirm()
        for quarter in range(3):
            paid = runs[quarter * 3 : quarter * 3 + 3]
            due = invoices.filtered(
                lambda m, p=paid: m.invoice_origin in p.mapped("name")
            )
            due |= claims.filtered(lambda c, p=paid: c.run_id in p).move_id
            self._load_payment(due, paid[-1].date + timedelta(days=25))
        return runs

    @api.model
    def _load_payment(self, moves, date):
        """The municipalities pay invoices and claims: one payment each."""
        lines = moves.filtered(lambda m: m.move_type != "out_refund").line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        if lines:
            self.env["account.payment.register"].with_context(
                active_model="account.move.line", active_ids=lines.ids
            ).create({"payment_date": date, "group_payment": True})._create_payments()

    @api.model
    def _load_sales(self, company, months):
        """Ordinary sales each month, tagged commercial by their product categories;
        the quantities vary a little from month to month."""
        rows = read_csv("social_billing_demo_sales.csv")
        vals_list = [
            {
                "move_type": "out_invoice",
                "company_id": company.id,
                "partner_id": self.env.ref(row["customer"]).id,
                "invoice_date": month + timedelta(days=14),
                "invoice_line_ids": [
                    fields.Command.create(
                        {
                            "product_id": self.env.ref(row["product"]).id,
                            "quantity": int(row["base_quantity"]) + (i * 7) % 13,
                        }
                    )
                ],
            }
            for i, month in enumerate(months)
            for row in rows
        ]
        self.env["account.move"].create(vals_list).action_post()

    @api.model
    def _load_timesheets(self, company, today):
        """Three months of weekly production and support hours: the staff's from
        the CSV, the placed people's from their agreed hours."""
        staff = [
            (
                self.env.ref(row["employee"]),
                self.env.ref(row["project"]),
                float(row["weekly_hours"]),
                row["description"],
            )
            for row in read_csv("social_billing_demo_timesheets.csv")
        ]
        cafe = self.env.ref("social_enterprise.project_project_cafe_demo")
        shop = self.env.ref("social_enterprise.project_project_workshop_demo")
        cafe_supervisor = self.env.ref(
            "social_enterprise.hr_employee_cafe_supervisor_demo"
        )
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
            vals_list += [
                self._timesheet_vals(employee, project, friday, hours, name)
                for employee, project, hours, name in staff
            ]
            for placement in placements.filtered(lambda p, m=monday: p.date_start <= m):
                vals_list.append(
                    self._timesheet_vals(
                        placement.employee_id,
                        cafe if placement.supervisor_id == cafe_supervisor else shop,
                        friday,
                        round(placement.weekly_hours * PLACEMENT_TIMESHEET_SHARE, 1),
                        "Produktion",
                    )
                )
            monday += timedelta(days=7)
        self.env["account.analytic.line"].create(vals_list)

    @api.model
    def _timesheet_vals(self, employee, project, date, hours, name):
        return {
            "name": name,
            "project_id": project.id,
            "employee_id": employee.id,
            "date": date,
            "unit_amount": hours,
        }
