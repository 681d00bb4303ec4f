from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date, format_datetime

from ..models.support_session import SESSION_KINDS
from ..tools import hours as hours_tools


class SupportSessionWeek(models.TransientModel):
    """Log a staff member's week of sessions in one go.

    One line a session; "Copy Last Week" fills the lines from the sessions of the week
    before, so a regular week is entered by adjusting a few hours.
    """

    _name = "support.session.week"
    _description = "Log a Week of Support Sessions"

    staff_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    week_start = fields.Date(
        "Week of",
        required=True,
        default=lambda self: hours_tools.week_start(fields.Date.context_today(self)),
    )
    week_end = fields.Date(compute="_compute_week_end")
    line_ids = fields.One2many("support.session.week.line", "wizard_id", "Sessions")
    total_hours = fields.Float(compute="_compute_total_hours")
    copy_note = fields.Text(readonly=True)

    @api.depends("week_start")
    def _compute_week_end(self):
        for wizard in self:
            wizard.week_end = (
                wizard.week_start + timedelta(days=6) if wizard.week_start else False
            )

    @api.depends("line_ids.duration")
    def _compute_total_hours(self):
        for wizard in self:
            wizard.total_hours = sum(wizard.line_ids.mapped("duration"))

    @api.onchange("week_start")
    def _onchange_week_start(self):
        if self.week_start:
            self.week_start = hours_tools.week_start(self.week_start)

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_copy_previous_week(self):
        """Add one line per session the staff member gave the week before.

        A session that would collide with one already logged this week (by the same
        staff member or with the same person) or with a line already in the wizard is
        skipped, and the wizard says which, so saving never fails on an overlap.
        """
        self.ensure_one()
        previous = self.week_start - timedelta(days=7)
        Session = self.env["support.session"]
        sessions = Session.search(
            Session._get_week_domain(self.staff_id, previous), order="start"
        ).filtered(lambda s: not s.group_ref)
        if not sessions:
            raise UserError(
                self.env._(
                    "%(staff)s logged no individual sessions in the week of %(week)s.",
                    staff=self.staff_id.name,
                    week=format_date(self.env, previous),
                )
            )
        tz = self.staff_id.tz or hours_tools.DEFAULT_TZ
        taken = self._get_taken_intervals(sessions.employee_id)
        commands, skipped = [], []
        for session in sessions:
            # The same wall-clock time a week later (a change of summer time included).
            local = fields.Datetime.context_timestamp(
                session.with_context(tz=tz), session.start
            )
            day = local.date() + timedelta(days=7)
            time_start = local.hour + local.minute / 60.0
            start = hours_tools.to_utc(day, time_start, tz)
            stop = start + timedelta(hours=session.duration)
            keys = [("staff", self.staff_id.id), ("person", session.employee_id.id)]
            if any(s < stop and start < e for key in keys for s, e in taken[key]):
                skipped.append((session.employee_id.name, start))
                continue
            for key in keys:
                taken[key].append((start, stop))
            commands.append(
                Command.create(
                    {
                        "employee_id": session.employee_id.id,
                        "day": day,
                        "time_start": time_start,
                        "duration": session.duration,
                        "kind": session.kind,
                        "need_ids": [Command.set(session.need_ids.ids)],
                    }
                )
            )
        self.line_ids = commands
        self.copy_note = self._get_skipped_note(skipped, tz)
        return self._reopen()

    def _get_taken_intervals(self, employees):
        """UTC intervals already taken this week, keyed by ("staff", user id) and
        ("person", employee id): logged sessions and the wizard's own lines."""
        tz = self.staff_id.tz or hours_tools.DEFAULT_TZ
        taken = defaultdict(list)
        week_from = hours_tools.to_utc(self.week_start, 0.0, tz)
        week_to = hours_tools.to_utc(self.week_end + timedelta(days=1), 0.0, tz)
        # sudo: only the intervals of the other sessions matter, not their content
        # (the same rule as the overlap check these lines must pass).
        logged = (
            self.env["support.session"]
            .sudo()
            .search(
                [
                    "|",
                    ("staff_id", "=", self.staff_id.id),
                    ("employee_id", "in", employees.ids),
                    ("start", "<", week_to),
                    ("stop", ">", week_from),
                ]
            )
        )
        for session in logged:
            taken["staff", session.staff_id.id].append((session.start, session.stop))
            taken["person", session.employee_id.id].append(
                (session.start, session.stop)
            )
        for line in self.line_ids:
            start = hours_tools.to_utc(line.day, line.time_start, tz)
            stop = start + timedelta(hours=line.duration)
            taken["staff", self.staff_id.id].append((start, stop))
            taken["person", line.employee_id.id].append((start, stop))
        return taken

    def _get_skipped_note(self, skipped, tz):
        if not skipped:
            return False
        items = ", ".join(
            "{} {}".format(
                name, format_datetime(self.env, start, tz=tz, dt_format="EEE d/M HH:mm")
            )
            for name, start in skipped
        )
        return self.env._(
            "Not copied, because they overlap sessions already logged this week: "
            "%(sessions)s.",
            sessions=items,
        )

    def _prepare_session_vals(self):
        self.ensure_one()
        tz = self.staff_id.tz
        vals_list = []
        for line in self.line_ids:
            if not self.week_start <= line.day <= self.week_end:
                raise UserError(
                    self.env._(
                        "The session of %(person)s on %(day)s is not in the week "
                        "%(start)s to %(end)s.",
                        person=line.employee_id.name,
                        day=line.day,
                        start=self.week_start,
                        end=self.week_end,
                    )
                )
            vals_list.append(
                {
                    "employee_id": line.employee_id.id,
                    "staff_id": self.staff_id.id,
                    "start": hours_tools.to_utc(line.day, line.time_start, tz),
                    "duration": line.duration,
                    "kind": line.kind,
                    "need_ids": [Command.set(line.need_ids.ids)],
                }
            )
        return vals_list

    def action_confirm(self):
        """Create all sessions at once: one bad line and none is created."""
        self.ensure_one()
        vals_list = self._prepare_session_vals()
        if not vals_list:
            raise UserError(self.env._("Add at least one session to log."))
        sessions = self.env["support.session"].create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_hours.support_session_action"
        )
        action["domain"] = [("id", "in", sessions.ids)]
        action["context"] = {}
        return action


class SupportSessionWeekLine(models.TransientModel):
    _name = "support.session.week.line"
    _description = "Session of a Logged Week"
    _order = "day, time_start, id"

    wizard_id = fields.Many2one(
        "support.session.week", required=True, ondelete="cascade"
    )
    employee_id = fields.Many2one("hr.employee", "Person", required=True)
    day = fields.Date(required=True, default=fields.Date.context_today)
    time_start = fields.Float("Start Time", required=True, default=9.0)
    duration = fields.Float("Hours", required=True, default=1.0)
    kind = fields.Selection(SESSION_KINDS, required=True, default="individual")
    need_ids = fields.Many2many(
        "support.need",
        string="Needs",
        domain="[('employee_id', '=', employee_id)]",
    )
