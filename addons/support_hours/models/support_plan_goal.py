from odoo import api, fields, models
from odoo.exceptions import ValidationError

MENTOR = "support_hours.support_hours_group_mentor"

GOAL_STATES = [
    ("open", "Not Started"),
    ("progress", "In Progress"),
    ("achieved", "Achieved"),
    ("dropped", "Dropped"),
]


class SupportPlanGoal(models.Model):
    _name = "support.plan.goal"
    _description = "Support Plan Goal"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "support.plan", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char("Goal", required=True)
    need_id = fields.Many2one(
        "support.need",
        domain="[('employee_id', '=', employee_id)]",
        ondelete="set null",
    )
    target_date = fields.Date()
    review_date = fields.Date()
    state = fields.Selection(GOAL_STATES, "Status", default="open", required=True)
    owner = fields.Selection(
        [("staff", "Staff Goal"), ("person", "The Person's Own Goal")],
        "Whose Goal",
        default="staff",
        required=True,
    )
    own_words = fields.Text(
        "In the Person's Words",
        groups=MENTOR,
        exportable=False,
        help="The goal as the person puts it. Restricted: support staff only.",
    )
    own_rating = fields.Selection(
        [
            ("1", "1 - Not started"),
            ("2", "2 - A little"),
            ("3", "3 - Halfway"),
            ("4", "4 - Nearly there"),
            ("5", "5 - Reached"),
        ],
        "Own Rating of Progress",
        help="How far the person thinks they have come, beside the staff status.",
    )
    own_rating_date = fields.Date("Rated On")
    result = fields.Text(
        "Status Note",
        groups=MENTOR,
        exportable=False,
        help="How it goes. Restricted: support staff only.",
    )

    @api.constrains("need_id", "plan_id")
    def _check_need_person(self):
        for goal in self:
            if goal.need_id and goal.need_id.employee_id != goal.plan_id.employee_id:
                raise ValidationError(
                    self.env._(
                        "Goal '%(goal)s': the support need belongs to another person.",
                        goal=goal.name,
                    )
                )
