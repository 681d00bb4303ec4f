from odoo import fields, models
from odoo.tools.sql import SQL


class SocialProductionOutput(models.Model):
    """Piece output per person: the quantity of each finished work order shared
    between the people who worked on it, in proportion to the productive time each
    tracked on it, dated the day the work order was finished.

    A work order of 40 brushes on which Anna tracked 90 minutes and Bo 30 minutes
    gives Anna 30 and Bo 10 brushes. Work orders finished without tracked time give
    no one units. §103 pay by effort reads the sums through
    ``social.placement._get_effort_units``.
    """

    _name = "social.production.output"
    _description = "Piece Output per Person"
    _auto = False
    _order = "date desc"
    _depends = {
        "mrp.workcenter.productivity": [
            "employee_id",
            "workorder_id",
            "duration",
            "date_end",
            "loss_id",
            "company_id",
        ],
        "mrp.workorder": ["state", "qty_produced", "date_finished", "production_id"],
        "mrp.production": ["product_id"],
        "social.placement": ["employee_id", "state", "date_start", "date_end"],
    }

    date = fields.Date(readonly=True)
    employee_id = fields.Many2one("hr.employee", "Person", readonly=True)
    placement_id = fields.Many2one("social.placement", readonly=True)
    scheme_id = fields.Many2one("social.scheme", readonly=True)
    workorder_id = fields.Many2one("mrp.workorder", "Work Order", readonly=True)
    workcenter_id = fields.Many2one("mrp.workcenter", "Work Centre", readonly=True)
    production_id = fields.Many2one(
        "mrp.production", "Manufacturing Order", readonly=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    hours = fields.Float(readonly=True, aggregator="sum", digits=(16, 2))
    units = fields.Float(readonly=True, aggregator="sum", digits=(16, 2))
    company_id = fields.Many2one("res.company", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT
                T.id AS id,
                T.finished_date AS date,
                T.employee_id AS employee_id,
                PL.id AS placement_id,
                PL.scheme_id AS scheme_id,
                WO.id AS workorder_id,
                WO.workcenter_id AS workcenter_id,
                WO.production_id AS production_id,
                MO.product_id AS product_id,
                T.duration / 60.0 AS hours,
                WO.qty_produced * T.duration
                    / NULLIF(SUM(T.duration) OVER (PARTITION BY WO.id), 0) AS units,
                T.company_id AS company_id
            FROM (
                SELECT MP.id, MP.employee_id, MP.workorder_id, MP.duration,
                       MP.company_id,
                       (W.date_finished AT TIME ZONE 'UTC'
                           AT TIME ZONE COALESCE(R.tz, 'Europe/Copenhagen'))::date
                           AS finished_date
                  FROM mrp_workcenter_productivity MP
                  JOIN mrp_workorder W ON W.id = MP.workorder_id
                  JOIN hr_employee E ON E.id = MP.employee_id
                  JOIN resource_resource R ON R.id = E.resource_id
                  JOIN mrp_workcenter_productivity_loss L ON L.id = MP.loss_id
                  JOIN mrp_workcenter_productivity_loss_type LT ON LT.id = L.loss_id
                 WHERE LT.loss_type IN ('productive', 'performance')
                   AND W.state = 'done'
                   AND MP.date_end IS NOT NULL
                   AND MP.duration > 0
            ) T
            JOIN mrp_workorder WO ON WO.id = T.workorder_id
            JOIN mrp_production MO ON MO.id = WO.production_id
            LEFT JOIN LATERAL (
                SELECT SP.id, SP.scheme_id
                  FROM social_placement SP
                  JOIN social_scheme SS ON SS.id = SP.scheme_id
                 WHERE SP.employee_id = T.employee_id
                   AND SS.exclusive
                   AND SP.state IN ('active', 'ended')
                   AND SP.date_start <= T.finished_date
                   AND (SP.date_end IS NULL OR SP.date_end >= T.finished_date)
                 ORDER BY SP.date_start DESC
                 LIMIT 1
            ) PL ON TRUE
            """
        )
