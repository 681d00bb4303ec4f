from odoo import models


class PosOrder(models.Model):
    _inherit = "pos.order"

    def _get_invoice_lines_values(self, line_values, pos_line, move_type):
        """Invoiced till sales carry the revenue stream too."""
        vals = super()._get_invoice_lines_values(line_values, pos_line, move_type)
        account = self.config_id._get_social_revenue_account(pos_line.product_id)
        if account and not vals.get("analytic_distribution"):
            vals["analytic_distribution"] = {str(account.id): 100.0}
        return vals
