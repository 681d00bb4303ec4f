from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

MENTOR = "support_hours.support_hours_group_mentor"

NEED_STATES = [("draft", "Draft"), ("active", "Active"), ("closed", "Closed")]


class SupportNeed(models.Model):
    """What one person needs: a category, the restricted why, and the plain-words how.

    ``description`` is health data (GDPR art. 9): support groups only, never tracked,
    never exported. ``accommodation`` is written for the person's work supervisors,
    who read it through ``support.accommodation`` and never this model.
    """

    _name = "support.need"
    _description = "Support Need"
    _inherit = ["mail.thread", "mail.activity.mixin", "support.sensitive.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _support_sensitive_fields = ("description",)

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
    category_id = fields.Many2one(
        "support.need.category", required=True, tracking=True, ondelete="restrict"
    )
    description = fields.Html(
        groups=MENTOR,
        copy=False,
        exportable=False,
        help="What the person needs and why. Restricted health data: only support "
        "staff read it; it is never tracked in the chatter nor exported.",
    )
    accommodation = fields.Text(
        "Accommodations",
        help="What colleagues and the work supervisor should do, in plain words "
        "(e.g. 'a short break every hour', 'a written plan for the day'). The "
        "person's work supervisors read this: never write a diagnosis here.",
    )
    planned_hours = fields.Float(
        "Planned Hours per Week", digits=(16, 2), tracking=True
    )
    date_from = fields.Date(
        "From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_to = fields.Date("To", tracking=True)
    responsible_id = fields.Many2one(
        "res.users",
        "Responsible Staff",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    review_date = fields.Date(tracking=True)
    state = fields.Selection(
        NEED_STATES,
        "Status",
        required=True,
        default="active",
        index=True,
        tracking=True,
        copy=False,
    )
    color = fields.Integer()
    session_count = fields.Integer(compute="_compute_session_count")

    @api.depends("employee_id", "category_id")
    def _compute_display_name(self):
        for need in self:
            need.display_name = " - ".join(
                n for n in (need.employee_id.name, need.category_id.name) if n
            )

    def _compute_session_count(self):
        counts = dict(
            self.env["support.session"]._read_group(
                [("need_ids", "in", self.ids)], ["need_ids"], ["__count"]
            )
        )
        for need in self:
            need.session_count = counts.get(need, 0)

    @api.constrains("planned_hours")
    def _check_planned_hours(self):
        for need in self:
            if not 0 <= need.planned_hours <= 168:
                raise ValidationError(
                    self.env._(
                        "%(need)s: planned hours per week must be between 0 and 168, "
                        "got %(hours)s.",
                        need=need.display_name,
                        hours=need.planned_hours,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for need in self:
            if need.date_to and need.date_to < need.date_from:
                raise ValidationError(
                    self.env._(
                        "%(need)s: the period ends on %(to)s, before it starts on "
                        "%(start)s.",
                        need=need.display_name,
                        to=need.date_to,
                        start=need.date_from,
                    )
                )

    def action_activate(self):
        if any(need.state != "draft" for need in self):
            raise UserError(self.env._("Only draft support needs can be activated."))
        self.write({"state": "active"})
        return True

    def action_close(self):
        if any(need.state == "closed" for need in self):
            raise UserError(self.env._("This support need is already closed."))
        today = fields.Date.context_today(self)
        for need in self:
            vals = {"state": "closed"}
            if not need.date_to or need.date_to > today:
                vals["date_to"] = max(today, need.date_from)
            need.write(vals)
        return True

    def action_reopen(self):
        self.write({"state": "active"})
        return True

    def action_view_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_hours.support_session_action"
        )
        action["domain"] = [("need_ids", "in", self.ids)]
        action["context"] = {
            "default_employee_id": self.employee_id.id,
            "default_need_ids": self.ids,
        }
        return action
