from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..models.social_payroll_pay_type import SCHEME_CATEGORIES

# The sample §103 participants: (assessed capacity %, hourly pay, km to work, means);
# an hourly pay of None pays by effort (brushes at 1.10 kr a piece).
DEMO_PAY = {
    "Rasmus Pedersen": (30.0, 24.0, 25.0, "bus"),
    "Lene Schmidt": (20.0, 16.0, 6.0, "bicycle"),
    "Morten Jørgensen": (10.0, 9.0, 18.0, "train"),
    "Tina Knudsen": (35.0, 26.0, 12.0, "bus"),
    "Søren Hansen": (None, None, 32.0, "car"),
}
DEMO_ACCOUNTS = {
    "expense_account_id": ("2861", "Arbejdsdusør, §103", "expense"),
    "transport_account_id": ("2862", "Befordringsgodtgørelse, §103", "expense"),
}


class SocialPayDemo(models.AbstractModel):
    _name = "social.pay.demo"
    _description = "Participant Pay Sample Data Loader"

    @api.model
    def _demo_generate(self):
        """Assessments, transport, payroll numbers and twelve confirmed pay runs for
        the sample §103 participants. Called once from the demo data."""
        ref = self.env.ref
        company = ref("base.demo_company_dk")
        self = self.with_company(company).with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        today = fields.Date.context_today(self)
        # Every §103 participant of the sample: the pay run refuses a month for a
        # person without a pay basis. People DEMO_PAY does not name get the first
        # hourly profile.
        placements = self.env["social.placement"].search(
            [
                ("company_id", "=", company.id),
                ("scheme_type", "=", "sheltered_103"),
                ("state", "in", ("active", "ended")),
            ]
        )
        self._demo_people(
            placements, ref("social_enterprise.social_pay_trade_wage_io_demo")
        )
        self._demo_payroll_numbers(company)
        first = (today - relativedelta(months=12)).replace(day=1)
        accounts = self._demo_accounts(company)
        runs = self.env["social.pay.run"].create(
            [
                dict(
                    accounts,
                    company_id=company.id,
                    period_start=first + relativedelta(months=i),
                )
                for i in range(12)
            ]
        )
        for run in runs:
            run.action_compute()
            if run.line_ids:
                run.action_confirm()
        return runs

    @api.model
    def _demo_people(self, placements, wage):
        coordinator = self.env.ref("social_enterprise.res_users_coordinator_demo")
        bases, transports, efforts = [], [], []
        for i, placement in enumerate(placements.sorted("id")):
            capacity, rate, km, means = DEMO_PAY.get(
                placement.employee_id.name,
                next(v for v in DEMO_PAY.values() if v[1]),
            )
            employee = placement.employee_id.sudo()
            if not employee.payroll_number:
                employee.payroll_number = str(300 + i)
            common = {"placement_id": placement.id, "date_from": placement.date_start}
            if rate:
                bases.append(
                    dict(
                        common,
                        method="hourly",
                        trade_wage_id=wage.id,
                        assessment_date=placement.date_start - timedelta(days=7),
                        assessor_id=coordinator.id,
                        assessed_capacity=capacity,
                        hourly_rate=rate,
                    )
                )
            else:
                bases.append(
                    dict(
                        common,
                        method="effort",
                        trade_wage_id=wage.id,
                        effort_unit="brush",
                        effort_rate=1.10,
                    )
                )
                start = fields.Date.context_today(self).replace(day=1)
                efforts += [
                    {
                        "placement_id": placement.id,
                        "period_start": start - relativedelta(months=m),
                        "units": 900 + 37 * (m % 5),
                    }
                    for m in range(1, 13)
                ]
            transports.append(dict(common, distance_km=km, means=means))
        self.env["social.pay.basis"].create(bases)
        self.env["social.pay.transport"].create(transports)
        self.env["social.pay.effort"].create(efforts)

    @api.model
    def _demo_payroll_numbers(self, company):
        """Payroll numbers for the people whose hours go to the payroll."""
        employees = (
            self.env["social.placement"]
            .search(
                [
                    ("company_id", "=", company.id),
                    ("scheme_type", "in", list(SCHEME_CATEGORIES)),
                ]
            )
            .employee_id.sudo()
        )
        for i, employee in enumerate(employees.sorted("id")):
            if not employee.payroll_number:
                employee.payroll_number = str(100 + i)

    @api.model
    def _demo_accounts(self, company):
        Account = self.env["account.account"].with_company(company)
        in_company = Account._check_company_domain(company)
        values = {}
        for field, (code, name, account_type) in DEMO_ACCOUNTS.items():
            account = Account.search([*in_company, ("code", "=", code)], limit=1)
            values[field] = (
                account
                or Account.create(
                    {"code": code, "name": name, "account_type": account_type}
                )
            ).id
        payable = Account.search([*in_company, ("code", "=", "7860")], limit=1)
        values["payable_account_id"] = payable.id
        values["journal_id"] = (
            self.env["account.journal"]
            .search(
                [("company_id", "=", company.id), ("type", "=", "general")], limit=1
            )
            .id
        )
        return values
