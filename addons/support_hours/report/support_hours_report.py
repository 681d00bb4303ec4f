from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.misc import get_lang

SOURCES = [("need", "Planned"), ("session", "Delivered"), ("grant", "Granted")]


class SupportHoursReport(models.Model):
    """Planned vs delivered vs granted support hours, one SQL view for all.

    Three row sources, added up by the pivot: planned hours of support needs and
    granted hours of grants, both prorated over segments of their period (a segment
    never crosses a week or a month, so weekly and monthly totals are exact), and the
    delivered hours of sessions. A caller that reads another period passes its ends
    in the context (``_with_period``), so that segments are also cut there and the
    period's hours are prorated by day. Open-ended needs are planned until the end
    of next year. Split into ``_select``/``_from``/``_where`` per
    source like hr_timesheet's analysis, so others can extend it.
    """

    _name = "support.hours.report"
    _description = "Support Hours Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    employee_id = fields.Many2one("hr.employee", "Person", readonly=True)
    staff_id = fields.Many2one("res.users", readonly=True)
    department_id = fields.Many2one("hr.department", "Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    category_id = fields.Many2one(
        "support.need.category", "Kind of Support", readonly=True
    )
    grant_id = fields.Many2one("support.grant", readonly=True)
    municipality_id = fields.Many2one("res.partner", readonly=True)
    source = fields.Selection(SOURCES, readonly=True)
    planned_hours = fields.Float(readonly=True, digits=(16, 2))
    delivered_hours = fields.Float(readonly=True, digits=(16, 2))
    granted_hours = fields.Float(readonly=True, digits=(16, 2))

    @property
    def _table_query(self):
        return SQL(
            "SELECT u.* FROM (%s UNION ALL %s UNION ALL %s) u",
            self._query_need(),
            self._query_session(),
            self._query_grant(),
        )

    @api.model
    def _row_id(self, source_index, record_id, day=None):
        """A row id that stays the same between a search and the read after it:
        built from the source record and, for prorated rows, the segment's day
        (never a row number, whose order the database may change)."""
        if day is None:
            return SQL("(%s::bigint * 3 + %s)", record_id, source_index)
        return SQL(
            "((((%s::bigint << 20) + (%s - DATE '1900-01-01')) * 3) + %s)",
            record_id,
            day,
            source_index,
        )

    @api.model
    def _horizon(self):
        """Where open-ended needs stop being planned: the end of next year."""
        return SQL(
            "(date_trunc('year', CURRENT_DATE) + interval '2 year' - interval '1 day')"
            "::date"
        )

    @api.model
    def _with_period(self, date_from, date_to):
        """This model cut exactly at ``date_from`` and after ``date_to``: a domain on
        ``date`` inside [date_from, date_to] then sums the hours of those days only,
        a grant of 7 hours a week read from a Monday to a Wednesday giving 3 hours.
        """
        cuts = [date_from, date_to + timedelta(days=1)]
        return self.with_context(support_hours_cuts=[d.isoformat() for d in cuts])

    @api.model
    def _segments(self, start, end):
        """Lateral table of (day, days): the period from ``start`` to ``end`` (SQL
        date expressions) cut at every first day of a week and of a month, and at the
        days listed in the context's ``support_hours_cuts`` (see ``_with_period``).

        The week starts on the reader's language's first day (Monday in Danish), the
        day Odoo's week grouping uses, so weekly sums are exact for every reader.
        """
        week_start = int(get_lang(self.env).week_start)  # 1 = Monday ... 7 = Sunday
        cuts = [
            fields.Date.to_date(d)
            for d in self.env.context.get("support_hours_cuts", [])
        ]
        return SQL(
            """
            CROSS JOIN LATERAL (
                SELECT d::date AS day,
                       LEAST(
                           d::date + ((%(ws)s - EXTRACT(ISODOW FROM d)::int + 13) %% 7)
                               + 1,
                           (date_trunc('month', d) + interval '1 month')::date,
                           %(end)s + 1,
                           (SELECT MIN(c) FROM unnest(%(cuts)s::date[]) c
                             WHERE c > d::date)
                       ) - d::date AS days
                  FROM generate_series(
                           %(start)s::timestamp, %(end)s::timestamp, interval '1 day'
                       ) d
                 WHERE d::date = %(start)s
                    OR EXTRACT(ISODOW FROM d) = %(ws)s
                    OR EXTRACT(DAY FROM d) = 1
                    OR d::date = ANY(%(cuts)s::date[])
            ) seg
            """,
            start=start,
            end=end,
            ws=week_start,
            cuts=cuts,
        )

    # ------------------------------------------------------------ planned: needs
    @api.model
    def _select_need(self):
        return SQL(
            """
            SELECT %s AS id,
                   seg.day AS date,
                   n.employee_id AS employee_id,
                   n.responsible_id AS staff_id,
                   n.department_id AS department_id,
                   n.company_id AS company_id,
                   n.category_id AS category_id,
                   NULL::integer AS grant_id,
                   NULL::integer AS municipality_id,
                   'need'::varchar AS source,
                   n.planned_hours * seg.days / 7.0 AS planned_hours,
                   0.0 AS delivered_hours,
                   0.0 AS granted_hours
            """,
            self._row_id(0, SQL("n.id"), SQL("seg.day")),
        )

    @api.model
    def _from_need(self):
        return SQL(
            "FROM support_need n %s",
            self._segments(
                SQL("n.date_from"),
                SQL("COALESCE(n.date_to, %s)", self._horizon()),
            ),
        )

    @api.model
    def _where_need(self):
        return SQL("WHERE n.state IN ('active', 'closed') AND n.planned_hours > 0")

    @api.model
    def _query_need(self):
        return SQL(
            "%s %s %s", self._select_need(), self._from_need(), self._where_need()
        )

    # -------------------------------------------------------- delivered: sessions
    @api.model
    def _select_session(self):
        return SQL(
            """
            SELECT %s AS id,
                   s.date AS date,
                   s.employee_id AS employee_id,
                   s.staff_id AS staff_id,
                   s.department_id AS department_id,
                   s.company_id AS company_id,
                   g.category_id AS category_id,
                   s.grant_id AS grant_id,
                   g.municipality_id AS municipality_id,
                   'session'::varchar AS source,
                   0.0 AS planned_hours,
                   s.duration AS delivered_hours,
                   0.0 AS granted_hours
            """,
            self._row_id(1, SQL("s.id")),
        )

    @api.model
    def _from_session(self):
        return SQL(
            "FROM support_session s LEFT JOIN support_grant g ON g.id = s.grant_id"
        )

    @api.model
    def _where_session(self):
        return SQL("WHERE s.date IS NOT NULL")

    @api.model
    def _query_session(self):
        return SQL(
            "%s %s %s",
            self._select_session(),
            self._from_session(),
            self._where_session(),
        )

    # ------------------------------------------------------------ granted: grants
    @api.model
    def _select_grant(self):
        return SQL(
            """
            SELECT %s AS id,
                   seg.day AS date,
                   g.employee_id AS employee_id,
                   NULL::integer AS staff_id,
                   g.department_id AS department_id,
                   g.company_id AS company_id,
                   g.category_id AS category_id,
                   g.id AS grant_id,
                   g.municipality_id AS municipality_id,
                   'grant'::varchar AS source,
                   0.0 AS planned_hours,
                   0.0 AS delivered_hours,
                   CASE WHEN g.grant_type = 'total'
                        THEN g.hours_total * seg.days
                             / (g.date_to - g.date_from + 1)::numeric
                        ELSE g.hours_per_week * seg.days / 7.0
                   END AS granted_hours
            """,
            self._row_id(2, SQL("g.id"), SQL("seg.day")),
        )

    @api.model
    def _from_grant(self):
        return SQL(
            "FROM support_grant g %s",
            self._segments(SQL("g.date_from"), SQL("g.date_to")),
        )

    @api.model
    def _where_grant(self):
        return SQL("WHERE g.state IN ('active', 'closed')")

    @api.model
    def _query_grant(self):
        return SQL(
            "%s %s %s", self._select_grant(), self._from_grant(), self._where_grant()
        )
