from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.support_session import SESSION_KINDS


class SupportSessionGroup(models.TransientModel):
    """Log one group session: one session per participant, sharing the time."""

    _name = "support.session.group"
    _description = "Log a Group Session"

    staff_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    start = fields.Datetime(required=True, default=fields.Datetime.now)
    duration = fields.Float(
        "Length (Hours)",
        required=True,
        default=2.0,
        help="How long the group session lasted. Each participant is charged an "
        "equal share.",
    )
    kind = fields.Selection(SESSION_KINDS, required=True, default="group")
    # hr.employee.public: mentors are no HR officers and may not link hr.employee
    # records; both models share their ids.
    employee_ids = fields.Many2many("hr.employee.public", string="Participants")
    share = fields.Float("Hours per Participant", compute="_compute_share")

    @api.depends("duration", "employee_ids")
    def _compute_share(self):
        for wizard in self:
            count = len(wizard.employee_ids)
            wizard.share = wizard.duration / count if count else 0.0

    def action_confirm(self):
        self.ensure_one()
        if len(self.employee_ids) < 2:
            raise UserError(
                self.env._(
                    "A group session needs at least two participants; log one person "
                    "as an individual session."
                )
            )
        if self.duration <= 0 or self.duration > 24:
            raise UserError(
                self.env._(
                    "The group session must last more than 0 and at most 24 hours."
                )
            )
        Session = self.env["support.session"]
        sessions = Session.create(
            Session._prepare_group_vals(
                self.staff_id,
                self.start,
                self.duration,
                self.env["hr.employee"].browse(self.employee_ids.ids),
                self.kind,
            )
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_hours.support_session_action"
        )
        action["domain"] = [("id", "in", sessions.ids)]
        action["context"] = {}
        return action
