from collections import defaultdict

from odoo import models


class SocialBillingRun(models.Model):
    """Support placements (mentor support) are billed on the hours delivered.

    For a placement on a support scheme (not an employment form) whose price line bills
    hours on the "attended" basis, the quantity is the support sessions delivered on the
    paying municipality's grants for that person, at the agreement's hourly price.
    """

    _inherit = "social.billing.run"

    def _get_billing_data(self):
        data = super()._get_billing_data()
        support = data["placements"].filtered(lambda p: not p.scheme_id.exclusive)
        data["support_hours"] = self._get_support_hours_by_day(support)
        return data

    def _get_support_hours_by_day(self, placements):
        """{(employee id, municipality id): {day: hours}} over the run's months.

        One ``_read_group`` on the sessions; sudo because billing needs the hours
        delivered, never the sessions' content.
        """
        if not placements:
            return {}
        first = self._get_billing_months()[0]
        groups = (
            self.env["support.session"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", placements.employee_id.ids),
                    ("grant_id.municipality_id", "in", placements.municipality_id.ids),
                    ("date", ">=", first),
                    ("date", "<=", self.period_end),
                ],
                ["employee_id", "grant_id", "date:day"],
                ["duration:sum"],
            )
        )
        result = defaultdict(lambda: defaultdict(float))
        for employee, grant, day, hours in groups:
            key = (employee.id, grant.municipality_id.id)
            result[key][day.date() if hasattr(day, "date") else day] += hours
        return result

    def _get_attended_by_day(self, placement, data):
        if placement.scheme_id.exclusive or "support_hours" not in data:
            return super()._get_attended_by_day(placement, data)
        key = (placement.employee_id.id, placement.municipality_id.id)
        return data["support_hours"].get(key, {})
