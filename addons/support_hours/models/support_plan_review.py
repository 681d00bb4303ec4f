from odoo import fields, models

MENTOR = "support_hours.support_hours_group_mentor"


class SupportPlanReview(models.Model):
    """One review of a support plan: when, by whom, how many goals were reached, and
    the person's own priorities at that review (in their words)."""

    _name = "support.plan.review"
    _inherit = ["support.sensitive.mixin"]
    _description = "Support Plan Review"
    _support_sensitive_fields = ("priorities",)
    _order = "date desc, id desc"

    plan_id = fields.Many2one(
        "support.plan", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one("res.users", "Reviewed By", default=lambda s: s.env.user)
    goals_achieved = fields.Integer(help="Goals of the plan achieved at the review.")
    goals_total = fields.Integer("Goals")
    priorities = fields.Text(
        "The Person's Priorities",
        groups=MENTOR,
        exportable=False,
        help="What matters most to the person now, in their own words. Restricted: "
        "support staff only.",
    )
