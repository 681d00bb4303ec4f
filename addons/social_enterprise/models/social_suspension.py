from odoo import fields, models

SUSPENSION_REASONS = [
    ("hospital", "Hospital stay"),
    ("leave", "Leave"),
    ("other", "Other"),
]


class SocialSuspension(models.Model):
    """Days a placement is paused: not billed, and not counted against its limits.

    The reason is a category only; never write health details here.
    """

    _name = "social.suspension"
    _description = "Placement Suspension"
    _order = "date_from desc, id desc"

    placement_id = fields.Many2one(
        "social.placement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="placement_id.company_id", store=True)
    reason = fields.Selection(SUSPENSION_REASONS, required=True, default="leave")
    date_from = fields.Date("From", required=True)
    date_to = fields.Date("To", required=True)
    note = fields.Char(help="A short practical note. No health details.")

    _dates_sane = models.Constraint(
        "CHECK(date_to >= date_from)", "A suspension cannot end before it starts."
    )
