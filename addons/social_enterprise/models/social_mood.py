from odoo import api, fields, models

MOODS = [
    ("1", "Very bad"),
    ("2", "Bad"),
    ("3", "So-so"),
    ("4", "Good"),
    ("5", "Very good"),
]


class SocialMood(models.Model):
    """ "How are you today?": the person's own one-tap answer after check-in (five
    faces), a self-rated wellbeing measure. Coordinators and mentors follow the
    trend; work supervisors never see it."""

    _name = "social.mood"
    _description = "Daily Wellbeing"
    _order = "date desc, id desc"

    employee_id = fields.Many2one("hr.employee", "Person", required=True, index=True)
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    mood = fields.Selection(MOODS, "Answer", required=True)
    score = fields.Integer(
        compute="_compute_score",
        store=True,
        aggregator="avg",
        help="1 (very bad) to 5.",
    )

    _person_day_unique = models.Constraint(
        "UNIQUE(employee_id, date)", "One answer a day: change today's answer instead."
    )

    @api.depends("mood")
    def _compute_score(self):
        for answer in self:
            answer.score = int(answer.mood or 0)
