import base64
import binascii
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.social_payroll_import_type import HOUR_TARGETS
from ..tools import billing, payroll_formats

MAX_ERRORS = 20


class SocialWageImportWizard(models.TransientModel):
    """Reads a payroll system's pay-run file into the wage basis of a month.

    1. ``_read_lines``: the format's reader parses the file (tools/payroll_formats.py);
    2. ``_check_lines``: CVR, pay types and employee numbers are checked, every
       problem listed with its line;
    3. ``_prepare_period_vals``: the lines are summed per employee;
    4. the month's wage periods of those employees are created or overwritten.
    Any problem refuses the whole file: nothing is written.
    """

    _name = "social.wage.import.wizard"
    _description = "Import a Payroll File"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda s: s.env.company
    )
    month = fields.Date(required=True, help="The month the pay run paid for.")
    payroll_format = fields.Selection(
        "_selection_payroll_format", required=True, default="danloen"
    )
    file = fields.Binary(required=True)
    filename = fields.Char()

    @api.model
    def _selection_payroll_format(self):
        return payroll_formats.selection()

    def _read_lines(self):
        self.ensure_one()
        try:
            raw = base64.b64decode(self.file or b"")
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The file could not be read.")) from error
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")  # older Windows exports
        try:
            return payroll_formats.read(self.payroll_format, text)
        except payroll_formats.PayrollFormatError as error:
            raise UserError(
                self.env._(
                    "Nothing was imported. %(file)s, line %(line)s, field "
                    "%(field)s: %(message)s",
                    file=self.filename or self.env._("The file"),
                    line=error.line,
                    field=error.field,
                    message=error.message,
                )
            ) from error

    def _check_lines(self, lines, mapping, employees):
        """Problems of the file as a list of sentences, one per line at fault."""
        cvr = "".join(c for c in (self.company_id.vat or "") if c.isdigit())
        problems = []
        for line in lines:
            if cvr and line.cvr != cvr:
                problems.append(
                    self.env._(
                        "line %(line)s, CVR: %(cvr)s is not the CVR of %(company)s.",
                        line=line.line,
                        cvr=line.cvr,
                        company=self.company_id.name,
                    )
                )
            if line.pay_type not in mapping:
                problems.append(
                    self.env._(
                        "line %(line)s, pay type: %(type)s is not mapped to a "
                        "wage-basis field (Configuration ▸ Payroll Pay Types).",
                        line=line.line,
                        type=line.pay_type,
                    )
                )
            if line.employee_number not in employees:
                problems.append(
                    self.env._(
                        "line %(line)s, employee number: %(number)s matches no "
                        "employee (set the payroll number on the employee).",
                        line=line.line,
                        number=line.employee_number,
                    )
                )
        return problems

    def _prepare_period_vals(self, lines, mapping, employees):
        """{employee: {field: sum}} of the lines."""
        sums = defaultdict(lambda: defaultdict(float))
        for line in lines:
            target = mapping[line.pay_type]
            if target == "ignore":
                continue
            value = line.units if target in HOUR_TARGETS else line.amount
            sums[employees[line.employee_number]][target] += value
        return sums

    def action_import(self):
        self.ensure_one()
        lines = self._read_lines()
        mapping = self.env["social.payroll.import.type"]._get_mapping(
            self.payroll_format, self.company_id
        )
        Period = self.env["social.wage.period"]
        employees = Period._get_employees_by_payroll_number(
            {line.employee_number for line in lines}, self.company_id
        )
        problems = self._check_lines(lines, mapping, employees)
        if problems:
            shown = problems[:MAX_ERRORS]
            if len(problems) > MAX_ERRORS:
                shown.append(
                    self.env._("… and %(n)s more.", n=len(problems) - MAX_ERRORS)
                )
            raise UserError(
                self.env._("Nothing was imported:") + "\n" + "\n".join(shown)
            )
        sums = self._prepare_period_vals(lines, mapping, employees)
        month_start = billing.month_bounds(self.month)[0]
        people = self.env["hr.employee"].union(*sums)
        existing = Period._get_by_employee(people, month_start)
        booked = [p for p in existing.values() if p.move_id]
        if booked:
            raise UserError(
                self.env._(
                    "Nothing was imported: the wage basis of %(people)s for this "
                    "month is already posted to the books.",
                    people=", ".join(p.employee_id.name for p in booked),
                )
            )
        fields_to_set = [
            "paid_hours",
            "absence_hours",
            "refund_hours",
            "gross_wage",
            "holiday_pay",
            "pension",
            "atp",
            "refund_amount",
        ]
        periods = Period
        new_vals = []
        for employee, values in sums.items():
            vals = {name: round(values.get(name, 0.0), 2) for name in fields_to_set}
            vals["source"] = "payroll_file"
            vals["payroll_number"] = employee.sudo().payroll_number
            if employee.id in existing:
                existing[employee.id].write(vals)
                periods |= existing[employee.id]
            else:
                vals.update(employee_id=employee.id, period_start=month_start)
                new_vals.append(vals)
        periods |= Period.create(new_vals)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Wage Basis"),
            "res_model": "social.wage.period",
            "view_mode": "list,form",
            "domain": [("id", "in", periods.ids)],
        }
