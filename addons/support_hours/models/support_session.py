from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..tools import hours as hours_tools

MENTOR = "support_hours.support_hours_group_mentor"

SESSION_KINDS = [
    ("individual", "Individual"),
    ("group", "Group"),
    ("phone", "Phone or video"),
    ("employer", "With employer"),
]


class SupportSession(models.Model):
    """Support one staff member gave one person: when, how long, what kind.

    A group session is stored as one session per participant sharing a
    ``group_ref``: each carries the participant's share of the time (``duration``)
    and the full length of the group (``group_length``). So grants, billing and
    reports count each person's hours without a special case, and the shares add up
    to the staff member's time.
    """

    _name = "support.session"
    _description = "Support Session"
    _inherit = ["support.sensitive.mixin"]
    _order = "start desc, id desc"
    _check_company_auto = True
    _support_sensitive_fields = ("note",)

    employee_id = fields.Many2one("hr.employee", "Person", required=True, index=True)
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Team", store=True
    )
    staff_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    start = fields.Datetime(
        required=True,
        index=True,
        default=lambda self: fields.Datetime.now().replace(
            minute=0, second=0, microsecond=0
        ),
    )
    duration = fields.Float(
        "Hours",
        required=True,
        default=1.0,
        help="Hours of support this person received; what the grant is charged. In "
        "a group session, the person's share of the group's length.",
    )
    group_length = fields.Float(
        "Group Session Length",
        help="Length of the whole group session; empty for an individual session.",
    )
    group_size = fields.Integer("Participants", default=1)
    group_ref = fields.Char(
        "Group Reference",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="Shared by the sessions created from one group session.",
    )
    stop = fields.Datetime(compute="_compute_stop", store=True)
    date = fields.Date(compute="_compute_date", store=True, index=True)
    kind = fields.Selection(SESSION_KINDS, required=True, default="individual")
    need_ids = fields.Many2many(
        "support.need",
        string="Needs",
        domain="[('employee_id', '=', employee_id)]",
    )
    grant_id = fields.Many2one(
        "support.grant",
        compute="_compute_grant_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        domain="[('employee_id', '=', employee_id), ('state', '!=', 'draft')]",
        help="The grant the hours count against; filled in from the person's grant "
        "covering that day.",
    )
    note = fields.Html(
        groups=MENTOR,
        copy=False,
        exportable=False,
        help="Restricted: support staff only, never exported.",
    )

    # ------------------------------------------------------------------ computes
    @api.depends("start", "duration", "group_length")
    def _compute_stop(self):
        for session in self:
            length = max(session.duration or 0.0, session.group_length or 0.0)
            session.stop = (
                session.start + timedelta(hours=length) if session.start else False
            )

    # Not on staff_id.tz: a user changing time zone must not move past sessions
    # between days (and billing periods).
    @api.depends("start", "staff_id")
    def _compute_date(self):
        for session in self:
            session.date = (
                hours_tools.local_date(session.start, session.staff_id.tz)
                if session.start
                else False
            )

    @api.depends("employee_id", "date", "need_ids")
    def _compute_grant_id(self):
        sessions = self.filtered(lambda s: s.employee_id and s.date)
        (self - sessions).grant_id = False
        if not sessions:
            return
        dates = sessions.mapped("date")
        # sudo: find the one running grant of the person on the day, also for a
        # mentor covering a colleague's caseload; the session only stores its id.
        grants = (
            self.env["support.grant"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", sessions.employee_id.ids),
                    ("state", "!=", "draft"),
                    ("date_from", "<=", max(dates)),
                    ("date_to", ">=", min(dates)),
                ],
                order="date_from desc, id desc",
            )
        )
        by_person = defaultdict(list)
        for grant in grants:
            by_person[grant.employee_id.id].append(grant)
        for session in sessions:
            current = session.grant_id.sudo()
            if session._grant_fits(current):
                continue
            candidates = [
                g for g in by_person[session.employee_id.id] if session._grant_fits(g)
            ]
            # Running grants first, then those of the same kind as the needs.
            categories = session.need_ids.sudo().category_id
            candidates.sort(
                key=lambda g, c=categories: (
                    g.state != "active",
                    g.category_id not in c,
                )
            )
            best = candidates[0] if candidates else False
            session.grant_id = best.id if best else False

    def _grant_fits(self, grant):
        self.ensure_one()
        return bool(
            grant
            and grant.employee_id == self.employee_id
            and grant.date_from <= self.date <= grant.date_to
        )

    @api.depends("employee_id", "date", "duration")
    def _compute_display_name(self):
        for session in self:
            session.display_name = self.env._(
                "%(person)s, %(date)s (%(hours)s h)",
                person=session.employee_id.name or "",
                date=session.date or "",
                hours=round(session.duration or 0.0, 2),
            )

    # --------------------------------------------------------------- constraints
    @api.constrains("duration", "group_length")
    def _check_duration(self):
        for session in self:
            if not 0 < session.duration <= 24:
                raise ValidationError(
                    self.env._(
                        "Session of %(person)s on %(date)s: the hours must be more "
                        "than 0 and at most 24, got %(hours)s.",
                        person=session.employee_id.name,
                        date=session.date,
                        hours=session.duration,
                    )
                )
            if session.group_length and session.group_length > 24:
                raise ValidationError(
                    self.env._(
                        "Group session on %(date)s: a session lasts at most 24 hours.",
                        date=session.date,
                    )
                )

    def _format_time(self, value):
        return fields.Datetime.context_timestamp(self, value).strftime("%Y-%m-%d %H:%M")

    @api.constrains("start", "stop", "staff_id", "employee_id", "group_ref")
    def _check_overlap(self):
        """One staff member and one person cannot be in two sessions at once.

        The participants of one group session share the staff member's time. One
        query for all the sessions in ``self``.
        """
        sessions = self.filtered(lambda s: s.start and s.stop)
        if not sessions:
            return
        # sudo: only the intervals of the other sessions matter, not their content.
        others = self.sudo().search(
            [
                ("id", "not in", sessions.ids),
                "|",
                ("staff_id", "in", sessions.staff_id.ids),
                ("employee_id", "in", sessions.employee_id.ids),
                ("start", "<", max(sessions.mapped("stop"))),
                ("stop", ">", min(sessions.mapped("start"))),
            ]
        )
        by_staff = defaultdict(list)
        by_person = defaultdict(list)
        for session in sessions.sudo() | others:
            item = (session.start, session.stop, session.id)
            by_staff[session.staff_id.id].append((*item, session.group_ref or None))
            by_person[session.employee_id.id].append((*item, None))
        new_ids = set(sessions.ids)
        for staff_id in sessions.staff_id.ids:
            clash = hours_tools.first_overlap(by_staff[staff_id], new_ids)
            if clash:
                first, second = self.browse(clash[0]).sudo()
                raise ValidationError(
                    self.env._(
                        "%(staff)s cannot give two sessions at once: %(first)s and "
                        "%(second)s overlap (%(start)s to %(stop)s).",
                        staff=first.staff_id.name,
                        first=first.display_name,
                        second=second.display_name,
                        start=self._format_time(second.start),
                        stop=self._format_time(first.stop),
                    )
                )
        for person_id in sessions.employee_id.ids:
            clash = hours_tools.first_overlap(by_person[person_id], new_ids)
            if clash:
                first, second = self.browse(clash[0]).sudo()
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot be in two sessions at once: the session "
                        "at %(start)s overlaps the one at %(other)s.",
                        person=first.employee_id.name,
                        start=self._format_time(second.start),
                        other=self._format_time(first.start),
                    )
                )

    @api.constrains("grant_id", "employee_id", "date")
    def _check_grant(self):
        for session in self:
            grant = session.grant_id.sudo()
            if not grant:
                continue
            if grant.employee_id != session.employee_id:
                raise ValidationError(
                    self.env._(
                        "The grant %(grant)s belongs to %(other)s, not to %(person)s.",
                        grant=grant.name,
                        other=grant.employee_id.name,
                        person=session.employee_id.name,
                    )
                )
            if not grant.date_from <= session.date <= grant.date_to:
                raise ValidationError(
                    self.env._(
                        "The session of %(person)s on %(date)s lies outside the grant "
                        "%(grant)s (%(start)s to %(end)s). Choose another grant or "
                        "leave the grant empty.",
                        person=session.employee_id.name,
                        date=session.date,
                        grant=grant.name,
                        start=grant.date_from,
                        end=grant.date_to,
                    )
                )

    @api.constrains("need_ids", "employee_id")
    def _check_needs(self):
        for session in self:
            if session.need_ids.sudo().employee_id - session.employee_id:
                raise ValidationError(
                    self.env._(
                        "Session of %(person)s on %(date)s: only the person's own "
                        "support needs can be linked.",
                        person=session.employee_id.name,
                        date=session.date,
                    )
                )

    # ------------------------------------------------------------------ helpers
    @api.model
    def _prepare_group_vals(self, staff, start, length, employees, kind="group"):
        """Values of the sessions of one group session: one per participant, the
        length split in whole minutes so the shares add up to the group's length."""
        group_ref = self.env["ir.sequence"].next_by_code("support.session.group")
        shares = hours_tools.split_hours(length, len(employees))
        return [
            {
                "employee_id": employee.id,
                "staff_id": staff.id,
                "start": start,
                "duration": share,
                "group_length": length,
                "group_size": len(employees),
                "group_ref": group_ref,
                "kind": kind,
            }
            for employee, share in zip(employees, shares, strict=True)
        ]

    def action_view_group(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_hours.support_session_action"
        )
        action["domain"] = [("group_ref", "=", self.group_ref)]
        action["context"] = {}
        return action

    @api.model
    def _get_week_domain(self, staff, week_start):
        return Domain(
            [
                ("staff_id", "=", staff.id),
                ("date", ">=", week_start),
                ("date", "<=", week_start + timedelta(days=6)),
            ]
        )
