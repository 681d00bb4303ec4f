from odoo import api, fields, models
from odoo.tools.sql import SQL

from ..models.project_project import SOCIAL_ACTIVITIES

PERSON_TYPES = [("target_group", "On a scheme"), ("staff", "Staff")]


class SocialProductionReport(models.Model):
    """Timesheet hours by activity (production or support) and by the scheme of the
    person's placement on the day: production hours per scheme, and how supervisors
    split their time between support and production.

    One row per timesheet line. The query is split in ``_select``, ``_from`` and
    ``_where`` so that other addons (manufacturing work orders) can extend it.
    """

    _name = "social.production.report"
    _description = "Production and Support Hours"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    employee_id = fields.Many2one("hr.employee", "Person", readonly=True)
    project_id = fields.Many2one("project.project", readonly=True)
    social_activity = fields.Selection(SOCIAL_ACTIVITIES, "Activity", readonly=True)
    placement_id = fields.Many2one("social.placement", readonly=True)
    scheme_id = fields.Many2one("social.scheme", readonly=True)
    person_type = fields.Selection(PERSON_TYPES, readonly=True)
    hours = fields.Float(readonly=True, aggregator="sum")
    company_id = fields.Many2one("res.company", readonly=True)

    @property
    def _table_query(self):
        return SQL("%s %s %s", self._select(), self._from(), self._where())

    @api.model
    def _select(self):
        return SQL(
            """
            SELECT
                A.id AS id,
                A.date AS date,
                A.employee_id AS employee_id,
                A.project_id AS project_id,
                P.social_activity AS social_activity,
                PL.id AS placement_id,
                PL.scheme_id AS scheme_id,
                CASE WHEN PL.id IS NULL THEN 'staff' ELSE 'target_group' END
                    AS person_type,
                A.unit_amount AS hours,
                A.company_id AS company_id
            """
        )

    @api.model
    def _from(self):
        # The exclusive placement of the person on the day (they cannot overlap).
        return SQL(
            """
            FROM account_analytic_line A
            JOIN project_project P ON P.id = A.project_id
            LEFT JOIN LATERAL (
                SELECT SP.id, SP.scheme_id
                  FROM social_placement SP
                  JOIN social_scheme SS ON SS.id = SP.scheme_id
                 WHERE SP.employee_id = A.employee_id
                   AND SS.exclusive
                   AND %(running)s
                 ORDER BY SP.date_start DESC
                 LIMIT 1
            ) PL ON TRUE
            """,
            running=self.env["social.placement"]._get_running_sql(
                "SP", SQL("A.date"), SQL("A.date")
            ),
        )

    @api.model
    def _where(self):
        return SQL("WHERE A.project_id IS NOT NULL AND A.employee_id IS NOT NULL")

    @api.model
    def _get_production_hours_by_scheme(self, date_from, date_to, company=None):
        """{scheme: hours} logged on production projects in [date_from, date_to];
        staff hours are under an empty scheme. ``company`` limits it to one company."""
        domain = [
            ("social_activity", "=", "production"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        if company:
            domain.append(("company_id", "=", company.id))
        groups = self._read_group(
            domain,
            ["scheme_id"],
            ["hours:sum"],
        )
        return dict(groups)

    @api.model
    def _get_staff_time_split(self, date_from, date_to, employees=None):
        """{employee: {activity: hours}} for staff (people on no scheme), e.g. the
        work supervisors' split between support and production."""
        domain = [
            ("person_type", "=", "staff"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        if employees is not None:
            domain.append(("employee_id", "in", employees.ids))
        result = {}
        for employee, activity, hours in self._read_group(
            domain, ["employee_id", "social_activity"], ["hours:sum"]
        ):
            result.setdefault(employee, {})[activity or "other"] = hours
        return result
