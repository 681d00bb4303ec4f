from odoo import api, fields, models

TIMELINE_KINDS = [
    ("start", "Started"),
    ("capacity", "Hours or Capacity Changed"),
    ("case_worker", "Case Worker Changed"),
    ("meeting", "Meeting with the Municipality"),
    ("end", "Ended"),
    ("followup", "Follow-up After the Placement"),
]


class SocialPersonTimeline(models.Model):
    """One person's way, in date order: the placements' history (start, changes of
    hours, work capacity and case worker, meetings with the municipality, end) and
    the follow-ups after a transition. support_hours adds support sessions,
    assessments and plan reviews (``is_support`` rows, visible to support staff
    only).

    The rows come from a UNION of one SELECT per source (``_get_timeline_queries``:
    extend it to add a source). Each SELECT gives the same columns; ``id`` is the
    source row's id times 16 plus the source's number, so ids are stable between a
    search and a read.
    """

    _name = "social.person.timeline"
    _description = "Person Timeline"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "kind"

    _depends = {
        "social.placement.history": [
            "date", "employee_id", "company_id", "placement_id", "scheme_id", "kind",
            "is_step_forward", "weekly_hours", "work_capacity",
            "previous_work_capacity", "previous_weekly_hours", "case_worker_id",
            "user_id", "note",
        ],
        "social.transition.followup": [
            "date_answered", "employee_id", "company_id", "placement_id",
            "scheme_id", "months", "answer",
        ],
        "social.placement": ["supervisor_id"],
    }  # fmt: skip

    date = fields.Date(readonly=True)
    employee_id = fields.Many2one("hr.employee", "Person", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    placement_id = fields.Many2one("social.placement", readonly=True)
    scheme_id = fields.Many2one("social.scheme", readonly=True)
    supervisor_id = fields.Many2one("hr.employee", "Work Supervisor", readonly=True)
    kind = fields.Selection(TIMELINE_KINDS, readonly=True)
    is_support = fields.Boolean("Support Record", readonly=True)
    is_step_forward = fields.Boolean("Step Forward", readonly=True)
    weekly_hours = fields.Float(readonly=True, digits=(16, 2))
    work_capacity = fields.Float("Work Capacity (%)", readonly=True, digits=(16, 2))
    previous_work_capacity = fields.Float(readonly=True, digits=(16, 2))
    previous_weekly_hours = fields.Float(readonly=True, digits=(16, 2))
    partner_id = fields.Many2one("res.partner", "Case Worker", readonly=True)
    user_id = fields.Many2one("res.users", "Staff", readonly=True)
    hours = fields.Float(readonly=True, digits=(16, 2))
    label = fields.Char("Detail", readonly=True)
    res_model = fields.Char(readonly=True)
    res_id = fields.Integer(readonly=True)
    summary = fields.Char(compute="_compute_summary")

    @property
    def _table_query(self):
        union = " UNION ALL ".join(f"({q})" for q in self._get_timeline_queries())
        return f"SELECT * FROM ({union}) AS t({', '.join(self._timeline_columns)})"

    # Columns every query gives, in this order.
    _timeline_columns = (
        "id", "date", "employee_id", "company_id", "placement_id", "scheme_id",
        "supervisor_id", "kind", "is_support", "is_step_forward", "weekly_hours",
        "work_capacity", "previous_work_capacity", "previous_weekly_hours",
        "partner_id", "user_id", "hours", "label", "res_model", "res_id",
    )  # fmt: skip

    @api.model
    def _get_timeline_queries(self):
        """One SELECT per source, each with ``_timeline_columns``."""
        return [
            """
            SELECT h.id * 16 + 1, h.date, h.employee_id, h.company_id,
                   h.placement_id, h.scheme_id, p.supervisor_id, h.kind, FALSE,
                   h.is_step_forward, h.weekly_hours, h.work_capacity,
                   h.previous_work_capacity, h.previous_weekly_hours,
                   h.case_worker_id, h.user_id, NULL::numeric, h.note,
                   'social.placement.history', h.id
              FROM social_placement_history h
              JOIN social_placement p ON p.id = h.placement_id
            """,
            """
            SELECT f.id * 16 + 2, f.date_answered, f.employee_id, f.company_id,
                   f.placement_id, f.scheme_id, p.supervisor_id, 'followup', FALSE,
                   FALSE, NULL::numeric, NULL::numeric, NULL::numeric, NULL::numeric,
                   NULL::integer, NULL::integer, f.months::numeric, f.answer,
                   'social.transition.followup', f.id
              FROM social_transition_followup f
              JOIN social_placement p ON p.id = f.placement_id
             WHERE f.date_answered IS NOT NULL
            """,
        ]

    @api.depends("kind", "label", "weekly_hours", "work_capacity", "partner_id")
    def _compute_summary(self):
        for row in self:
            row.summary = row._get_summary()

    def _get_summary(self):
        """A line of plain words for the row (extensions add their kinds)."""
        self.ensure_one()
        if self.kind == "start":
            return self.env._(
                "%(scheme)s, %(hours)s h a week at %(capacity)s %%",
                scheme=self.scheme_id.name,
                hours=self._num(self.weekly_hours),
                capacity=self._num(self.work_capacity),
            )
        if self.kind == "capacity":
            return self.env._(
                "%(old_hours)s → %(hours)s h a week, capacity %(old)s → %(new)s %%",
                old_hours=self._num(self.previous_weekly_hours),
                hours=self._num(self.weekly_hours),
                old=self._num(self.previous_work_capacity),
                new=self._num(self.work_capacity),
            )
        if self.kind == "case_worker":
            return self.env._(
                "New case worker: %(name)s", name=self.partner_id.name or "-"
            )
        if self.kind == "end":
            destinations = dict(
                self.env["social.placement"]
                ._fields["destination"]
                ._description_selection(self.env)
            )
            return self.env._(
                "Ended: %(destination)s",
                destination=destinations.get(self.placement_id.destination, "-"),
            )
        if self.kind == "followup":
            answers = dict(
                self.env["social.transition.followup"]
                ._fields["answer"]
                ._description_selection(self.env)
            )
            return self.env._(
                "After %(months)s months: %(answer)s",
                months=int(self.hours or 0),
                answer=answers.get(self.label, self.label or ""),
            )
        return self.label or ""

    def _num(self, value):
        return f"{value or 0:g}"

    def action_open_source(self):
        """Open the record the row comes from."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
