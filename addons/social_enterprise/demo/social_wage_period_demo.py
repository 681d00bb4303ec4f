import csv

from odoo import api, models
from odoo.tools import file_open

from ..tools import billing

PROFILES = "social_enterprise/demo/social_wage_basis_profiles.csv"
# ATP per month by paid hours (A-ATP, employer's two thirds): sample figures.
ATP_STEPS = ((117, 99.0), (78, 66.0), (39, 33.0))
HOLIDAY_PAY = 0.125  # feriepenge of hourly-paid staff


class SocialWagePeriodDemo(models.AbstractModel):
    _name = "social.wage.period.demo"
    _description = "Wage Basis Sample Data Loader"

    @api.model
    def _demo_generate(self, company, months):
        """A year of wage basis for the sample people on subsidised or refunded
        schemes, from demo/social_wage_basis_profiles.csv: hours from the agreed
        weekly hours, hourly wage, holiday pay, pension and ATP. Claims are then
        computed from it by the billing demo; each month's payroll is posted."""
        with file_open(PROFILES) as handle:
            profiles = {
                row["name"]: row for row in csv.DictReader(handle, delimiter=";")
            }
        # Everyone whose placement brings a subsidy or a refund needs a wage basis:
        # the named profiles, and the first profile's figures for the others.
        placements = self.env["social.placement"].search(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("active", "ended")),
                ("scheme_id.payment_flow", "in", ("wage_subsidy", "wage_refund")),
            ]
        )
        employees = placements.employee_id | self.env["hr.employee"].search(
            [("company_id", "=", company.id), ("name", "in", list(profiles))]
        )
        placements |= self.env["social.placement"].search(
            [("employee_id", "in", employees.ids), ("state", "in", ("active", "ended"))]
        )
        default = next(iter(profiles.values()))
        vals_list = []
        for number, employee in enumerate(employees.sorted("id"), start=900):
            profile = profiles.get(employee.name) or {
                **default,
                "payroll_number": str(number),
            }
            employee.sudo().payroll_number = profile["payroll_number"]
            own = placements.filtered(lambda p, e=employee: p.employee_id == e)
            for month in months:
                start, end = billing.month_bounds(month)
                active = own.filtered(
                    lambda p, s=start, e=end: p.date_start <= e
                    and (not p.date_end or p.date_end >= s)
                )[:1]
                if not active:
                    continue
                vals_list.append(
                    self._demo_period_vals(employee, month, active, profile)
                )
        periods = self.env["social.wage.period"].create(vals_list)
        for month in months:
            periods.filtered(
                lambda p, m=month: p.period_start == m
            ).action_post_payroll()
        return periods

    @api.model
    def _demo_period_vals(self, employee, month, placement, profile):
        absence = float(profile["absence_hours"]) if month.month in (7, 12) else 0.0
        refund = float(profile["refund_hours"]) if month.month == 12 else 0.0
        hours = round(placement.effective_weekly_hours * 52 / 12 - absence, 2)
        gross = billing.round_money((hours + absence) * float(profile["hourly_wage"]))
        atp = next((a for h, a in ATP_STEPS if hours + absence >= h), 0.0)
        return {
            "employee_id": employee.id,
            "period_start": month,
            "paid_hours": hours,
            "absence_hours": absence,
            "refund_hours": refund,
            "gross_wage": gross,
            "holiday_pay": billing.round_money(gross * HOLIDAY_PAY),
            "pension": billing.round_money(gross * float(profile["pension_pct"]) / 100),
            "atp": atp,
            "refund_amount": billing.round_money(
                refund * float(profile["hourly_wage"])
            ),
            "source": "payroll_file",
        }
