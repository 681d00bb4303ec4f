# One concern a file (demo data, hours, follow-ups, ratio rule) keeps the placement
# model readable; the classes are merged by the registry.
# pylint: disable=consider-merging-classes-inherited
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

from ..tools import periods


class SocialScheme(models.Model):
    _inherit = "social.scheme"

    followup_lead_days = fields.Integer(
        "Follow-up Notice (days)",
        default=30,
        help="How many days before a follow-up or the maximum duration the coordinator "
        "gets an activity.",
    )


class SocialPlacement(models.Model):
    _inherit = "social.placement"

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
        companies = self.env["res.company"].search([])
        companies._cron_for_each(
            lambda company: self.with_company(company)._schedule_followups(company),
            "Placement follow-ups",
        )
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

    def _on_ended(self):
        res = super()._on_ended()
        self.env["social.transition.followup"]._create_for_placements(self)
        return res
