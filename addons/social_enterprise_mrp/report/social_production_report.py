from odoo import api, fields, models
from odoo.tools.sql import SQL

SOURCES = [("timesheet", "Timesheet"), ("workorder", "Work Order")]


class SocialProductionReport(models.Model):
    """Adds the time tracked on work orders to the production hours: one row per
    productive time line of a work order, for the person who did the work, under the
    scheme of their placement on the day.

    Work-order rows get negative ids (minus the time line's id) so that they never
    collide with the timesheet rows, whose ids are the timesheet lines' ids.
    """

    _inherit = "social.production.report"
    _depends = {
        "mrp.workcenter.productivity": [
            "employee_id",
            "workorder_id",
            "workcenter_id",
            "duration",
            "date_start",
            "date_end",
            "loss_id",
            "company_id",
        ],
        "mrp.workorder": ["production_id"],
    }

    source = fields.Selection(SOURCES, readonly=True)
    workcenter_id = fields.Many2one("mrp.workcenter", "Work Centre", readonly=True)
    production_id = fields.Many2one(
        "mrp.production", "Manufacturing Order", readonly=True
    )

    @property
    def _table_query(self):
        return SQL(
            "%s UNION ALL %s %s %s",
            super()._table_query,
            self._select_workorder(),
            self._from_workorder(),
            self._where_workorder(),
        )

    @api.model
    def _select(self):
        return SQL(
            """%s,
                'timesheet' AS source,
                NULL::integer AS workcenter_id,
                NULL::integer AS production_id
            """,
            super()._select(),
        )

    @api.model
    def _select_workorder(self):
        # The columns in the order of _select: id, date, employee_id, project_id,
        # social_activity, placement_id, scheme_id, person_type, hours, company_id,
        # then this addon's source, workcenter_id, production_id.
        return SQL(
            """
            SELECT
                -T.id AS id,
                T.local_date AS date,
                T.employee_id AS employee_id,
                NULL::integer AS project_id,
                'production' AS social_activity,
                PL.id AS placement_id,
                PL.scheme_id AS scheme_id,
                CASE WHEN PL.id IS NULL THEN 'staff' ELSE 'target_group' END
                    AS person_type,
                T.duration / 60.0 AS hours,
                T.company_id AS company_id,
                'workorder' AS source,
                T.workcenter_id AS workcenter_id,
                WO.production_id AS production_id
            """
        )

    @api.model
    def _from_workorder(self):
        return SQL(
            """
            FROM (
                SELECT MP.*,
                       (MP.date_start AT TIME ZONE 'UTC'
                           AT TIME ZONE COALESCE(R.tz, 'Europe/Copenhagen'))::date
                           AS local_date
                  FROM mrp_workcenter_productivity MP
                  JOIN hr_employee E ON E.id = MP.employee_id
                  JOIN resource_resource R ON R.id = E.resource_id
                  JOIN mrp_workcenter_productivity_loss L ON L.id = MP.loss_id
                  JOIN mrp_workcenter_productivity_loss_type LT ON LT.id = L.loss_id
                 WHERE LT.loss_type IN ('productive', 'performance')
            ) T
            JOIN mrp_workorder WO ON WO.id = T.workorder_id
            LEFT JOIN LATERAL (
                SELECT SP.id, SP.scheme_id
                  FROM social_placement SP
                  JOIN social_scheme SS ON SS.id = SP.scheme_id
                 WHERE SP.employee_id = T.employee_id
                   AND SS.exclusive
                   AND SP.state IN ('active', 'ended')
                   AND SP.date_start <= T.local_date
                   AND (SP.date_end IS NULL OR SP.date_end >= T.local_date)
                 ORDER BY SP.date_start DESC
                 LIMIT 1
            ) PL ON TRUE
            """
        )

    @api.model
    def _where_workorder(self):
        return SQL("WHERE T.date_end IS NOT NULL AND T.duration > 0")
