from collections import defaultdict

from odoo import api, models
from odoo.fields import Domain


class HrAttendance(models.Model):
    _inherit = "hr.attendance"

    @api.model
    def _get_day_domain(self, employees, date_from, date_to):
        """Attendances of ``employees`` on the days [date_from, date_to].

        The day of an attendance is core's stored ``date``: the check-in's calendar
        day in the employee's own time zone. Billing, claims, hours and reports all
        count by it, so a check-in at 00:30 local time is on the same day everywhere.
        """
        return Domain(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ]
        )

    @api.model
    def _get_hours_by_day(self, employees, date_from, date_to):
        """{employee id: {day: worked hours}} for the days [date_from, date_to],
        in one query. Billing and subsidy claims read only these sums, so they may
        call it with sudo."""
        groups = self._read_group(
            self._get_day_domain(employees, date_from, date_to),
            ["employee_id", "date:day"],
            ["worked_hours:sum"],
        )
        result = defaultdict(dict)
        for employee, day, hours in groups:
            result[employee.id][day] = hours
        return result
