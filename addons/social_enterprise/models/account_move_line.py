from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    social_billing_line_id = fields.Many2one(
        "social.billing.line",
        "Billing Line",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="set null",
    )

    def _related_analytic_distribution(self):
        """Sales lines get the revenue stream of their product category."""
        vals = super()._related_analytic_distribution()
        move = self.move_id
        if (
            self.display_type == "product"
            and move.is_sale_document(include_receipts=True)
            and self.product_id
        ):
            account = self.product_id.categ_id._get_revenue_analytic_account()
            if account and str(account.id) not in (vals or {}):
                vals = dict(vals or {}, **{str(account.id): 100.0})
        return vals
