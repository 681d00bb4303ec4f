from odoo import fields, models

from ..models.social_placement import DESTINATIONS, END_REASONS


class SocialPlacementEndWizard(models.TransientModel):
    _name = "social.placement.end.wizard"
    _description = "End Placement"

    placement_id = fields.Many2one(
        "social.placement", required=True, ondelete="cascade"
    )
    date_end = fields.Date("End Date", required=True, default=fields.Date.context_today)
    end_reason = fields.Selection(END_REASONS, required=True)
    destination = fields.Selection(
        DESTINATIONS,
        help="Where the person went next; schedules 3, 6 and 12-month follow-ups.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.placement_id._end(self.date_end, self.end_reason, self.destination)
        return {"type": "ir.actions.act_window_close"}
