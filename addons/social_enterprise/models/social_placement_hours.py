# One concern a file (demo data, hours, follow-ups, ratio rule) keeps the placement
# model readable; the classes are merged by the registry.
# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools import periods

DEFAULT_TZ = "Europe/Copenhagen"
MEASURES = (
    "planned_days",
    "planned_hours",
    "attended_days",
    "attended_hours",
    "effective_hours",
    "absence_hours",
)


class SocialPlacement(models.Model):
    _inherit = "social.placement"

    hours_attended_month = fields.Float(
        "Attended This Month", compute="_compute_hours_summary", digits=(16, 2)
    )
    hours_planned_month = fields.Float(
        "Planned This Month", compute="_compute_hours_summary", digits=(16, 2)
    )
    hours_attended_12m = fields.Float(
        "Attended, Last 12 Months", compute="_compute_hours_summary", digits=(16, 2)
    )
    hours_planned_12m = fields.Float(
        "Planned, Last 12 Months", compute="_compute_hours_summary", digits=(16, 2)
    )
    attendance_rate_12m = fields.Float(
        "Attendance Rate, Last 12 Months (%)",
        compute="_compute_hours_summary",
        digits=(16, 1),
    )

    def _compute_hours_summary(self):
        today = fields.Date.context_today(self)
        real = self.filtered("id")
        month = real._get_hours_data(today.replace(day=1), today)
        year = real._get_hours_data(
            today - relativedelta(years=1) + timedelta(days=1), today
        )
        for placement in self:
            m = month.get(placement.id, {})
            y = year.get(placement.id, {})
            placement.hours_attended_month = m.get("attended_hours", 0.0)
            placement.hours_planned_month = m.get("planned_hours", 0.0)
            placement.hours_attended_12m = y.get("attended_hours", 0.0)
            placement.hours_planned_12m = y.get("planned_hours", 0.0)
            planned = y.get("planned_hours", 0.0)
            placement.attendance_rate_12m = (
                100.0 * min(y.get("attended_hours", 0.0) / planned, 9.99)
                if planned
                else 0.0
            )

    @api.model
    def _get_attendance_by_day(self, employees, date_from, date_to):
        """{(employee_id, day): worked hours} for the employees' local days.

        One ``_read_group`` per time zone among the employees (in practice one).
        """
        result = defaultdict(float)
        if not employees or date_to < date_from:
            return result
        by_tz = defaultdict(list)
        for employee in employees:
            by_tz[employee.tz or DEFAULT_TZ].append(employee.id)
        Attendance = self.env["hr.attendance"].sudo()  # narrow read: sums of hours only
        for tz, employee_ids in by_tz.items():
            groups = Attendance.with_context(tz=tz)._read_group(
                [
                    ("employee_id", "in", employee_ids),
                    (
                        "check_in",
                        ">=",
                        datetime.combine(date_from, time.min) - timedelta(days=1),
                    ),
                    (
                        "check_in",
                        "<",
                        datetime.combine(date_to, time.min) + timedelta(days=2),
                    ),
                ],
                ["employee_id", "check_in:day"],
                ["worked_hours:sum"],
            )
            for employee, day, hours in groups:
                day = day.date()
                if date_from <= day <= date_to:
                    result[employee.id, day] += hours or 0.0
        return result

    def _get_hours_data(self, date_from, date_to, by_month=False):
        """Hours of each placement in [date_from, date_to], capped at today.

        Returns ``{placement_id: {measure: value}}`` for the measures planned_days,
        planned_hours, attended_days, attended_hours, effective_hours and absence_hours,
        counted day by day inside each placement's own period; with ``by_month``,
        ``{placement_id: {first day of month: {measure: value}}}``. Only placements of
        exclusive schemes (the employment forms) get hours: attendance belongs to them,
        not to support schemes such as mentor support running beside them. The number of
        queries does not depend on the number of placements.
        """
        today = fields.Date.context_today(self)
        date_to = min(date_to, today)
        placements = self.filtered(
            lambda p: p.state in ("active", "ended") and p.scheme_id.exclusive
        )
        attendance = self._get_attendance_by_day(
            placements.employee_id, date_from, date_to
        )
        result = {}
        for placement in placements:
            buckets = {}
            window = periods.overlap(
                placement.date_start, placement.date_end, date_from, date_to
            )
            if window:
                factor = (
                    placement.work_capacity / 100.0
                    if placement.uses_effective_hours
                    else 1.0
                )
                for day in periods.iter_days(window[0], window[1]):
                    key = day.replace(day=1) if by_month else None
                    if key not in buckets:
                        buckets[key] = dict.fromkeys(MEASURES, 0.0)
                    values = buckets[key]
                    p_days, p_hours = periods.planned_on(
                        day, placement.weekly_hours, placement.days_per_week
                    )
                    hours = attendance.get((placement.employee_id.id, day), 0.0)
                    values["planned_days"] += p_days
                    values["planned_hours"] += p_hours
                    values["attended_days"] += 1 if hours > 0 else 0
                    values["attended_hours"] += hours
                    values["effective_hours"] += hours * factor
                    values["absence_hours"] += max(p_hours - hours, 0.0)
            if by_month:
                result[placement.id] = buckets
            else:
                result[placement.id] = buckets.get(None, dict.fromkeys(MEASURES, 0.0))
        return result

    def action_view_hours(self):
        """Week-by-week and month-by-month hours of the placement."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_placement_hours_report_action"
        )
        action["domain"] = [("placement_id", "in", self.ids)]
        action["context"] = {"group_by": ["date:week"]}
        return action

    @api.model
    def _get_ordinary_hours(self, employees, date_to):
        """Ordinary unsubsidised hours of each employee in the 12 months up to
        ``date_to``.

        Attended hours inside the person's small-job or ordinary-employment placements:
        evidence of ordinary work for benefit decisions (the "225-hour rule" that used
        the figure ended on 30 June 2025).
        Returns ``{employee_id: hours}`` with a fixed number of queries.
        """
        date_from = date_to - relativedelta(years=1) + timedelta(days=1)
        placements = self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("scheme_id.scheme_type", "in", ("small_job", "ordinary")),
                ("state", "in", ("active", "ended")),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
            ]
        )
        attendance = self._get_attendance_by_day(
            placements.employee_id, date_from, date_to
        )
        result = dict.fromkeys(employees.ids, 0.0)
        counted = set()
        for placement in placements:
            window = periods.overlap(
                placement.date_start, placement.date_end, date_from, date_to
            )
            for day in periods.iter_days(*window):
                key = (placement.employee_id.id, day)
                if key not in counted:
                    counted.add(key)
                    result[placement.employee_id.id] += attendance.get(key, 0.0)
        return result
