from odoo import api, fields, models


class SocialPersonTimeline(models.Model):
    """Support rows on the person's timeline: sessions, finished assessments and
    plan reviews (``is_support``: support staff only, never work supervisors)."""

    _inherit = "social.person.timeline"
    _depends = {
        "support.session": [
            "date", "employee_id", "company_id", "staff_id", "duration", "kind",
        ],
        "support.assessment": [
            "date", "employee_id", "company_id", "assessor_id", "state",
        ],
        "support.plan.review": [
            "date", "employee_id", "company_id", "user_id", "goals_achieved",
            "goals_total",
        ],
        "hr.employee": ["parent_id"],
    }  # fmt: skip

    kind = fields.Selection(
        selection_add=[
            ("session", "Support Session"),
            ("assessment", "Assessment"),
            ("plan_review", "Plan Review"),
        ]
    )

    @api.model
    def _get_timeline_queries(self):
        return super()._get_timeline_queries() + [
            """
            SELECT s.id * 16 + 3, s.date, s.employee_id, s.company_id, NULL::integer,
                   NULL::integer, e.parent_id, 'session', TRUE, FALSE,
                   NULL::numeric, NULL::numeric, NULL::numeric, NULL::numeric,
                   NULL::integer, s.staff_id, s.duration::numeric, s.kind,
                   'support.session', s.id
              FROM support_session s
              JOIN hr_employee e ON e.id = s.employee_id
            """,
            """
            SELECT a.id * 16 + 4, a.date, a.employee_id, a.company_id, NULL::integer,
                   NULL::integer, e.parent_id, 'assessment', TRUE, FALSE,
                   NULL::numeric, NULL::numeric, NULL::numeric, NULL::numeric,
                   NULL::integer, a.assessor_id, NULL::numeric, NULL,
                   'support.assessment', a.id
              FROM support_assessment a
              JOIN hr_employee e ON e.id = a.employee_id
             WHERE a.state = 'done'
            """,
            """
            SELECT r.id * 16 + 5, r.date, r.employee_id, r.company_id, NULL::integer,
                   NULL::integer, e.parent_id, 'plan_review', TRUE, TRUE,
                   NULL::numeric, NULL::numeric, NULL::numeric, NULL::numeric,
                   NULL::integer, r.user_id, NULL::numeric,
                   r.goals_achieved || ' / ' || r.goals_total,
                   'support.plan.review', r.id
              FROM support_plan_review r
              JOIN hr_employee e ON e.id = r.employee_id
            """,
        ]

    def _get_summary(self):
        if self.kind == "session":
            kinds = dict(
                self.env["support.session"]
                ._fields["kind"]
                ._description_selection(self.env)
            )
            return self.env._(
                "%(kind)s session, %(hours)s h",
                kind=kinds.get(self.label, self.label or ""),
                hours=self._num(self.hours),
            )
        if self.kind == "assessment":
            source = self.env[self.res_model].browse(self.res_id)
            return source.instrument_id.name or ""
        if self.kind == "plan_review":
            return self.env._("Goals achieved: %(goals)s", goals=self.label or "-")
        return super()._get_summary()
