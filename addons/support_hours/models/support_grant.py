from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools import hours as hours_tools

GRANT_TYPES = [("weekly", "Hours per week"), ("total", "Total hours")]
GRANT_STATES = [("draft", "Draft"), ("active", "Running"), ("closed", "Closed")]


class SupportGrant(models.Model):
    """Hours of support a municipality granted (bevilget) for one person and period.

    Used hours are the sessions logged on the grant, summed with one ``_read_group``
    for all grants at once. ``_get_billable_hours`` is the hook billing calls.
    """

    _name = "support.grant"
    _description = "Support Hour Grant"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        "Person",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Team", store=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    category_id = fields.Many2one(
        "support.need.category",
        "Kind of Support",
        required=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env.ref(
            "support_hours.support_need_category_mentor", raise_if_not_found=False
        ),
    )
    municipality_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_municipality", "=", True)],
    )
    case_worker_id = fields.Many2one(
        "res.partner", domain="[('parent_id', '=', municipality_id)]"
    )
    placement_id = fields.Many2one(
        "social.placement",
        domain="[('employee_id', '=', employee_id)]",
        index="btree_not_null",
        help="The placement (e.g. mentor support) the grant belongs to, if any.",
    )
    order_ref = fields.Char(
        "Order / Visitation No.",
        tracking=True,
        help="The municipality's order or visitation number for these hours.",
    )
    date_from = fields.Date("From", required=True, tracking=True)
    date_to = fields.Date("To", required=True, tracking=True)
    grant_type = fields.Selection(
        GRANT_TYPES, "Granted As", required=True, default="weekly", tracking=True
    )
    hours_per_week = fields.Float(digits=(16, 2), tracking=True)
    hours_total = fields.Float("Total Hours", digits=(16, 2), tracking=True)
    granted_hours = fields.Float(
        compute="_compute_granted_hours",
        store=True,
        digits=(16, 2),
        help="Hours granted over the whole period.",
    )
    price_per_hour = fields.Monetary(
        "Price per Hour", currency_field="currency_id", tracking=True
    )
    used_hours = fields.Float(
        compute="_compute_used_hours",
        digits=(16, 2),
        help="Hours of the sessions logged on this grant.",
    )
    remaining_hours = fields.Float(compute="_compute_used_hours", digits=(16, 2))
    used_percent = fields.Float("Used (%)", compute="_compute_used_hours")
    amount_granted = fields.Monetary(
        compute="_compute_amounts", currency_field="currency_id"
    )
    amount_used = fields.Monetary(
        "Amount Delivered", compute="_compute_amounts", currency_field="currency_id"
    )
    responsible_id = fields.Many2one(
        "res.users",
        "Responsible Coordinator",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        help="Gets the warnings before the hours run out and before the grant ends.",
    )
    warn_percent = fields.Float(
        "Warn at Used (%)",
        default=lambda self: self._default_warn_param("warn_percent", 80.0),
    )
    warn_days = fields.Integer(
        "Warn Days Before End",
        default=lambda self: self._default_warn_param("warn_days", 30),
    )
    overrun_warned_on = fields.Date(copy=False, readonly=True)
    expiry_warned_on = fields.Date(copy=False, readonly=True)
    warning_message = fields.Char(compute="_compute_used_hours")
    needs_attention = fields.Boolean(
        compute="_compute_used_hours", search="_search_needs_attention"
    )
    state = fields.Selection(
        GRANT_STATES,
        "Status",
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    session_ids = fields.One2many("support.session", "grant_id", "Sessions")

    _hours_positive = models.Constraint(
        "CHECK(hours_per_week >= 0 AND hours_total >= 0 AND price_per_hour >= 0)",
        "Granted hours and the price per hour cannot be negative.",
    )
    _warn_sane = models.Constraint(
        "CHECK(warn_percent >= 0 AND warn_days >= 0)",
        "Warning thresholds cannot be negative.",
    )
    _person_period_idx = models.Index("(employee_id, date_from, date_to)")

    @api.model
    def _default_warn_param(self, key, default):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(f"support_hours.grant_{key}", default)
        )
        return type(default)(value)

    # ------------------------------------------------------------------ computes
    @api.depends("grant_type", "hours_per_week", "hours_total", "date_from", "date_to")
    def _compute_granted_hours(self):
        for grant in self:
            grant.granted_hours = hours_tools.granted_hours(
                grant.grant_type,
                grant.hours_per_week,
                grant.hours_total,
                grant.date_from,
                grant.date_to,
            )

    def _get_used_hours_by_grant(self):
        """{grant id: hours logged}, one query for all grants of self."""
        ids = [grant._origin.id for grant in self if grant._origin.id]
        if not ids:
            return {}
        # sudo: the hours of every session on the grant count, also those a mentor
        # may not read; only the sums leave this method.
        groups = (
            self.env["support.session"]
            .sudo()
            ._read_group([("grant_id", "in", ids)], ["grant_id"], ["duration:sum"])
        )
        return {grant.id: hours for grant, hours in groups}

    @api.depends(
        "granted_hours",
        "date_to",
        "warn_percent",
        "warn_days",
        "state",
        "session_ids.duration",
    )
    def _compute_used_hours(self):
        used = self._get_used_hours_by_grant()
        today = fields.Date.context_today(self)
        for grant in self:
            grant.used_hours = used.get(grant._origin.id, 0.0)
            grant.remaining_hours = grant.granted_hours - grant.used_hours
            grant.used_percent = 100.0 * hours_tools.usage_ratio(
                grant.used_hours, grant.granted_hours
            )
            messages = grant._get_warnings(today)
            grant.warning_message = " ".join(messages)
            grant.needs_attention = bool(messages)

    def _is_near_overrun(self):
        self.ensure_one()
        return bool(self.granted_hours) and self.used_percent >= self.warn_percent

    def _is_near_expiry(self, today):
        self.ensure_one()
        return bool(self.date_to) and (
            today <= self.date_to <= today + timedelta(days=self.warn_days)
        )

    def _get_warnings(self, today):
        """Plain-words warnings shown on the form (no personal data beyond hours)."""
        self.ensure_one()
        if self.state != "active":
            return []
        messages = []
        if self.used_hours > self.granted_hours and self.granted_hours:
            messages.append(
                self.env._(
                    "%(used)s of %(granted)s hours used: the grant is overrun.",
                    used=round(self.used_hours, 2),
                    granted=round(self.granted_hours, 2),
                )
            )
        elif self._is_near_overrun():
            messages.append(
                self.env._(
                    "%(used)s of %(granted)s hours used (%(percent)s %%): ask the "
                    "municipality for more hours in time.",
                    used=round(self.used_hours, 2),
                    granted=round(self.granted_hours, 2),
                    percent=round(self.used_percent),
                )
            )
        if self._is_near_expiry(today):
            messages.append(
                self.env._(
                    "The grant ends on %(date)s.",
                    date=self.date_to,
                )
            )
        elif self.date_to and self.date_to < today:
            messages.append(
                self.env._("The grant ended on %(date)s.", date=self.date_to)
            )
        return messages

    def _search_needs_attention(self, operator, value):
        if operator != "in":
            return NotImplemented
        grants = self.search([("state", "=", "active")])
        ids = grants.filtered("needs_attention").ids
        return Domain("id", "in" if True in value else "not in", ids)

    @api.depends("granted_hours", "price_per_hour", "used_hours")
    def _compute_amounts(self):
        for grant in self:
            grant.amount_granted = grant.granted_hours * grant.price_per_hour
            grant.amount_used = grant.used_hours * grant.price_per_hour

    @api.depends("name", "employee_id")
    def _compute_display_name(self):
        for grant in self:
            grant.display_name = " - ".join(
                n for n in (grant.name, grant.employee_id.name) if n and n != "/"
            )

    @api.onchange("placement_id")
    def _onchange_placement_id(self):
        placement = self.placement_id
        if placement:
            self.municipality_id = placement.municipality_id
            self.case_worker_id = placement.case_worker_id
            self.order_ref = self.order_ref or placement.order_ref
            self.date_from = self.date_from or placement.date_start
            self.date_to = self.date_to or placement.date_end

    # --------------------------------------------------------------- constraints
    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for grant in self:
            if grant.date_to < grant.date_from:
                raise ValidationError(
                    self.env._(
                        "Grant %(grant)s ends on %(to)s, before it starts on "
                        "%(start)s.",
                        grant=grant.display_name,
                        to=grant.date_to,
                        start=grant.date_from,
                    )
                )

    @api.constrains("grant_type", "hours_per_week", "hours_total")
    def _check_hours(self):
        for grant in self:
            hours = (
                grant.hours_per_week
                if grant.grant_type == "weekly"
                else grant.hours_total
            )
            if hours <= 0:
                raise ValidationError(
                    self.env._(
                        "Grant %(grant)s: enter the granted hours (%(kind)s) as a "
                        "number above 0.",
                        grant=grant.display_name,
                        kind=dict(
                            self._fields["grant_type"]._description_selection(self.env)
                        )[grant.grant_type].lower(),
                    )
                )

    def _get_overlap_domain(self):
        """Grants that may not overlap this one: same person, same kind of support."""
        self.ensure_one()
        return Domain(
            [
                ("id", "!=", self.id),
                ("employee_id", "=", self.employee_id.id),
                ("category_id", "=", self.category_id.id),
                ("state", "!=", "draft"),
                ("date_from", "<=", self.date_to),
                ("date_to", ">=", self.date_from),
            ]
        )

    @api.constrains("employee_id", "category_id", "date_from", "date_to", "state")
    def _check_overlap(self):
        for grant in self.filtered(lambda g: g.state != "draft"):
            # sudo: another grant of the person may be outside the user's rules.
            other = self.sudo().search(grant._get_overlap_domain(), limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "%(person)s already has the grant %(other)s for %(kind)s from "
                        "%(start)s to %(end)s. Grants for the same kind of support "
                        "cannot overlap: end the other grant first or choose another "
                        "period.",
                        person=grant.employee_id.name,
                        other=other.name,
                        kind=grant.category_id.name,
                        start=other.date_from,
                        end=other.date_to,
                    )
                )

    # -------------------------------------------------------------------- crud
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("support.grant") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        # New hours or a new end date: warn again when the new limits come close.
        if {"hours_per_week", "hours_total", "grant_type", "date_from"} & set(vals):
            vals = dict(vals, overrun_warned_on=False)
        if "date_to" in vals:
            vals = dict(vals, expiry_warned_on=False)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_without_sessions(self):
        for grant in self:
            if grant.sudo().session_ids:
                raise UserError(
                    self.env._(
                        "Grant %(grant)s has sessions logged on it: close it instead "
                        "of deleting it.",
                        grant=grant.display_name,
                    )
                )

    # ------------------------------------------------------------------ actions
    def action_activate(self):
        if any(grant.state != "draft" for grant in self):
            raise UserError(self.env._("Only draft grants can be started."))
        self.write({"state": "active"})
        return True

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_reset_draft(self):
        self.write({"state": "draft"})
        return True

    def action_view_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_hours.support_session_action"
        )
        action["domain"] = [("grant_id", "=", self.id)]
        action["context"] = {
            "default_employee_id": self.employee_id.id,
            "default_grant_id": self.id,
        }
        return action

    # ------------------------------------------------------------ billing hook
    def _get_billable_sessions_domain(self, date_from, date_to):
        """Sessions whose hours are billable on these grants in the period."""
        return Domain(
            [
                ("grant_id", "in", self.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ]
        )

    def _get_billable_hours(self, date_from, date_to):
        """Hours delivered on each grant of ``self`` from ``date_from`` to ``date_to``.

        The hook social_enterprise's billing calls: returns ``{grant: hours}`` with
        every grant of ``self`` (0.0 when nothing was delivered), in one query
        whatever the number of grants. Billing multiplies by ``price_per_hour``.
        """
        # sudo: billing needs the delivered hours, never the sessions' content.
        groups = (
            self.env["support.session"]
            .sudo()
            ._read_group(
                self._get_billable_sessions_domain(date_from, date_to),
                ["grant_id"],
                ["duration:sum"],
            )
        )
        hours = {grant.id: total for grant, total in groups}
        return {grant: hours.get(grant.id, 0.0) for grant in self}

    # --------------------------------------------------------------------- cron
    @api.model
    def _cron_warn_grants(self):
        """Daily: one activity for the responsible coordinator per grant running out
        of hours and per grant about to end. Idempotent: a grant is warned once
        (until its hours or end date change)."""
        groups = self._read_group([("state", "=", "active")], ["company_id"])
        self.env["res.company"].union(*(c for (c,) in groups))._cron_for_each(
            lambda company: self.with_company(company)._warn_company_grants(company),
            "Support grant warnings",
        )
        return True

    @api.model
    def _warn_company_grants(self, company):
        today = fields.Date.context_today(self)
        grants = self.search(
            [("state", "=", "active"), ("company_id", "=", company.id)]
        )
        grants._warn_overrun(today)
        grants._warn_expiry(today)

    def _warn_overrun(self, today):
        grants = self.filtered(
            lambda g: not g.overrun_warned_on and g._is_near_overrun()
        )
        self._schedule_warnings(
            grants,
            "support_hours.mail_activity_type_grant_overrun",
            lambda g: self.env._(
                "%(used)s of %(granted)s hours used",
                used=round(g.used_hours, 2),
                granted=round(g.granted_hours, 2),
            ),
            today,
        )
        grants.write({"overrun_warned_on": today})

    def _warn_expiry(self, today):
        grants = self.filtered(
            lambda g: not g.expiry_warned_on and g._is_near_expiry(today)
        )
        self._schedule_warnings(
            grants,
            "support_hours.mail_activity_type_grant_expiry",
            lambda g: self.env._("Grant ends on %(date)s", date=g.date_to),
            today,
        )
        grants.write({"expiry_warned_on": today})

    def _schedule_warnings(self, grants, activity_xmlid, summary, today):
        if not grants:
            return
        activity_type = self.env.ref(activity_xmlid)
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "activity_type_id": activity_type.id,
                    "res_model_id": model_id,
                    "res_id": grant.id,
                    "user_id": grant.responsible_id.id,
                    "summary": summary(grant),
                    "date_deadline": today,
                    "automated": True,
                }
                for grant in grants
            ]
        )
