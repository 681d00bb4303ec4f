from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

EXTENSION_STATES = [
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("refused", "Refused"),
]


class SocialAuthorisationExtension(models.Model):
    """A request to the case worker to extend an authorisation, and the answer.

    Approving moves the authorisation's end to the new end, so billing allows the
    extra days at once; the previous end stays on the request as history.
    """

    _name = "social.authorisation.extension"
    _description = "Authorisation Extension Request"
    _inherit = ["mail.thread"]
    _order = "date_requested desc, id desc"

    authorisation_id = fields.Many2one(
        "social.authorisation", required=True, index=True, ondelete="cascade"
    )
    placement_id = fields.Many2one(
        related="authorisation_id.placement_id", store=True, index=True
    )
    company_id = fields.Many2one(related="authorisation_id.company_id", store=True)
    date_requested = fields.Date(
        "Asked On", required=True, default=fields.Date.context_today
    )
    date_end_requested = fields.Date("New End Asked For", required=True)
    date_end_previous = fields.Date("Previous End", readonly=True, copy=False)
    date_decided = fields.Date("Decided On", readonly=True, copy=False)
    date_end_approved = fields.Date(
        "New End Approved",
        copy=False,
        help="The end the case worker approved; the one asked for when left empty.",
    )
    state = fields.Selection(
        EXTENSION_STATES, required=True, default="requested", tracking=True, copy=False
    )
    refusal_reason = fields.Text(copy=False)

    @api.constrains("date_end_requested", "date_end_approved", "authorisation_id")
    def _check_new_end(self):
        for ext in self:
            start = ext.authorisation_id.date_from
            for day in (ext.date_end_requested, ext.date_end_approved):
                if day and start and day < start:
                    raise ValidationError(
                        self.env._(
                            "The new end %(end)s lies before the authorisation "
                            "starts (%(start)s).",
                            end=day,
                            start=start,
                        )
                    )

    def _check_requested(self):
        for ext in self:
            if ext.state != "requested":
                raise UserError(
                    self.env._("The extension request has already been answered.")
                )

    def action_approve(self):
        """The case worker approved: the authorisation now ends on the new end."""
        self._check_requested()
        today = fields.Date.context_today(self)
        for ext in self:
            new_end = ext.date_end_approved or ext.date_end_requested
            ext.write(
                {
                    "state": "approved",
                    "date_decided": today,
                    "date_end_previous": ext.authorisation_id.date_to,
                    "date_end_approved": new_end,
                }
            )
            ext.authorisation_id.write(
                {"date_to": new_end, "expiry_warned_until": False}
            )
        return True

    def action_refuse(self):
        """The case worker refused: the authorisation keeps its end."""
        self._check_requested()
        if any(not ext.refusal_reason for ext in self):
            raise UserError(
                self.env._("Write the case worker's reason for the refusal first.")
            )
        self.write(
            {"state": "refused", "date_decided": fields.Date.context_today(self)}
        )
        return True
