from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools import identifiers

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

RATE_LEVELS = [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3")]
# Fields whose change writes a dated history line (social.placement.history).
HISTORY_FIELDS = {"state", "weekly_hours", "work_capacity", "case_worker_id"}


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
    history_ids = fields.One2many("social.placement.history", "placement_id", "History")
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

    @api.depends("date_start", "scheme_id.max_duration", "scheme_id.max_duration_unit")
    def _compute_max_end_date(self):
        for placement in self:
            placement.max_end_date = (
                placement.scheme_id._max_end_date(placement.date_start)
                if placement.scheme_id and placement.date_start
                else False
            )

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

    def _get_overlap_domain(self):
        """Placements of the same person that may not overlap with this one."""
        self.ensure_one()
        domain = Domain(
            [
                ("id", "!=", self.id),
                ("employee_id", "=", self.employee_id.id),
                ("state", "in", ("draft", "active")),
                ("scheme_id.exclusive", "=", True),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", self.date_start),
            ]
        )
        if self.date_end:
            domain &= Domain("date_start", "<=", self.date_end)
        return domain

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
        """Hook called after placements ended (transition follow-ups extend it)."""
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
