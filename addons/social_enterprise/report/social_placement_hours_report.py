from odoo import fields, models


class SocialPlacementHoursReport(models.Model):
    """Day by day hours of each placement: planned, attended, effective and absence.

    One row per placement and calendar day of its period (up to today). Grouped by week
    or month in pivot and graph views. Planned hours spread the agreed week over Monday-
    Friday (weekly hours / 5 per weekday; from 6 days a week over all seven days), the
    same rule as ``tools.periods.planned_days_and_hours``. Attended hours are the
    person's attendances (hr.attendance) whose ``date`` (core's stored local day of
    the check-in) is that day. Effective hours apply the
    flexjob work capacity. The query is split in ``_select``/``_from``/``_where`` so
    other addons can extend it.
    """

    _name = "social.placement.hours.report"
    _description = "Placement Hours Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "placement_id"
    _depends = {
        "social.placement": [
            "employee_id", "scheme_id", "municipality_id", "supervisor_id",
            "company_id", "state", "date_start", "date_end", "weekly_hours",
            "days_per_week", "work_capacity",
        ],
        "social.scheme": ["uses_effective_hours", "exclusive"],
        "hr.attendance": ["employee_id", "date", "worked_hours"],
        "social.absence": ["employee_id", "date", "reason_id", "announced", "is_late"],
    }  # fmt: skip

    date = fields.Date(readonly=True)
    placement_id = fields.Many2one("social.placement", readonly=True)
    employee_id = fields.Many2one("hr.employee", "Person", readonly=True)
    scheme_id = fields.Many2one("social.scheme", readonly=True)
    municipality_id = fields.Many2one("res.partner", readonly=True)
    supervisor_id = fields.Many2one("hr.employee", "Work Supervisor", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    state = fields.Selection(
        related="placement_id.state", string="Placement Status", readonly=True
    )
    planned_days = fields.Float(readonly=True, digits=(16, 2))
    planned_hours = fields.Float(readonly=True, digits=(16, 2))
    attended_days = fields.Integer(readonly=True)
    attended_hours = fields.Float(readonly=True, digits=(16, 2))
    effective_hours = fields.Float(readonly=True, digits=(16, 2))
    absence_hours = fields.Float(
        readonly=True, digits=(16, 2), help="Planned hours not attended on the day."
    )
    absence_reason_id = fields.Many2one("social.absence.reason", readonly=True)
    unannounced = fields.Boolean("Unannounced Absence", readonly=True)
    late_count = fields.Integer("Late", readonly=True)

    @property
    def _table_query(self):
        return f"{self._select()} {self._from()} {self._where()}"

    def _select(self):
        return """
            SELECT
                (p.id::bigint << 20) + (d.day::date - DATE '2000-01-01') AS id,
                d.day::date AS date,
                p.id AS placement_id,
                p.employee_id AS employee_id,
                p.scheme_id AS scheme_id,
                p.municipality_id AS municipality_id,
                p.supervisor_id AS supervisor_id,
                p.company_id AS company_id,
                pl.planned_days AS planned_days,
                pl.planned_hours AS planned_hours,
                CASE WHEN att.hours > 0 THEN 1 ELSE 0 END AS attended_days,
                COALESCE(att.hours, 0) AS attended_hours,
                COALESCE(att.hours, 0)
                    * CASE WHEN s.uses_effective_hours THEN p.work_capacity / 100.0
                      ELSE 1 END AS effective_hours,
                GREATEST(pl.planned_hours - COALESCE(att.hours, 0), 0) AS absence_hours,
                ab.reason_id AS absence_reason_id,
                COALESCE(ab.unannounced, FALSE) AS unannounced,
                COALESCE(ab.late, 0) AS late_count
        """

    def _from(self):
        return """
            FROM social_placement p
            JOIN social_scheme s ON s.id = p.scheme_id
            CROSS JOIN LATERAL generate_series(
                p.date_start,
                LEAST(COALESCE(p.date_end, CURRENT_DATE), CURRENT_DATE),
                INTERVAL '1 day'
            ) AS d(day)
            CROSS JOIN LATERAL (
                SELECT
                    CASE
                        WHEN p.days_per_week > 5 THEN p.days_per_week / 7.0
                        WHEN EXTRACT(ISODOW FROM d.day) < 6 THEN p.days_per_week / 5.0
                        ELSE 0
                    END AS planned_days,
                    CASE
                        WHEN p.days_per_week > 5 THEN p.weekly_hours / 7.0
                        WHEN EXTRACT(ISODOW FROM d.day) < 6 THEN p.weekly_hours / 5.0
                        ELSE 0
                    END AS planned_hours
            ) AS pl
            LEFT JOIN LATERAL (
                SELECT SUM(a.worked_hours) AS hours
                FROM hr_attendance a
                WHERE a.employee_id = p.employee_id
                  AND a.date = d.day::date
            ) AS att ON TRUE
            LEFT JOIN LATERAL (
                SELECT
                    MIN(x.reason_id) FILTER (WHERE NOT x.is_late) AS reason_id,
                    BOOL_OR(NOT x.announced AND NOT x.is_late) AS unannounced,
                    COUNT(*) FILTER (WHERE x.is_late) AS late
                FROM social_absence x
                WHERE x.employee_id = p.employee_id AND x.date = d.day::date
            ) AS ab ON TRUE
        """

    def _where(self):
        # Attendance belongs to the person's employment-form placement; support schemes
        # running beside it (mentor, IPS) are measured in support hours instead.
        return "WHERE p.state IN ('active', 'ended') AND s.exclusive"

    def _get_absence_domain(self, placements, date_from, date_to):
        """The days of ``placements`` in [date_from, date_to] (capped at today, like
        ``social.placement._get_hours_data``) with planned hours not attended or a
        late arrival: the rows behind absence by reason, in the impact report and
        in the status reports alike. Absence hours of a day belong to the reason
        recorded for it (lateness aside); a day without one is absence with no
        reason recorded."""
        today = fields.Date.context_today(self)
        return [
            ("placement_id", "in", placements.ids),
            ("date", ">=", date_from),
            ("date", "<=", min(date_to, today)),
            "|",
            ("absence_hours", ">", 0),
            ("late_count", ">", 0),
        ]
