from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

MENTOR = "support_hours.support_hours_group_mentor"

PLAN_STATES = [("draft", "Draft"), ("active", "Active"), ("closed", "Closed")]


class SupportPlan(models.Model):
    """A person's support plan: goals and reviews, following the municipality's plan."""

    _name = "support.plan"
    _description = "Support Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "support.sensitive.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _support_sensitive_fields = ("note", "goal_ids")

    name = fields.Char("Title", required=True, default=lambda self: self.env._("Plan"))
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
    placement_id = fields.Many2one(
        "social.placement",
        domain="[('employee_id', '=', employee_id)]",
        index="btree_not_null",
        tracking=True,
        help="The placement this plan belongs to, if any.",
    )
    municipality_id = fields.Many2one(
        "res.partner",
        compute="_compute_municipality_id",
        store=True,
        readonly=False,
        domain=[("is_municipality", "=", True)],
        tracking=True,
    )
    municipal_plan_ref = fields.Char(
        "Municipal Plan Reference",
        tracking=True,
        help="The municipality's reference of the plan this one follows (e.g. the "
        "action plan under Serviceloven § 141 or the job plan). Never a CPR number.",
    )
    responsible_id = fields.Many2one(
        "res.users",
        "Responsible Staff",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date_from = fields.Date(
        "From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_to = fields.Date("To", tracking=True)
    review_interval_months = fields.Integer(
        "Review Every (Months)", default=6, help="0 means no recurring review."
    )
    last_review_date = fields.Date(tracking=True, copy=False)
    next_review_date = fields.Date(tracking=True)
    state = fields.Selection(
        PLAN_STATES, "Status", default="draft", required=True, tracking=True, copy=False
    )
    goal_ids = fields.One2many("support.plan.goal", "plan_id", "Goals", copy=True)
    review_ids = fields.One2many("support.plan.review", "plan_id", "Reviews")
    goal_count = fields.Integer(compute="_compute_goal_counts")
    goal_achieved_count = fields.Integer(
        "Goals Achieved", compute="_compute_goal_counts"
    )
    note = fields.Html(
        groups=MENTOR,
        copy=False,
        exportable=False,
        help="Restricted notes about the plan: support staff only, never in the "
        "chatter nor exported.",
    )

    _review_interval_positive = models.Constraint(
        "CHECK(review_interval_months >= 0)",
        "The review interval cannot be negative.",
    )

    @api.depends("placement_id")
    def _compute_municipality_id(self):
        for plan in self:
            # sudo: only the paying municipality of the linked placement, which
            # mentors without placement access need to see on the plan.
            municipality = plan.placement_id.sudo().municipality_id
            if municipality:
                plan.municipality_id = municipality.id

    @api.depends("goal_ids.state")
    def _compute_goal_counts(self):
        for plan in self:
            plan.goal_count = len(plan.goal_ids)
            plan.goal_achieved_count = len(
                plan.goal_ids.filtered(lambda g: g.state == "achieved")
            )

    @api.depends("name", "employee_id")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = " - ".join(
                n for n in (plan.employee_id.name, plan.name) if n
            )

    @api.onchange("date_from", "review_interval_months")
    def _onchange_review_interval(self):
        if self.date_from and self.review_interval_months and not self.next_review_date:
            self.next_review_date = self.date_from + relativedelta(
                months=self.review_interval_months
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for plan in self:
            if plan.date_to and plan.date_to < plan.date_from:
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the plan ends on %(to)s, before it starts on "
                        "%(start)s.",
                        plan=plan.display_name,
                        to=plan.date_to,
                        start=plan.date_from,
                    )
                )

    @api.constrains("placement_id", "employee_id")
    def _check_placement_person(self):
        for plan in self:
            if plan.placement_id and (
                plan.placement_id.sudo().employee_id != plan.employee_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the placement belongs to another person.",
                        plan=plan.display_name,
                    )
                )

    def action_activate(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(self.env._("Only draft plans can be activated."))
        self.write({"state": "active"})
        return True

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_mark_reviewed(self):
        """Record today's review (a line in Reviews, where the person's priorities
        are written down) and schedule the next one."""
        today = fields.Date.context_today(self)
        for plan in self:
            vals = {"last_review_date": today, "next_review_date": False}
            if plan.review_interval_months:
                vals["next_review_date"] = today + relativedelta(
                    months=plan.review_interval_months
                )
            plan.write(vals)
        self.env["support.plan.review"].create(
            [
                {
                    "plan_id": plan.id,
                    "date": today,
                    "goals_total": plan.goal_count,
                    "goals_achieved": plan.goal_achieved_count,
                }
                for plan in self
            ]
        )
        return True
