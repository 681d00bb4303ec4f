from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    social_project_id = fields.Many2one(
        "project.project",
        "Till Hours Project",
        domain="[('social_activity', '=', 'production'), "
        "('company_id', 'in', (False, company_id))]",
        help="When a session closes, the hours of each person who staffed the till "
        "are logged as timesheets on this production project, so that production "
        "hours by scheme include the café's till. Empty: no till hours are logged.",
    )
    social_revenue_account_id = fields.Many2one(
        "account.analytic.account",
        "Revenue Stream",
        domain="[('revenue_stream', '!=', False)]",
        help="The revenue stream of this till's sales when the product category has "
        "none. Empty: Commercial Sales.",
    )

    def _get_social_revenue_account(self, product):
        """The revenue-stream analytic account of a sale of ``product`` here: its
        category's stream, else this till's, else Commercial Sales."""
        self.ensure_one()
        account = product.categ_id._get_revenue_analytic_account() if product else None
        return (
            account
            or self.social_revenue_account_id
            or self.env["account.analytic.account"]._get_revenue_stream_account(
                "commercial", self.company_id
            )
        )
