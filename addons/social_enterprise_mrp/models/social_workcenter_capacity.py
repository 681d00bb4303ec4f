from collections import defaultdict
from datetime import timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.social_enterprise.tools import periods

from ..tools import capacity

ABSENCE_WEEKS = 12
OPEN_WORKORDER_STATES = ("blocked", "ready", "progress")
PLANNED_PRODUCTION_STATES = ("confirmed", "progress", "to_close")


class SocialWorkcenterCapacity(models.Model):
    """Weekly capacity of each work centre's team in effective hours, beside the load
    of its planned manufacturing orders.

    Rows are derived data: ``_refresh`` recomputes the given weeks in four steps, each
    a hook (see ``tools/capacity.py`` for the arithmetic):

    1. ``_get_team`` - the people of each work centre and how many teams each is in;
    2. ``_get_person_week_hours`` - planned and effective hours per person and week
       from their placements (staff: their work schedule), minus the approved leave
       of ``_get_leave_intervals`` that falls on their planned days (leave of any
       kind is a ``resource.calendar.leaves`` of the person: no hr_holidays needed);
    3. ``_get_absence_rates`` - expected absence from each person's last 12 weeks;
    4. ``_get_load`` - remaining expected hours of the planned work orders.

    ``_compute_rows`` returns the values without writing, for live warnings.
    """

    _name = "social.workcenter.capacity"
    _description = "Work Centre Capacity"
    _order = "week_start desc, workcenter_id"
    _rec_name = "workcenter_id"

    workcenter_id = fields.Many2one(
        "mrp.workcenter", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="workcenter_id.company_id", store=True, index=True
    )
    week_start = fields.Date("Week", required=True, index=True)
    people_count = fields.Integer("People")
    planned_hours = fields.Float(
        digits=(16, 2), help="Hours the placements plan for the week (before leave)."
    )
    leave_hours = fields.Float(
        "Leave",
        digits=(16, 2),
        help="Approved leave on the days the people are planned to come, taken off "
        "the planned hours.",
    )
    effective_hours = fields.Float(
        digits=(16, 2),
        help="Planned hours minus leave, times each flexjob worker's work capacity.",
    )
    capacity_hours = fields.Float(
        "Capacity",
        digits=(16, 2),
        help="Effective hours minus each person's expected absence (their last 12 "
        "weeks of attendance against plan).",
    )
    load_hours = fields.Float(
        "Load",
        digits=(16, 2),
        help="Remaining expected hours of the planned work orders of the week.",
    )
    free_hours = fields.Float("Free", digits=(16, 2))
    workorder_count = fields.Integer("Work Orders")
    overloaded = fields.Boolean(
        help="The planned orders need more hours than the team can do this week."
    )

    _week_unique = models.UniqueIndex(
        "(workcenter_id, week_start)", "One capacity row per work centre and week."
    )

    # ------------------------------------------------------------------ actions
    @api.model
    def action_open_capacity(self):
        """Recompute this week and the next three, then open the planning views."""
        self.check_access("read")
        today = fields.Date.context_today(self)
        # sudo: the rows are sums per work centre; computing them reads placements
        # and attendance of people the planner may not see one by one.
        self.sudo()._refresh(today, weeks=4)
        return self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise_mrp.social_workcenter_capacity_action"
        )

    def action_view_workorders(self):
        """The planned work orders that make this row's load."""
        self.ensure_one()
        week_end = self.week_start + timedelta(days=6)
        workorders = self.env["mrp.workorder"].search(
            self._get_load_domain(self.workcenter_id, self.week_start, week_end)
        )
        start_of = {
            wo: fields.Datetime.context_timestamp(
                self, wo.date_start or wo.production_id.date_start
            ).date()
            for wo in workorders
        }
        workorders = workorders.filtered(
            lambda wo: self.week_start <= start_of[wo] <= week_end
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "%(workcenter)s: planned work orders",
                workcenter=self.workcenter_id.name,
            ),
            "res_model": "mrp.workorder",
            "view_mode": "list,form",
            "domain": [("id", "in", workorders.ids)],
        }

    # ------------------------------------------------------------------ engine
    @api.model
    def _refresh(self, date_from, weeks=4, workcenters=None):
        workcenters = (
            workcenters
            if workcenters is not None
            else self.env["mrp.workcenter"].search(
                [("company_id", "in", [False, *self.env.companies.ids])]
            )
        )
        rows = self._compute_rows(workcenters, self._weeks(date_from, weeks))
        self.search(
            [
                ("workcenter_id", "in", workcenters.ids),
                ("week_start", "in", sorted({r["week_start"] for r in rows})),
            ]
        ).unlink()
        return self.create(rows)

    @api.model
    def _weeks(self, date_from, weeks):
        monday = date_from - timedelta(days=date_from.weekday())
        return [monday + timedelta(weeks=i) for i in range(weeks)]

    @api.model
    def _compute_rows(self, workcenters, weeks):
        """Values of one row per work centre and week (Mondays), in a few queries."""
        team, teams_of = self._get_team(workcenters)
        employees = self.env["hr.employee"].union(*team.values())
        person_hours = self._get_person_week_hours(employees, weeks)
        absence = self._get_absence_rates(employees, weeks[0])
        load = self._get_load(workcenters, weeks)
        rows = []
        for workcenter in workcenters:
            for week in weeks:
                planned = leave_hours = effective = capacity_hours = 0.0
                for employee in team[workcenter.id]:
                    share = teams_of[employee.id]
                    for p_hours, factor, leave in person_hours.get(
                        (employee.id, week), []
                    ):
                        planned += capacity.split_evenly(p_hours, share)
                        leave_hours += capacity.split_evenly(min(leave, p_hours), share)
                        effective += capacity.split_evenly(
                            capacity.person_capacity(p_hours, factor, 0.0, leave),
                            share,
                        )
                        capacity_hours += capacity.split_evenly(
                            capacity.person_capacity(
                                p_hours, factor, absence.get(employee.id, 0.0), leave
                            ),
                            share,
                        )
                load_hours, count = load.get((workcenter.id, week), (0.0, 0))
                status = capacity.load_status(capacity_hours, load_hours)
                rows.append(
                    {
                        "workcenter_id": workcenter.id,
                        "week_start": week,
                        "people_count": len(team[workcenter.id]),
                        "planned_hours": round(planned, 2),
                        "leave_hours": round(leave_hours, 2),
                        "effective_hours": round(effective, 2),
                        "capacity_hours": status["capacity"],
                        "load_hours": status["load"],
                        "free_hours": status["free"],
                        "overloaded": status["overloaded"],
                        "workorder_count": count,
                    }
                )
        return rows

    @api.model
    def _get_team(self, workcenters):
        """({workcenter id: employees}, {employee id: number of teams they are in})."""
        team = {wc.id: wc.social_employee_ids for wc in workcenters}
        employees = self.env["hr.employee"].union(*team.values())
        teams_of = defaultdict(int)
        for wc in self.env["mrp.workcenter"].search(
            [("social_employee_ids", "in", employees.ids)]
        ):
            for employee in wc.social_employee_ids & employees:
                teams_of[employee.id] += 1
        return team, teams_of

    @api.model
    def _get_placement_domain(self, employees, date_from, date_to):
        return [
            ("employee_id", "in", employees.ids),
            ("state", "in", ("active", "ended")),
            ("scheme_id.exclusive", "=", True),
            ("date_start", "<=", date_to),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", date_from),
        ]

    @api.model
    def _get_person_week_hours(self, employees, weeks):
        """{(employee id, week): [(planned hours, capacity factor, leave hours)]}.

        One entry per placement overlapping the week; people without a placement
        (staff) bring their work schedule's weekly hours at factor 1. The leave is
        what of ``_get_leave_intervals`` falls inside the entry's planned days
        (``_get_week_plan``)."""
        date_from, date_to = weeks[0], weeks[-1] + timedelta(days=6)
        placements = self.env["social.placement"].search(
            self._get_placement_domain(employees, date_from, date_to)
        )
        leaves = self._get_leave_intervals(employees, date_from, date_to)
        result = defaultdict(list)
        for employee in employees:
            own = placements.filtered(lambda p, e=employee: p.employee_id == e)
            for week in weeks:
                for hours, factor, plan in self._get_week_plan(employee, own, week):
                    leave = capacity.leave_in_plan(plan, leaves.get(employee.id, []))
                    result[employee.id, week].append((hours, factor, leave))
        return result

    @api.model
    def _get_week_plan(self, employee, placements, week):
        """[(planned hours, capacity factor, {day: planned hours})] of one person in
        the week starting on ``week``: one entry per placement (the agreed hours
        spread evenly over the agreed days, see ``capacity.planned_weekdays``), or
        the work schedule of staff without one."""
        week_end = week + timedelta(days=6)
        schedule = self._get_schedule_hours(employee.resource_calendar_id)
        if not placements:
            plan = {
                week + timedelta(days=weekday): hours
                for weekday, hours in schedule.items()
            }
            weekly = employee.resource_calendar_id.hours_per_week
            return [(weekly, 1.0, plan)] if weekly else []
        entries = []
        for placement in placements:
            window = periods.overlap(
                placement.date_start, placement.date_end, week, week_end
            )
            if not window:
                continue
            _days, hours = periods.planned_days_and_hours(
                placement.weekly_hours, placement.days_per_week, window[0], window[1]
            )
            weekdays = capacity.planned_weekdays(schedule, placement.days_per_week)
            per_day = (placement.weekly_hours or 0.0) / (placement.days_per_week or 1)
            plan = {
                day: per_day
                for day in (week + timedelta(days=d) for d in weekdays)
                if window[0] <= day <= window[1]
            }
            factor = (
                placement.work_capacity / 100.0
                if placement.uses_effective_hours
                else 1.0
            )
            entries.append((hours, factor, plan))
        return entries

    @api.model
    def _get_schedule_hours(self, calendar):
        """{weekday: working hours} of a work schedule (breaks left out; a two-week
        schedule counts its first week). Monday to Friday without a schedule."""
        if not calendar:
            return dict.fromkeys(range(5), 0.0)
        two_weeks = calendar.two_weeks_calendar
        hours = defaultdict(float)
        for attendance in calendar.attendance_ids:
            if not attendance._is_work_period() or (
                two_weeks and attendance.week_type != "0"
            ):
                continue
            hours[int(attendance.dayofweek)] += attendance.duration_hours
        return dict(hours)

    @api.model
    def _get_leave_intervals(self, employees, date_from, date_to):
        """{employee id: [(start, end)]} of the approved leave of each person that
        touches [date_from, date_to], in the person's local time, naive.

        Approved leave of any kind (Time Off, when installed, writes each validated
        request there) is a ``resource.calendar.leaves`` on the person's resource;
        closing days of a whole work schedule (no resource) are not a person's
        leave. One query for everyone."""
        start = fields.Datetime.to_datetime(date_from) - timedelta(days=1)
        end = fields.Datetime.to_datetime(date_to) + timedelta(days=2)
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()  # sums of the planner's team only; the reasons are not read
            .search_fetch(
                [
                    ("resource_id", "in", employees.resource_id.ids),
                    ("date_from", "<", end),
                    ("date_to", ">", start),
                ],
                ["resource_id", "date_from", "date_to"],
            )
        )
        employee_of = {e.resource_id.id: e for e in employees}
        result = defaultdict(list)
        for leave in leaves:
            employee = employee_of[leave.resource_id.id]
            tz = pytz.timezone(employee.tz or self.env.user.tz or "UTC")
            result[employee.id].append(
                tuple(
                    pytz.utc.localize(moment).astimezone(tz).replace(tzinfo=None)
                    for moment in (leave.date_from, leave.date_to)
                )
            )
        return result

    @api.model
    def _get_absence_rates(self, employees, before):
        """{employee id: expected absence rate} from the 12 weeks before ``before``:
        attended against planned hours of the person's placements."""
        date_to = before - timedelta(days=1)
        date_from = before - timedelta(weeks=ABSENCE_WEEKS)
        placements = self.env["social.placement"].search(
            self._get_placement_domain(employees, date_from, date_to)
        )
        totals = defaultdict(lambda: [0.0, 0.0])
        for placement_id, values in placements._get_hours_data(
            date_from, date_to
        ).items():
            employee = self.env["social.placement"].browse(placement_id).employee_id
            totals[employee.id][0] += values["planned_hours"]
            totals[employee.id][1] += values["attended_hours"]
        return {
            employee_id: capacity.absence_rate(planned, attended)
            for employee_id, (planned, attended) in totals.items()
        }

    @api.model
    def _get_load_domain(self, workcenters, date_from, date_to):
        start = fields.Datetime.to_datetime(date_from) - timedelta(days=1)
        end = fields.Datetime.to_datetime(date_to) + timedelta(days=2)
        return [
            ("workcenter_id", "in", workcenters.ids),
            ("state", "in", OPEN_WORKORDER_STATES),
            ("production_id.state", "in", PLANNED_PRODUCTION_STATES),
            "|",
            "&",
            ("date_start", ">=", start),
            ("date_start", "<", end),
            "&",
            ("date_start", "=", False),
            "&",
            ("production_id.date_start", ">=", start),
            ("production_id.date_start", "<", end),
        ]

    @api.model
    def _get_load(self, workcenters, weeks):
        """{(workcenter id, week): (remaining expected hours, work orders)} of the
        planned work orders starting in each week (local time)."""
        date_to = weeks[-1] + timedelta(days=6)
        workorders = self.env["mrp.workorder"].search(
            self._get_load_domain(workcenters, weeks[0], date_to)
        )
        result = defaultdict(lambda: (0.0, 0))
        for workorder in workorders:
            start = workorder.date_start or workorder.production_id.date_start
            day = fields.Datetime.context_timestamp(self, start).date()
            week = day - timedelta(days=day.weekday())
            if week not in weeks:
                continue
            hours, count = result[workorder.workcenter_id.id, week]
            minutes = capacity.remaining_minutes(
                workorder.duration_expected, workorder.duration
            )
            result[workorder.workcenter_id.id, week] = (
                hours + minutes / 60.0,
                count + 1,
            )
        return result
