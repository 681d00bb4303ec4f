from odoo import fields, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    pos_session_id = fields.Many2one(
        "pos.session",
        "Till Session",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
        help="The point-of-sale session this person staffed: these are till hours.",
    )
