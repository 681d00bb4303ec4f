from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    revenue_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        "Revenue Stream",
        domain="[('revenue_stream', '!=', False)]",
        help="Sales of products in this category (and its subcategories) are tagged "
        "with this revenue stream, so that reports split commercial sales from "
        "social services and subsidies.",
    )

    def _get_revenue_analytic_account(self):
        """The revenue stream of the category or of its nearest parent."""
        self.ensure_one()
        category = self
        while category:
            if category.revenue_analytic_account_id:
                return category.revenue_analytic_account_id
            category = category.parent_id
        return self.env["account.analytic.account"]
