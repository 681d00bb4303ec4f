from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

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
        """Add one line per session the staff member gave the week before."""
        self.ensure_one()
        previous = self.week_start - timedelta(days=7)
        sessions = self.env["support.session"].search(
            self.env["support.session"]._get_week_domain(self.staff_id, previous),
            order="start",
        )
        tz = self.staff_id.tz
        commands = []
        for session in sessions.filtered(lambda s: not s.group_ref):
            local = fields.Datetime.context_timestamp(
                session.with_context(tz=tz or hours_tools.DEFAULT_TZ), session.start
            )
            commands.append(
                Command.create(
                    {
                        "employee_id": session.employee_id.id,
                        "day": session.date + timedelta(days=7),
                        "time_start": local.hour + local.minute / 60.0,
                        "duration": session.duration,
                        "kind": session.kind,
                        "need_ids": [Command.set(session.need_ids.ids)],
                    }
                )
            )
        if not commands:
            raise UserError(
                self.env._(
                    "%(staff)s logged no individual sessions in the week of %(week)s.",
                    staff=self.staff_id.name,
                    week=previous,
                )
            )
        self.line_ids = commands
        return self._reopen()

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
