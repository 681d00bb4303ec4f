from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import authorisation as auth_tools
from ..tools import identifiers, periods

STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("ended", "Ended"),
    ("cancelled", "Cancelled"),
]

END_REASONS = [
    ("completed", "Completed as planned"),
    ("max_duration", "Maximum duration reached"),
    ("transition", "Moved on (job, education, other offer)"),
    ("person_choice", "The person's own choice"),
    ("health", "Health"),
    ("municipality", "Ended by the municipality"),
    ("moved", "Moved away"),
    ("other", "Other"),
]

DESTINATIONS = [
    ("ordinary_job", "Ordinary job"),
    ("ordinary_job_ips", "Ordinary job with IPS support"),
    ("flexjob", "Flexjob"),
    ("education", "Education"),
    ("other_offer", "Other offer"),
    ("pension", "Pension"),
    ("dropout", "Dropout"),
    ("other", "Other"),
]

USER = "social_enterprise.social_enterprise_group_user"
TARGET_GROUPS = [
    ("job_ready", "Job-ready (praktik 4 weeks)"),
    ("graduate", "New graduate (praktik 8 weeks)"),
    ("other", "Others far from the labour market (praktik 13 weeks)"),
    ("insured", "Benefit group: dagpenge / job-ready (public løntilskud 4 months)"),
    ("activity_ready", "Benefit group: activity-ready (public løntilskud 6 months)"),
    ("long_term", "Benefit group: others (public løntilskud 12 months)"),
]
REFUND_SHARES = [("half", "½"), ("two_thirds", "⅔")]
WAGE_SUBSIDY_TYPES = ("wage_subsidy_private", "wage_subsidy_public")
RATE_LEVELS = [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3")]
# Fields whose change writes a dated history line (social.placement.history).
HISTORY_FIELDS = {"state", "weekly_hours", "work_capacity", "case_worker_id"}

# A placement that has started counts for billing, claims, hours and reports
# until it is cancelled: drafts have not begun, cancelled ones never ran.
RUNNING_STATES = ("active", "ended")


MEASURES = (
    "planned_days",
    "planned_hours",
    "attended_days",
    "attended_hours",
    "effective_hours",
    "absence_hours",
)


def _planned_sum(weekly_hours, days_per_week, first, last):
    """Planned (days, hours) of [first, last]: the sum of ``periods.planned_on``
    over its days, unrounded."""
    if not days_per_week:
        return 0.0, 0.0
    if days_per_week > 5:
        days = (last - first).days + 1
        return days * days_per_week / 7.0, days * (weekly_hours or 0.0) / 7.0
    weekdays = periods.count_weekdays(first, last)
    return weekdays * days_per_week / 5.0, weekdays * (weekly_hours or 0.0) / 5.0


class SocialPlacement(models.Model):
    """One person on one scheme, paid by one municipality, over one period (forløb)."""

    _name = "social.placement"
    _description = "Placement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        "Reference",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        "Person",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    supervisor_id = fields.Many2one(
        related="employee_id.parent_id",
        string="Work Supervisor",
        store=True,
        index=True,
    )
    scheme_id = fields.Many2one(
        "social.scheme", required=True, index=True, tracking=True, ondelete="restrict"
    )
    scheme_type = fields.Selection(related="scheme_id.scheme_type", store=True)
    uses_effective_hours = fields.Boolean(related="scheme_id.uses_effective_hours")
    municipality_id = fields.Many2one(
        "res.partner",
        "Paying Municipality",
        index=True,
        tracking=True,
        domain=[("is_municipality", "=", True)],
    )
    case_worker_id = fields.Many2one(
        "res.partner",
        domain="[('parent_id', '=', municipality_id)]",
    )
    order_ref = fields.Char(
        "Order / Visitation No.",
        tracking=True,
        help="The municipality's order or visitation number.",
    )
    person_ref = fields.Char(
        "Municipal Person Reference",
        tracking=True,
        help="The municipality's case or person reference used on invoices. Never a "
        "CPR number.",
    )
    date_start = fields.Date("Start", required=True, tracking=True, index=True)
    date_end = fields.Date(
        "End",
        tracking=True,
        index=True,
        help="Planned end while active, actual end once ended.",
    )
    state = fields.Selection(
        STATES, required=True, default="draft", tracking=True, index=True, copy=False
    )
    weekly_hours = fields.Float("Agreed Weekly Hours", tracking=True, digits=(16, 2))
    work_capacity = fields.Float(
        "Work Capacity (%)",
        default=100.0,
        tracking=True,
        help="Flexjob: the share of the agreed hours the person can work effectively.",
    )
    effective_weekly_hours = fields.Float(
        compute="_compute_effective_weekly_hours", store=True, digits=(16, 2)
    )
    days_per_week = fields.Integer(default=5, tracking=True)
    planned_start = fields.Float(
        "Planned Start Time",
        default=8.0,
        help="When the working day starts (local time): a check-in later than this, "
        "after the company's grace minutes, is recorded as late.",
    )
    rate_level = fields.Selection(RATE_LEVELS, tracking=True)
    work_address_id = fields.Many2one(
        "res.partner",
        "Production Unit",
        help="Work address (P-number) the ratio rule is counted for.",
        compute="_compute_work_address_id",
        store=True,
        readonly=False,
    )
    end_reason = fields.Selection(END_REASONS, tracking=True, copy=False)
    destination = fields.Selection(DESTINATIONS, tracking=True, copy=False)
    social_note = fields.Html(
        "Social Notes",
        groups="social_enterprise.social_enterprise_group_user",
        copy=False,
        help="Notes about the person's situation. Coordinators only; never in the "
        "chatter.",
    )
    history_ids = fields.One2many("social.placement.history", "placement_id")
    color = fields.Integer()
    duration_days = fields.Integer(compute="_compute_duration_days")
    max_end_date = fields.Date(compute="_compute_max_end_date")

    _name_unique = models.UniqueIndex(
        "(company_id, name) WHERE name != '/'",
        "The placement reference must be unique.",
    )
    _hours_sane = models.Constraint(
        "CHECK(weekly_hours >= 0 AND weekly_hours <= 168)",
        "Agreed weekly hours must be between 0 and 168.",
    )
    _days_sane = models.Constraint(
        "CHECK(days_per_week >= 0 AND days_per_week <= 7)",
        "Days per week must be between 0 and 7.",
    )
    _capacity_sane = models.Constraint(
        "CHECK(work_capacity > 0 AND work_capacity <= 100)",
        "Work capacity must be above 0 % and at most 100 %.",
    )
    _dates_sane = models.Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "A placement cannot end before it starts.",
    )
    _employee_state_idx = models.Index("(employee_id, state, date_start)")

    # ------------------------------------------------------------------ computes
    @api.depends("weekly_hours", "work_capacity", "scheme_id.uses_effective_hours")
    def _compute_effective_weekly_hours(self):
        for placement in self:
            factor = (
                placement.work_capacity / 100.0
                if placement.uses_effective_hours
                else 1.0
            )
            placement.effective_weekly_hours = placement.weekly_hours * factor

    @api.depends("employee_id")
    def _compute_company_id(self):
        for placement in self:
            placement.company_id = placement.employee_id.company_id or self.env.company

    @api.depends("employee_id")
    def _compute_work_address_id(self):
        for placement in self:
            placement.work_address_id = placement.employee_id.address_id

    @api.depends("date_start", "date_end")
    def _compute_duration_days(self):
        today = fields.Date.context_today(self)
        for placement in self:
            if not placement.date_start:
                placement.duration_days = 0
                continue
            end = placement.date_end or today
            placement.duration_days = max((end - placement.date_start).days + 1, 0)

    @api.depends(
        "date_start",
        "scheme_id.max_duration",
        "scheme_id.max_duration_unit",
        "scheme_id.ceiling_duration",
        "scheme_id.ceiling_unit",
        "target_group",
        "extension_ids.duration",
        "extension_ids.duration_unit",
        "suspension_ids.date_from",
        "suspension_ids.date_to",
    )
    def _compute_max_end_date(self):
        """The legal limit: the scheme's length for the target group and employer,
        moved by each extension; a suspension pauses the clock by its days."""
        for placement in self:
            limit = placement._get_max_end_date()
            if limit and placement.date_start:
                paused = placement._get_suspended_days(placement.date_start, limit)
                limit += timedelta(days=paused)
            placement.max_end_date = limit

    @api.onchange("municipality_id")
    def _onchange_municipality_id(self):
        if (
            self.case_worker_id
            and self.case_worker_id.parent_id != self.municipality_id
        ):
            self.case_worker_id = False

    # --------------------------------------------------------------- constraints
    @api.constrains("weekly_hours", "days_per_week")
    def _check_hours_per_day(self):
        for placement in self:
            if placement.weekly_hours and not placement.days_per_week:
                raise ValidationError(
                    self.env._(
                        "%(name)s: agreed weekly hours need at least one day per week.",
                        name=placement.display_name,
                    )
                )
            if placement.days_per_week and (
                placement.weekly_hours > 24 * placement.days_per_week
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(hours)s hours a week cannot fit in %(days)s days.",
                        name=placement.display_name,
                        hours=placement.weekly_hours,
                        days=placement.days_per_week,
                    )
                )

    @api.constrains("order_ref", "person_ref")
    def _check_references_not_cpr(self):
        """References go on invoices: a CPR number must never be typed there."""
        for placement in self:
            for field in ("order_ref", "person_ref"):
                if identifiers.looks_like_cpr(placement[field]):
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(name)s looks like a CPR number. Use the "
                            "municipality's case or person reference: CPR numbers "
                            "never go on invoices.",
                            field=self._fields[field]._description_string(self.env),
                            name=placement.display_name,
                        )
                    )

    @api.constrains("date_start", "scheme_id")
    def _check_scheme_open(self):
        for placement in self:
            if not placement.scheme_id._is_open_on(placement.date_start):
                raise ValidationError(
                    self.env._(
                        "The scheme %(scheme)s is not open for placements starting on "
                        "%(date)s (valid %(valid_from)s to %(to)s, new placements "
                        "until %(until)s).",
                        scheme=placement.scheme_id.name,
                        date=placement.date_start,
                        to=placement.scheme_id.date_to or "-",
                        until=placement.scheme_id.open_until or "-",
                        valid_from=placement.scheme_id.date_from,
                    )
                )

    @api.constrains("date_start", "date_end", "scheme_id")
    def _check_max_duration(self):
        for placement in self:
            limit = placement.max_end_date
            if limit and placement.date_end and placement.date_end > limit:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the scheme %(scheme)s allows at most %(n)s "
                        "%(unit)s; "
                        "a placement starting %(start)s must end by %(limit)s.",
                        name=placement.display_name,
                        scheme=placement.scheme_id.name,
                        n=placement.scheme_id.max_duration,
                        unit=dict(
                            placement.scheme_id._fields[
                                "max_duration_unit"
                            ]._description_selection(self.env)
                        )[placement.scheme_id.max_duration_unit].lower(),
                        start=placement.date_start,
                        limit=limit,
                    )
                )

    @api.model
    def _get_running_domain(self, date_from, date_to, states=RUNNING_STATES):
        """Placements that run on at least one day of [date_from, date_to].

        The one definition used by billing, claims, hours and reports: in one of
        ``states`` (started and not cancelled by default), started on or before
        ``date_to`` (no bound when it is False) and not ended before ``date_from``.
        """
        domain = Domain(
            [
                ("state", "in", tuple(states)),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
            ]
        )
        if date_to:
            domain &= Domain("date_start", "<=", date_to)
        return domain

    @api.model
    def _get_running_sql(self, alias, date_from, date_to):
        """The SQL twin of :meth:`_get_running_domain` for the analysis views:
        ``alias`` is the social_placement table alias as written in the query,
        ``date_from`` and ``date_to`` SQL expressions (``SQL("A.date")``,
        ``SQL("CURRENT_DATE")``) or dates."""
        placement = SQL(alias)  # a table alias of the caller's query, unquoted
        return SQL(
            "(%(p)s.state IN %(states)s AND %(p)s.date_start <= %(date_to)s"
            " AND (%(p)s.date_end IS NULL OR %(p)s.date_end >= %(date_from)s))",
            p=placement,
            states=RUNNING_STATES,
            date_to=date_to,
            date_from=date_from,
        )

    def _get_overlap_domain(self):
        """Placements of the same person that may not overlap with this one."""
        self.ensure_one()
        return Domain(
            [
                ("id", "!=", self.id),
                ("employee_id", "=", self.employee_id.id),
                ("scheme_id.exclusive", "=", True),
            ]
        ) & self._get_running_domain(
            self.date_start, self.date_end, states=("draft", "active")
        )

    @api.constrains("employee_id", "scheme_id", "date_start", "date_end", "state")
    def _check_overlap(self):
        for placement in self:
            if (
                placement.state not in ("draft", "active")
                or not placement.scheme_id.exclusive
            ):
                continue
            other = self.sudo().search(placement._get_overlap_domain(), limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "%(person)s already has the placement %(other)s (%(scheme)s) "
                        "from %(start)s in this period; %(this)s cannot overlap it. "
                        "End the other placement first or choose another period.",
                        person=placement.employee_id.name,
                        other=other.name,
                        scheme=other.scheme_id.name,
                        start=other.date_start,
                        this=placement.scheme_id.name,
                    )
                )

    # ---------------------------------------------------------- shared helpers
    @api.model
    def _count_by(self, field_name, records):
        """{record: number of placements} for a many2one ``field_name``, one query."""
        return dict(
            self._read_group(
                [(field_name, "in", records.ids)], [field_name], ["__count"]
            )
        )

    @api.model
    def _action_open_for(self, field_name, record):
        """Placements action filtered on ``record``; new placements default to it."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_placement_action"
        )
        action["domain"] = [(field_name, "=", record.id)]
        action["context"] = {f"default_{field_name}": record.id}
        return action

    # -------------------------------------------------------------------- crud
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("social.placement") or "/"
                )
        placements = super().create(vals_list)
        placements._record_history(dict.fromkeys(placements.ids, {"state": "draft"}))
        return placements

    def write(self, vals):
        before = self._get_history_snapshot() if HISTORY_FIELDS & set(vals) else None
        result = super().write(vals)
        if before:
            self._record_history(before)
        return result

    def _get_history_snapshot(self):
        return {
            placement.id: {
                "state": placement.state,
                "weekly_hours": placement.weekly_hours,
                "work_capacity": placement.work_capacity,
                "effective_weekly_hours": placement.effective_weekly_hours,
                "case_worker_id": placement.case_worker_id.id,
            }
            for placement in self
        }

    def _record_history(self, before):
        """Dated history lines for what changed since ``before`` (a snapshot per
        placement id): the start, changes of hours, capacity or case worker while
        active, the end. The date of a change is today, or ``history_date`` in the
        context (corrections and imports of past changes)."""
        today = self.env.context.get("history_date") or fields.Date.context_today(self)
        vals_list = []
        for placement in self:
            old = before.get(placement.id)
            if old is None:
                continue
            current = {
                "placement_id": placement.id,
                "weekly_hours": placement.weekly_hours,
                "work_capacity": placement.work_capacity,
                "effective_weekly_hours": placement.effective_weekly_hours,
                "case_worker_id": placement.case_worker_id.id,
            }
            if placement.state == "active" and old["state"] != "active":
                vals_list.append(
                    {**current, "kind": "start", "date": placement.date_start}
                )
            elif placement.state == "active":
                vals_list += placement._prepare_change_history_vals(old, current, today)
            elif placement.state == "ended" and old["state"] == "active":
                vals_list.append(
                    {
                        **current,
                        "kind": "end",
                        "date": placement.date_end or today,
                        "destination": placement.destination,
                    }
                )
        if vals_list:
            self.env["social.placement.history"].sudo().create(vals_list)

    def _prepare_change_history_vals(self, old, current, date):
        self.ensure_one()
        vals_list = []
        if (
            old["weekly_hours"] != current["weekly_hours"]
            or old["work_capacity"] != current["work_capacity"]
        ):
            vals_list.append(
                {
                    **current,
                    "kind": "capacity",
                    "date": date,
                    "previous_weekly_hours": old["weekly_hours"],
                    "previous_work_capacity": old["work_capacity"],
                    "previous_effective_weekly_hours": old["effective_weekly_hours"],
                }
            )
        if old["case_worker_id"] != current["case_worker_id"]:
            vals_list.append(
                {
                    **current,
                    "kind": "case_worker",
                    "date": date,
                    "previous_case_worker_id": old["case_worker_id"],
                }
            )
        return vals_list

    @api.depends("name", "employee_id", "scheme_id")
    def _compute_display_name(self):
        for placement in self:
            placement.display_name = (
                " - ".join(
                    p
                    for p in (placement.name, placement.employee_id.name)
                    if p and p != "/"
                )
                or placement.name
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(p.state not in ("draft", "cancelled") for p in self):
            raise UserError(
                self.env._(
                    "Only draft or cancelled placements can be deleted; end it instead."
                )
            )

    # ------------------------------------------------------------------ actions
    def action_activate(self):
        for placement in self:
            if placement.state != "draft":
                raise UserError(
                    self.env._("%(name)s is not a draft.", name=placement.display_name)
                )
            if (
                placement.scheme_id.payment_flow == "service_fee"
                and not placement.municipality_id
            ):
                raise UserError(
                    self.env._(
                        "%(name)s: set the paying municipality before activating a "
                        "placement the municipality pays for.",
                        name=placement.display_name,
                    )
                )
        self.write({"state": "active"})
        return True

    def action_end(self):
        """Open the wizard that ends the placement with a reason and a destination."""
        self.ensure_one()
        if self.state != "active":
            raise UserError(self.env._("Only an active placement can be ended."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("End Placement"),
            "res_model": "social.placement.end.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_placement_id": self.id},
        }

    def _end(self, date_end, end_reason, destination=False):
        """End active placements on ``date_end``: the one place ending happens."""
        for placement in self:
            if placement.state != "active":
                raise UserError(
                    self.env._("%(name)s is not active.", name=placement.display_name)
                )
            if date_end < placement.date_start:
                raise UserError(
                    self.env._(
                        "%(name)s cannot end on %(end)s, before its start %(start)s.",
                        name=placement.display_name,
                        end=date_end,
                        start=placement.date_start,
                    )
                )
        self.write(
            {
                "state": "ended",
                "date_end": date_end,
                "end_reason": end_reason,
                "destination": destination,
            }
        )
        self._on_ended()
        return True

    def _on_ended(self):
        """Hook called after placements ended: the 3, 6 and 12-month transition
        follow-ups of those ended in job or education; other addons extend it."""
        self.env["social.transition.followup"]._create_for_placements(self)
        return True

    def action_cancel(self):
        if any(p.state == "ended" for p in self):
            raise UserError(self.env._("An ended placement cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_reset_draft(self):
        if any(p.state != "cancelled" for p in self):
            raise UserError(
                self.env._("Only cancelled placements can be set back to draft.")
            )
        self.write({"state": "draft"})
        return True

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
        """{(employee_id, day): worked hours} on the attendances' own days
        (``hr.attendance.date``, the employee's local day), in one query."""
        result = defaultdict(float)
        if not employees or date_to < date_from:
            return result
        # narrow read: sums of hours only
        by_day = (
            self.env["hr.attendance"]
            .sudo()
            ._get_hours_by_day(employees, date_from, date_to)
        )
        for employee_id, days in by_day.items():
            for day, hours in days.items():
                result[employee_id, day] += hours or 0.0
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
        by_employee = (
            self.env["hr.attendance"]
            .sudo()  # narrow read: sums of hours only
            ._get_hours_by_day(placements.employee_id, date_from, date_to)
            if placements and date_from <= date_to
            else {}
        )
        result = {}
        for placement in placements:
            # Planned figures by arithmetic per month (or window), attendance over
            # the person's attended days only: the cost follows the attendance
            # rows, not placements × calendar days.
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
                weekly, per_week = placement.weekly_hours, placement.days_per_week
                segments = (
                    [
                        (max(first, window[0]), min(last, window[1]))
                        for first, last in periods.month_ranges(*window)
                    ]
                    if by_month
                    else [window]
                )
                for first, last in segments:
                    p_days, p_hours = _planned_sum(weekly, per_week, first, last)
                    values = dict.fromkeys(MEASURES, 0.0)
                    values["planned_days"] = p_days
                    values["planned_hours"] = p_hours
                    values["absence_hours"] = p_hours
                    buckets[first.replace(day=1) if by_month else None] = values
                for day, hours in by_employee.get(placement.employee_id.id, {}).items():
                    if not (window[0] <= day <= window[1]) or not hours:
                        continue
                    values = buckets[day.replace(day=1) if by_month else None]
                    planned = periods.planned_on(day, weekly, per_week)[1]
                    values["attended_days"] += 1
                    values["attended_hours"] += hours
                    values["effective_hours"] += hours * factor
                    # absence = sum over days of max(planned - hours, 0)
                    values["absence_hours"] -= min(planned, hours)
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
            Domain(
                [
                    ("employee_id", "in", employees.ids),
                    ("scheme_id.scheme_type", "in", ("small_job", "ordinary")),
                ]
            )
            & self._get_running_domain(date_from, date_to)
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

    user_id = fields.Many2one(
        "res.users",
        "Coordinator",
        default=lambda self: self.env.user,
        tracking=True,
        help="Receives the follow-up activities of this placement.",
    )
    next_review_date = fields.Date(
        compute="_compute_next_review_date",
        help="The next follow-up the scheme asks for.",
    )
    review_scheduled_until = fields.Date(
        copy=False,
        readonly=True,
        help="Technical: last follow-up date already scheduled.",
    )
    max_duration_notified = fields.Boolean(copy=False, readonly=True)
    transition_followup_ids = fields.One2many(
        "social.transition.followup", "placement_id", "Transition Follow-ups"
    )

    @api.depends(
        "date_start",
        "scheme_id.first_review_months",
        "scheme_id.review_interval_months",
        "review_scheduled_until",
    )
    def _compute_next_review_date(self):
        today = fields.Date.context_today(self)
        for placement in self:
            placement.next_review_date = (
                placement._next_review_after(placement.review_scheduled_until or today)
                if placement.date_start and placement.scheme_id
                else False
            )

    def _next_review_after(self, day):
        """The first follow-up date of the scheme's rhythm after ``day``, or False."""
        self.ensure_one()
        scheme = self.scheme_id
        horizon = day + relativedelta(months=max(scheme.first_review_months, 1))
        horizon += relativedelta(months=scheme.review_interval_months)
        dates = periods.review_dates(
            self.date_start,
            scheme.first_review_months,
            scheme.review_interval_months,
            horizon,
        )
        return next((d for d in dates if d > day), False)

    def _get_followup_user(self):
        self.ensure_one()
        return self.user_id or self.employee_id.coach_id.user_id or self.create_uid

    def _prepare_activity_vals(self, activity_type, deadline, summary):
        self.ensure_one()
        return {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "date_deadline": deadline,
            "summary": summary,
            "user_id": self._get_followup_user().id,
        }

    @api.model
    def _cron_schedule_followups(self):
        """Daily: activities for the follow-ups the scheme rules ask for. Idempotent.

        A follow-up due within the scheme's notice period gets one activity; the date is
        then remembered so a second run creates nothing. The maximum duration gets one
        activity too. Summaries name the rule, never the person's situation. Each
        company runs in its own savepoint (see ``res.company._cron_for_each``).
        """
        # Active placements have follow-ups, ended ones transition follow-ups.
        groups = self._read_group(
            [("state", "in", ("active", "ended"))], ["company_id"]
        )
        companies = self.env["res.company"].union(*(c for (c,) in groups))
        companies._cron_for_each(
            lambda company: self.with_company(company)._schedule_followups(company),
            "Placement follow-ups",
        )
        self._schedule_status_reviews()
        return True

    @api.model
    def _schedule_followups(self, company):
        """The follow-up activities of ``company``'s placements."""
        today = fields.Date.context_today(self)
        review_type = self.env.ref(
            "social_enterprise.mail_activity_type_placement_review"
        )
        max_type = self.env.ref(
            "social_enterprise.mail_activity_type_placement_max_duration"
        )
        placements = self.search(
            Domain(self._get_followup_domain()) & Domain("company_id", "=", company.id)
        )
        vals_list = []
        for placement in placements:
            lead = relativedelta(days=placement.scheme_id.followup_lead_days)
            due = placement._next_review_after(
                placement.review_scheduled_until or placement.date_start
            )
            latest = False
            while due and due <= today + lead:
                latest = due
                due = placement._next_review_after(due)
            if latest and (not placement.date_end or latest <= placement.date_end):
                vals_list.append(
                    placement._prepare_activity_vals(
                        review_type,
                        latest,
                        self.env._(
                            "%(scheme)s: follow-up", scheme=placement.scheme_id.name
                        ),
                    )
                )
            if latest:
                placement.review_scheduled_until = latest
            limit = placement.max_end_date
            if limit and not placement.max_duration_notified and limit <= today + lead:
                vals_list.append(
                    placement._prepare_activity_vals(
                        max_type,
                        limit,
                        self.env._(
                            "%(scheme)s: maximum duration reached on %(date)s",
                            scheme=placement.scheme_id.name,
                            date=limit,
                        ),
                    )
                )
                placement.max_duration_notified = True
        self.env["mail.activity"].create(vals_list)
        self.env["social.transition.followup"]._schedule_activities(company)

    def _get_followup_domain(self):
        return [("state", "=", "active")]

    counts_in_ratio_rule = fields.Boolean(
        compute="_compute_counts_in_ratio_rule",
        help="Counts in the ratio rule of its production unit: the scheme's setting, "
        "except people on førtidspension in løntilskud, who are outside the rule.",
    )
    disability_pension = fields.Boolean(
        "On Førtidspension",
        tracking=True,
        help="The person receives førtidspension. In løntilskud such a person is "
        "outside the ratio rule.",
    )
    ratio_warning = fields.Char(compute="_compute_ratio_warning")

    @api.depends("scheme_id.counts_in_ratio_rule", "scheme_type", "disability_pension")
    def _compute_counts_in_ratio_rule(self):
        for placement in self:
            placement.counts_in_ratio_rule = (
                placement.scheme_id.counts_in_ratio_rule
                and not (
                    placement.disability_pension
                    and placement.scheme_type
                    in ("wage_subsidy_private", "wage_subsidy_public")
                )
            )

    @api.depends("work_address_id", "scheme_id", "state", "disability_pension")
    def _compute_ratio_warning(self):
        """Warn when the production unit is over the ratio rule (rimelighedskrav).

        One search on the ratio report for all the placements' units.
        """
        self.ratio_warning = False
        candidates = self.filtered(
            lambda p: p.counts_in_ratio_rule
            and p.work_address_id
            and p.state in ("draft", "active")
        )
        if not candidates:
            return
        rows = (
            self.env["social.ratio.report"]
            .sudo()  # aggregated counts only, no personal data
            .search([("work_address_id", "in", candidates.work_address_id.ids)])
        )
        by_unit = {(r.work_address_id.id, r.company_id.id): r for r in rows}
        for placement in candidates:
            row = by_unit.get((placement.work_address_id.id, placement.company_id.id))
            ordinary = row.ordinary_count if row else 0
            used = row.used_count if row else 0
            if placement.state == "draft":
                used += 1  # the placement itself, once activated
            allowed = placement.company_id._ratio_allowed(ordinary)
            if used > allowed:
                placement.ratio_warning = self.env._(
                    "Ratio rule: %(unit)s would have %(used)s people in wage subsidy "
                    "or work placement for %(ordinary)s ordinary employees; the rule "
                    "allows %(allowed)s.",
                    unit=placement.work_address_id.display_name,
                    used=used,
                    ordinary=ordinary,
                    allowed=allowed,
                )

    # ------------------------------------------------------- authorisations
    authorisation_ids = fields.One2many(
        "social.authorisation", "placement_id", "Authorisations", groups=USER
    )
    authorisation_extension_ids = fields.One2many(
        "social.authorisation.extension",
        "placement_id",
        "Extension Requests",
        groups=USER,
    )
    suspension_ids = fields.One2many(
        "social.suspension", "placement_id", "Suspensions", groups=USER
    )
    authorised_until = fields.Date(
        compute="_compute_authorised_until",
        groups=USER,
        help="The end of the last authorised period; empty when open-ended or when "
        "the placement has no authorisation.",
    )

    @api.depends("authorisation_ids.date_from", "authorisation_ids.date_to")
    def _compute_authorised_until(self):
        for placement in self:
            auths = placement.sudo().authorisation_ids
            ends = auths.mapped("date_to")
            placement.authorised_until = max(ends) if auths and all(ends) else False

    def _get_billable_spans(self, first, last, periods=None):
        """The sub-ranges of [first, last] billing may charge: inside an authorised
        period (when the placement has any authorisation) and in no suspension.

        The one place the authorisation rule is applied; billing and status reports
        call it. ``periods`` is (authorised, suspended) as read by
        ``_get_authorisation_periods`` for many placements at once.
        """
        self.ensure_one()
        if periods is None:
            periods = self._get_authorisation_periods()
        authorised = periods[0].get(self.id) or [(first, last)]
        suspended = periods[1].get(self.id, [])
        return auth_tools.allowed_spans(first, last, authorised, suspended)

    def _get_authorisation_periods(self):
        """({placement id: [(from, to)]} authorised, {placement id: [(from, to)]}
        suspended) for these placements, in two queries. sudo: billing reads the
        periods, never the decisions' content."""
        result = ({}, {})
        for index, model in enumerate(("social.authorisation", "social.suspension")):
            groups = (
                self.env[model]
                .sudo()
                ._read_group(
                    [("placement_id", "in", self.ids)],
                    ["placement_id", "date_from:day", "date_to:day"],
                )
            )
            for placement, date_from, date_to in groups:
                result[index].setdefault(placement.id, []).append(
                    (date_from, date_to or None)
                )
        return result

    def _get_suspended_days(self, first, last):
        """Days of [first, last] the placement was suspended."""
        self.ensure_one()
        spans = [
            (max(s.date_from, first), min(s.date_to, last))
            for s in self.sudo().suspension_ids
            if s.date_from <= last and s.date_to >= first
        ]
        return auth_tools.span_days(auth_tools.merge(spans, last))

    # ------------------------------------------------------------ warnings
    def _get_authorisation_warning_domain(self, today):
        """Authorisations of active placements whose end falls within the scheme's
        notice period and was not warned about yet."""
        return Domain(
            [
                ("placement_id.state", "=", "active"),
                ("date_to", "!=", False),
                ("date_to", ">=", today),
            ]
        )

    @api.model
    def _cron_warn_authorisation_expiry(self):
        """Daily: one activity per authorisation about to run out. Idempotent: the
        end warned about is remembered, and an approved extension clears it."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref(
            "social_enterprise.mail_activity_type_authorisation_expiry"
        )
        auths = self.env["social.authorisation"].search(
            self._get_authorisation_warning_domain(today)
        )
        vals_list = []
        for auth in auths:
            placement = auth.placement_id
            lead = timedelta(days=placement.scheme_id.followup_lead_days)
            if auth.date_to > today + lead or auth.expiry_warned_until == auth.date_to:
                continue
            later = placement.authorisation_ids.filtered(
                lambda a, auth=auth: a.date_from > auth.date_to
            )
            if later:
                continue
            vals_list.append(
                placement._prepare_activity_vals(
                    activity_type,
                    auth.date_to,
                    self.env._(
                        "Authorisation ends on %(date)s: ask the case worker for an "
                        "extension or plan the end",
                        date=auth.date_to,
                    ),
                )
            )
            auth.expiry_warned_until = auth.date_to
        self.env["mail.activity"].create(vals_list)
        return True

    # ------------------------------------------------------- status reports
    status_report_ids = fields.One2many(
        "social.status.report", "placement_id", "Status Reports", groups=USER
    )
    status_report_count = fields.Integer(
        compute="_compute_status_report_count", groups=USER
    )
    referral_ids = fields.One2many(
        "social.referral", "placement_id", "Referrals", groups=USER
    )

    def _compute_status_report_count(self):
        counts = self.env["social.status.report"]._read_group(
            [("placement_id", "in", self.ids)], ["placement_id"], ["__count"]
        )
        counts = {placement.id: count for placement, count in counts}
        for placement in self:
            placement.status_report_count = counts.get(placement.id, 0)

    def action_view_status_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_status_report_action"
        )
        action["domain"] = [("placement_id", "=", self.id)]
        action["context"] = {"default_placement_id": self.id}
        return action

    # ------------------------------------------- durations and extensions
    target_group = fields.Selection(
        TARGET_GROUPS,
        tracking=True,
        help="Selects the length of praktik and of public løntilskud.",
    )
    extension_ids = fields.One2many(
        "social.placement.extension", "placement_id", "Extensions"
    )
    status_review_notified = fields.Boolean(copy=False, readonly=True)

    def _get_base_duration(self):
        """(duration, unit) of the placement before extensions, or (0, unit)."""
        self.ensure_one()
        scheme = self.scheme_id
        kind = self.company_id._get_employer_kind(self.date_start)
        lines = scheme.duration_ids.filtered(
            lambda d: (not d.target_group or d.target_group == self.target_group)
            and (not d.employer_kind or d.employer_kind == kind)
        ).sorted(lambda d: (not d.target_group, not d.employer_kind))
        if lines:
            return lines[0].duration, lines[0].duration_unit
        return scheme.max_duration, scheme.max_duration_unit

    def _get_max_end_date(self):
        self.ensure_one()
        if not self.scheme_id or not self.date_start:
            return False
        duration, unit = self._get_base_duration()
        if not duration:
            return False
        end = periods.duration_end(self.date_start, duration, unit)
        for extension in self.extension_ids.sorted("date"):
            end = periods.duration_end(
                end + timedelta(days=1),
                extension.duration,
                extension.duration_unit,
            )
        scheme = self.scheme_id
        if scheme.ceiling_duration:
            ceiling = periods.duration_end(
                self.date_start, scheme.ceiling_duration, scheme.ceiling_unit
            )
            end = min(end, ceiling)
        return end

    @api.model
    def _schedule_status_reviews(self):
        """The one-off status review of schemes that have one (flexjob at 54
        months), once per placement, within the scheme's notice period."""
        today = fields.Date.context_today(self)
        review_type = self.env.ref(
            "social_enterprise.mail_activity_type_placement_review"
        )
        placements = self.search(
            self._get_followup_domain()
            + [
                ("scheme_id.status_review_months", ">", 0),
                ("status_review_notified", "=", False),
            ]
        )
        vals_list = []
        for placement in placements:
            scheme = placement.scheme_id
            due = placement.date_start + relativedelta(
                months=scheme.status_review_months
            )
            if due > today + relativedelta(days=scheme.followup_lead_days):
                continue
            vals_list.append(
                placement._prepare_activity_vals(
                    review_type,
                    due,
                    self.env._("%(scheme)s: status review", scheme=scheme.name),
                )
            )
            placement.status_review_notified = True
        self.env["mail.activity"].create(vals_list)
        return True

    # ---------------------------------------------------------------- money
    refund_share = fields.Selection(
        REFUND_SHARES,
        tracking=True,
        help="Old flexjob (before 2013): the municipality refunds ½ or ⅔ of the "
        "lowest collective wage, as decided for this person. Empty: the scheme's "
        "dated share.",
    )
    collective_minimum_wage = fields.Float(
        "Lowest Collective Hourly Wage",
        digits=(16, 2),
        tracking=True,
        help="Old flexjob: the lowest hourly wage of the collective agreement for this "
        "job. The refund is counted on it, at most on the dated maximum hourly wage "
        "base. Empty: the scheme's dated rate.",
    )

    _minimum_wage_positive = models.Constraint(
        "CHECK(collective_minimum_wage IS NULL OR collective_minimum_wage >= 0)",
        "The lowest collective hourly wage cannot be negative.",
    )

    def _get_subsidy_scheme(self, employer_kind):
        """The scheme whose rates a claim uses: løntilskud follows the employer's
        dated status (public at 50 % public money or more), whatever the scheme the
        placement was registered on; other schemes are their own."""
        self.ensure_one()
        scheme = self.scheme_id
        if scheme.scheme_type not in WAGE_SUBSIDY_TYPES:
            return scheme
        wanted = f"wage_subsidy_{employer_kind}"
        if scheme.scheme_type == wanted:
            return scheme
        return (
            self.env["social.scheme"].search([("scheme_type", "=", wanted)], limit=1)
            or scheme
        )

    def _get_refund_share(self, day):
        """'half' or 'two_thirds' for an old flexjob, or False."""
        self.ensure_one()
        if self.refund_share:
            return self.refund_share
        share = self.scheme_id._get_rate("refund_share", day)
        if not share:
            return False
        return "two_thirds" if share.amount > 60 else "half"
