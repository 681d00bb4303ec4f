from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class HrAttendance(models.Model):
    _inherit = "hr.attendance"

    @api.model
    def _get_hours_by_day(self, employees, date_from, date_to):
        """{employee id: {day: worked hours}} for check-ins in [date_from, date_to],
        in one query. Billing and subsidy claims read only these sums, so they may
        call it with sudo."""
        groups = self._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("check_in", ">=", fields.Datetime.to_datetime(date_from)),
                (
                    "check_in",
                    "<",
                    fields.Datetime.to_datetime(date_to + relativedelta(days=1)),
                ),
            ],
            ["employee_id", "check_in:day"],
            ["worked_hours:sum"],
        )
        result = defaultdict(dict)
        for employee, day, hours in groups:
            result[employee.id][day.date() if hasattr(day, "date") else day] = hours
        return result
