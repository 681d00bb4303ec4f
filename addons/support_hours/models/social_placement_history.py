from odoo import api, models


class SocialPlacementHistory(models.Model):
    """Support counts in the continuity measures: the staff who gave sessions are
    contact persons, and a plan review is a step forward."""

    _inherit = "social.placement.history"

    @api.model
    def _get_contact_persons(self, employees, date_from, date_to):
        contacts = super()._get_contact_persons(employees, date_from, date_to)
        # sudo: only who gave support counts here, not what the sessions hold.
        for employee, staff in (
            self.env["support.session"]
            .sudo()
            ._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["employee_id"],
                ["staff_id:array_agg"],
            )
        ):
            contacts[employee.id].update(("res.users", i) for i in staff if i)
        return contacts

    @api.model
    def _get_continuity(self, employees, date_from, date_to):
        result = super()._get_continuity(employees, date_from, date_to)
        # sudo: the dates of plan reviews, not their content.
        reviews = (
            self.env["support.plan.review"]
            .sudo()
            ._read_group(
                [("employee_id", "in", employees.ids), ("date", "<=", date_to)],
                ["employee_id"],
                ["date:array_agg"],
            )
        )
        for employee, dates in reviews:
            values = result[employee.id]
            values["step_dates"] = sorted(set(values["step_dates"]) | set(dates))
            self._set_last_step(values, date_to)
        return result
