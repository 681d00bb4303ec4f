from odoo import fields, models


class ResGroups(models.Model):
    _inherit = "res.groups"

    home_action_id = fields.Many2one(
        "ir.actions.actions",
        "Home Action of the Role",
        help="Where the members of this group land after login, unless the user has "
        "a home action of their own. Among several groups the one with the highest "
        "home priority wins.",
    )
    home_action_priority = fields.Integer("Home Priority", default=0)
