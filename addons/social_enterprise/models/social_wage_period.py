from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command, Domain
from odoo.tools.misc import format_date

from ..tools import billing, subsidy

SOURCES = [
    ("manual", "By hand"),
    ("import", "Standard import"),
    ("payroll_file", "Payroll file"),
]


class SocialWagePeriod(models.Model):
    """The wage basis (lønoplysninger) of one employee for one month, as the payroll
    system paid it: the basis of subsidy claims and of the payroll journal entry.

    Filled by hand, by Odoo's standard import (template on the list's import screen,
    employees matched on their payroll number) or by the payroll-file wizard.
    """

    _name = "social.wage.period"
    _description = "Wage Basis per Month"
    _order = "period_start desc, employee_id"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    payroll_number = fields.Char(
        help="The employee's number in the payroll system. On import, employees are "
        "found by this number."
    )
    period_start = fields.Date("Month", required=True, index=True)
    paid_hours = fields.Float(digits=(16, 2), help="Hours worked and paid.")
    absence_hours = fields.Float(
        "Paid Absence Hours",
        digits=(16, 2),
        help="Hours of absence with pay (holiday, sickness, child's sick day...).",
    )
    refund_hours = fields.Float(
        "Refunded Hours",
        digits=(16, 2),
        help="Paid hours for which the employer received a refund (sickness or "
        "maternity benefit): no subsidy is paid for them.",
    )
    gross_wage = fields.Monetary(help="Wage before tax (A-indkomst) for the month.")
    holiday_pay = fields.Monetary(
        "Holiday Pay / Allowance", help="Feriepenge or ferietillæg of the month."
    )
    pension = fields.Monetary("Employer Pension")
    atp = fields.Monetary("ATP")
    refund_amount = fields.Monetary(
        "Refunds Received",
        help="Sickness or maternity refunds the employer received for the month.",
    )
    wage_cost = fields.Monetary(
        compute="_compute_wage_cost",
        store=True,
        help="Gross wage + holiday pay + pension + ATP − refunds: the wage cost the "
        "subsidy caps are measured on.",
    )
    subsidy_hours = fields.Float(
        compute="_compute_wage_cost",
        store=True,
        digits=(16, 2),
        help="Paid hours + paid absence − refunded hours.",
    )
    source = fields.Selection(SOURCES, default="manual", required=True)
    move_id = fields.Many2one(
        "account.move",
        "Payroll Entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    _employee_month_unique = models.UniqueIndex(
        "(employee_id, period_start)",
        "An employee has one wage basis per month: correct the existing one.",
    )
    _amounts_sane = models.Constraint(
        "CHECK(paid_hours >= 0 AND absence_hours >= 0 AND refund_hours >= 0 "
        "AND paid_hours <= 744 AND absence_hours <= 744)",
        "Hours cannot be negative nor exceed the hours of a month.",
    )

    @api.depends("employee_id")
    def _compute_company_id(self):
        for period in self:
            period.company_id = period.employee_id.company_id or self.env.company

    @api.depends(
        "paid_hours",
        "absence_hours",
        "refund_hours",
        "gross_wage",
        "holiday_pay",
        "pension",
        "atp",
        "refund_amount",
    )
    def _compute_wage_cost(self):
        for period in self:
            period.wage_cost = billing.round_money(
                period.gross_wage
                + period.holiday_pay
                + period.pension
                + period.atp
                - period.refund_amount
            )
            period.subsidy_hours = subsidy.subsidy_hours(
                period.paid_hours, period.absence_hours, period.refund_hours
            )

    @api.depends("employee_id", "period_start")
    def _compute_display_name(self):
        for period in self:
            month = period.period_start and period.period_start.strftime("%Y-%m")
            period.display_name = f"{period.employee_id.name or ''} {month or ''}"

    @api.constrains("refund_hours", "paid_hours", "absence_hours")
    def _check_refund_hours(self):
        for period in self:
            if period.refund_hours > period.paid_hours + period.absence_hours:
                raise ValidationError(
                    self.env._(
                        "Wage basis of %(name)s: refunded hours (%(refund)s) exceed "
                        "the paid hours and paid absence (%(paid)s).",
                        name=period.display_name,
                        refund=period.refund_hours,
                        paid=period.paid_hours + period.absence_hours,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._resolve_payroll_numbers(vals_list)
        for vals in vals_list:
            if vals.get("period_start"):
                vals["period_start"] = billing.month_bounds(
                    fields.Date.to_date(vals["period_start"])
                )[0]
            if self.env.context.get("import_file") and "source" not in vals:
                vals["source"] = "import"
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("period_start"):
            vals["period_start"] = billing.month_bounds(
                fields.Date.to_date(vals["period_start"])
            )[0]
        return super().write(vals)

    @api.model
    def _resolve_payroll_numbers(self, vals_list):
        """Rows with a payroll number and no employee get the employee with that
        number; a number that matches nobody is refused, never guessed."""
        numbers = {
            vals["payroll_number"]
            for vals in vals_list
            if vals.get("payroll_number") and not vals.get("employee_id")
        }
        if not numbers:
            return
        found = self._get_employees_by_payroll_number(numbers, self.env.company)
        for vals in vals_list:
            number = vals.get("payroll_number")
            if number and not vals.get("employee_id"):
                if number not in found:
                    raise ValidationError(
                        self.env._(
                            "Payroll number %(number)s matches no employee of "
                            "%(company)s: set it on the employee first.",
                            number=number,
                            company=self.env.company.name,
                        )
                    )
                vals["employee_id"] = found[number].id

    @api.model
    def _get_employees_by_payroll_number(self, numbers, company):
        """{payroll number: employee} of ``company``, archived employees included."""
        employees = (
            self.env["hr.employee"]
            .with_context(active_test=False)
            .sudo()  # payroll_number is readable by this model's users; one search
            .search(
                [
                    ("payroll_number", "in", list(numbers)),
                    ("company_id", "=", company.id),
                ]
            )
        )
        return {e.payroll_number: e.sudo(False) for e in employees}

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id:
            self.payroll_number = self.employee_id.sudo().payroll_number

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for the Wage Basis"),
                "template": "/social_enterprise/static/xls/"
                "social_wage_period_import_template.csv",
            }
        ]

    @api.model
    def _get_month_domain(self, employees, month_start):
        return Domain(
            [
                ("employee_id", "in", employees.ids),
                ("period_start", "=", billing.month_bounds(month_start)[0]),
            ]
        )

    @api.model
    def _get_by_employee(self, employees, month_start):
        """{employee id: wage period} of the month, one search."""
        return {
            period.employee_id.id: period
            for period in self.search(self._get_month_domain(employees, month_start))
        }

    # ------------------------------------------------------------ payroll entry
    @api.model
    def _get_payroll_accounts(self, company):
        """{wage-basis field or 'payable': account} of the Danish chart (override for
        other charts). Every expense account lies in the personnel-cost group that
        the financial statement splits by person."""
        template = self.env["account.chart.template"].with_company(company)
        codes = {
            "gross_wage": "dk_coa_2845",
            "holiday_pay": "dk_coa_2860",
            "pension": "dk_coa_2925",
            "atp": "dk_coa_2898",
            "refund_amount": "dk_coa_2885",
            "payable": "dk_coa_7860",
        }
        return {
            key: template.ref(code, raise_if_not_found=False)
            for key, code in codes.items()
        }

    def _prepare_payroll_move_vals(self, journal, accounts):
        """One journal entry for the wage periods of one company and month: an
        expense line per person and cost (the employee's work contact as partner, so
        personnel costs split by target group and staff), against wages payable."""
        first = self[:1]
        month = format_date(self.env, first.period_start, date_format="MMMM y")
        lines, total = [], 0.0
        for period in self:
            partner = period.employee_id.sudo().work_contact_id
            for key in ("gross_wage", "holiday_pay", "pension", "atp", "refund_amount"):
                amount = period[key] if key != "refund_amount" else -period[key]
                if not amount:
                    continue
                total += amount
                lines.append(
                    Command.create(
                        {
                            "name": self.env._(
                                "%(what)s, %(month)s",
                                what=period._fields[key]._description_string(self.env),
                                month=month,
                            ),
                            "account_id": accounts[key].id,
                            "partner_id": partner.id,
                            "balance": amount,
                        }
                    )
                )
        lines.append(
            Command.create(
                {
                    "name": self.env._("Wages payable, %(month)s", month=month),
                    "account_id": accounts["payable"].id,
                    "balance": -billing.round_money(total),
                }
            )
        )
        return {
            "move_type": "entry",
            "company_id": first.company_id.id,
            "journal_id": journal.id,
            "date": billing.month_bounds(first.period_start)[1],
            "ref": self.env._("Payroll %(month)s", month=month),
            "line_ids": lines,
        }

    def action_post_payroll(self):
        """Post the month's payroll of the selected wage periods to the books: one
        entry per company and month. Periods already posted are refused."""
        if self.filtered("move_id"):
            raise UserError(
                self.env._(
                    "Already posted: %(names)s.",
                    names=", ".join(self.filtered("move_id").mapped("display_name")),
                )
            )
        groups = self.grouped(lambda p: (p.company_id, p.period_start))
        moves = self.env["account.move"]
        for (company, __), periods in groups.items():
            accounts = self._get_payroll_accounts(company)
            journal = self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(company),
                    ("type", "=", "general"),
                ],
                limit=1,
            )
            if not journal or not all(a and a.active for a in accounts.values()):
                raise UserError(
                    self.env._(
                        "%(company)s needs a miscellaneous journal and the Danish "
                        "chart's active wage accounts to post the payroll.",
                        company=company.name,
                    )
                )
            move = moves.create(periods._prepare_payroll_move_vals(journal, accounts))
            periods.move_id = move
            moves |= move
        moves.action_post()
        return moves
