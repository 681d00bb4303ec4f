from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Destinations after which the person is asked whether they are still in job or
# education.
FOLLOWED_DESTINATIONS = ("ordinary_job", "ordinary_job_ips", "flexjob", "education")
FOLLOWUP_MONTHS = (3, 6, 12)
ANSWERS = [
    ("yes_same", "Yes, same job or education"),
    ("yes_other", "Yes, another job or education"),
    ("no", "No"),
    ("unknown", "Could not be reached"),
]


class SocialTransitionFollowup(models.Model):
    """After a placement ends in job or education: still there after 3, 6 and 12
    months?"""

    _name = "social.transition.followup"
    _description = "Transition Follow-up"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_due, id"
    _rec_name = "placement_id"

    placement_id = fields.Many2one(
        "social.placement", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(related="placement_id.employee_id", store=True)
    scheme_id = fields.Many2one(related="placement_id.scheme_id", store=True)
    municipality_id = fields.Many2one(
        related="placement_id.municipality_id", store=True
    )
    company_id = fields.Many2one(related="placement_id.company_id", store=True)
    destination = fields.Selection(related="placement_id.destination", store=True)
    months = fields.Integer(
        required=True, help="Months after the end of the placement."
    )
    date_due = fields.Date("Due", required=True, index=True)
    answer = fields.Selection(ANSWERS)
    date_answered = fields.Date("Answered On")
    still_in_job = fields.Boolean(
        "Still in Job or Education",
        compute="_compute_still_in_job",
        store=True,
        aggregator="bool_or",
    )
    state = fields.Selection(
        [("pending", "Pending"), ("answered", "Answered")],
        compute="_compute_still_in_job",
        store=True,
    )
    activity_scheduled = fields.Boolean(copy=False, readonly=True)

    _placement_months_unique = models.UniqueIndex(
        "(placement_id, months)", "A placement has one follow-up per interval."
    )

    @api.depends("answer")
    def _compute_still_in_job(self):
        for followup in self:
            followup.still_in_job = followup.answer in ("yes_same", "yes_other")
            followup.state = "answered" if followup.answer else "pending"

    @api.constrains("answer", "date_answered", "date_due")
    def _check_answer(self):
        for followup in self:
            if followup.answer and not followup.date_answered:
                raise ValidationError(
                    self.env._("Set the date the follow-up question was answered.")
                )

    @api.onchange("answer")
    def _onchange_answer(self):
        if self.answer and not self.date_answered:
            self.date_answered = fields.Date.context_today(self)

    @api.model
    def _create_for_placements(self, placements):
        """3, 6 and 12-month follow-ups for placements ended in job or education."""
        vals_list = [
            {
                "placement_id": placement.id,
                "months": months,
                "date_due": placement.date_end + relativedelta(months=months),
            }
            for placement in placements
            if placement.destination in FOLLOWED_DESTINATIONS
            and not placement.transition_followup_ids
            for months in FOLLOWUP_MONTHS
        ]
        return self.create(vals_list)

    @api.model
    def _schedule_activities(self, company):
        """An activity on each unanswered follow-up of ``company`` that falls due
        within a week (run by the placements' daily follow-up cron)."""
        today = fields.Date.context_today(self)
        followups = self.search(
            [
                ("company_id", "=", company.id),
                ("answer", "=", False),
                ("activity_scheduled", "=", False),
                ("date_due", "<=", today + relativedelta(days=7)),
            ]
        )
        activity_type = self.env.ref(
            "social_enterprise.mail_activity_type_transition_followup"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": followup.id,
                    "activity_type_id": activity_type.id,
                    "date_deadline": followup.date_due,
                    "summary": self.env._(
                        "%(months)s-month follow-up: still in job or education?",
                        months=followup.months,
                    ),
                    "user_id": followup.placement_id._get_followup_user().id,
                }
                for followup in followups
            ]
        )
        followups.activity_scheduled = True
        return followups

    @api.model
    def _get_retention(self, domain=None):
        """{months: (answered, still in job or education, share %)} for the follow-ups.

        One ``_read_group`` whatever the number of follow-ups.
        """
        groups = self._read_group(
            list(domain or []) + [("answer", "!=", False)],
            ["months", "still_in_job"],
            ["__count"],
        )
        result = {}
        for months, still, count in groups:
            answered, kept, _share = result.get(months, (0, 0, 0.0))
            answered += count
            kept += count if still else 0
            result[months] = (answered, kept, round(100.0 * kept / answered, 1))
        return result
