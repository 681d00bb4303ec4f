import base64
import re
from collections import defaultdict
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.social_pay_line import PAY_TYPES
from ..models.social_payroll_pay_type import SCHEME_CATEGORIES, _payroll_systems
from ..tools import billing, payroll_export

FILE_FORMATS = [
    ("native", "The payroll system's own file"),
    ("csv", "Plain CSV"),
    ("xlsx", "Excel (xlsx)"),
]


class SocialPayrollExportWizard(models.TransientModel):
    """The pay basis (løngrundlag) of one month for a payroll system.

    1. ``_collect`` gathers ``(employee, category, units, rate, amount)``: the hours
       of the employees (``_collect_hours``: staff and the wage-paying schemes) and
       the booked lines of the participants' pay run (``_collect_pay_lines``).
    2. ``_to_pay_lines`` maps each category to the payroll system's pay type
       (``social.payroll.pay.type``) and refuses people without a payroll number.
    3. A writer of ``tools/payroll_export`` makes the file; the pay-run lines are
       marked exported.
    """

    _name = "social.payroll.export.wizard"
    _description = "Pay Basis Export"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period_start = fields.Date(
        "Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    payroll_system = fields.Selection(_payroll_systems, required=True, default="danlon")
    file_format = fields.Selection(FILE_FORMATS, required=True, default="native")
    include_hours = fields.Boolean(
        "Employees' Hours",
        default=True,
        help="Hours of staff and of people in flexjob, small jobs and wage subsidy.",
    )
    include_exported = fields.Boolean(
        "Participant Lines Already Exported",
        help="Export the participants' pay of the month again in full (otherwise "
        "only what was booked since the last export).",
    )
    file_data = fields.Binary("File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _bounds(self):
        return billing.month_bounds(self.period_start)

    # ------------------------------------------------------------------ collect
    def _collect(self):
        items = self._collect_hours() if self.include_hours else []
        run_lines = self._collect_run_lines()
        items += [self._pay_line_item(line) for line in run_lines]
        return items, run_lines

    def _collect_hours(self):
        """Hours of the month as ``(employee, category, units, None, None)``."""
        self.ensure_one()
        start, end = self._bounds()
        Placement = self.env["social.placement"]
        overlapping = Placement.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("active", "ended")),
                ("date_start", "<=", end),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", start),
            ]
        )
        wage_paid = overlapping.filtered(
            lambda p: p.scheme_type in SCHEME_CATEGORIES and p.scheme_id.exclusive
        )
        hours = wage_paid._get_hours_data(start, end)
        totals = defaultdict(float)
        for placement in wage_paid:
            data = hours.get(placement.id, {})
            category = SCHEME_CATEGORIES[placement.scheme_type]
            measure = (
                "effective_hours" if category == "hours_flexjob" else ("attended_hours")
            )
            totals[placement.employee_id, category] += data.get(measure, 0.0)
        # Staff: employees with a payroll number and no placement this month.
        # Narrow read: people without HR rights (accountants) see employees through
        # their public profile, which has no payroll number; the caller's right to
        # export pay was checked in action_export.
        staff = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("payroll_number", "!=", False),
                    ("id", "not in", overlapping.employee_id.ids),
                ]
            )
        )
        attendance = Placement._get_attendance_by_day(staff, start, end)
        for (employee_id, _day), worked in attendance.items():
            totals[self.env["hr.employee"].browse(employee_id), "hours_ordinary"] += (
                worked
            )
        return [
            (employee, category, billing.round_money(value), None, None)
            for (employee, category), value in sorted(
                totals.items(), key=lambda kv: (kv[0][0].name or "", kv[0][1])
            )
            if billing.round_money(value)
        ]

    def _collect_run_lines(self):
        self.ensure_one()
        run = self.env["social.pay.run"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("period_start", "=", self.period_start.replace(day=1)),
            ],
            limit=1,
        )
        if not run:
            return self.env["social.pay.line"]
        if run.line_ids.filtered(lambda ln: not ln.move_id and ln.amount):
            raise UserError(
                self.env._(
                    "%(run)s has lines that are not confirmed: confirm the pay run "
                    "before exporting it.",
                    run=run.display_name,
                )
            )
        lines = run.line_ids.filtered("move_id")
        if not self.include_exported:
            lines = lines.filtered(lambda ln: not ln.exported)
        order = [code for code, _label in PAY_TYPES]
        return lines.sorted(
            lambda ln: (ln.employee_id.name or "", order.index(ln.pay_type), ln.id)
        )

    def _pay_line_item(self, line):
        """Units and rate where they make the amount, else the amount alone."""
        if (
            line.pay_type == "pay"
            and not line.is_correction
            and line.rate
            and billing.round_money(line.quantity * line.rate) == line.amount
        ):
            return (line.employee_id, "pay", line.quantity, line.rate, None)
        return (line.employee_id, line.pay_type, None, None, line.amount)

    # ------------------------------------------------------------------ map
    def _get_cvr(self):
        cvr = re.sub(r"\D", "", self.company_id.vat or "")
        if len(cvr) != 8:
            raise UserError(
                self.env._(
                    "%(company)s has no CVR number (Tax ID): the payroll file needs "
                    "it.",
                    company=self.company_id.name,
                )
            )
        return cvr

    def _to_pay_lines(self, items):
        self.ensure_one()
        # Narrow read of the payroll numbers (see _collect_hours).
        numbers = {emp: emp.sudo().payroll_number for emp, *_rest in items}
        missing = sorted({emp.name for emp, number in numbers.items() if not number})
        if missing:
            raise UserError(
                self.env._(
                    "These people have no payroll number (Employees ▸ HR settings): "
                    "%(names)s.",
                    names=", ".join(missing),
                )
            )
        types = {
            t.category: t.code
            for t in self.env["social.payroll.pay.type"].search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("payroll_system", "=", self.payroll_system),
                ]
            )
        }
        unmapped = sorted({cat for _emp, cat, *_rest in items if cat not in types})
        if unmapped:
            labels = dict(
                self.env["social.payroll.pay.type"]
                ._fields["category"]
                ._description_selection(self.env)
            )
            raise UserError(
                self.env._(
                    "Set the pay types (løntyper) of %(system)s for: %(kinds)s.",
                    system=dict(_payroll_systems())[self.payroll_system],
                    kinds=", ".join(labels[c] for c in unmapped),
                )
            )
        cvr = self._get_cvr()

        def dec(value):
            return None if value is None else Decimal(str(value))

        return [
            payroll_export.PayLine(
                cvr, numbers[emp], types[cat], dec(units), dec(rate), dec(amount)
            )
            for emp, cat, units, rate, amount in items
        ]

    # ------------------------------------------------------------------ action
    def _get_pay_lines(self):
        """The month's pay basis as ``PayLine`` and the pay-run lines it holds."""
        self.ensure_one()
        items, run_lines = self._collect()
        if not items:
            raise UserError(self.env._("There is nothing to export for this month."))
        return self._to_pay_lines(items), run_lines

    def action_export(self):
        self.ensure_one()
        self.env["social.pay.run"]._check_booking_rights()
        pay_lines, run_lines = self._get_pay_lines()
        code = self.payroll_system if self.file_format == "native" else self.file_format
        writer = payroll_export.get_writer(code)
        content = writer.render(pay_lines)
        if run_lines:
            run_lines.run_id._mark_exported(run_lines)
        self.write(
            {
                "file_data": base64.b64encode(content),
                "file_name": "{}-{}-{}.{}".format(
                    self.env._("pay-basis"),
                    self.payroll_system,
                    self.period_start.strftime("%Y-%m"),
                    writer.extension,
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.onchange("period_start")
    def _onchange_period_start(self):
        if self.period_start:
            self.period_start = self.period_start.replace(day=1)
