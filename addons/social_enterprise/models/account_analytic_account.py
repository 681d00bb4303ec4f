from odoo import api, fields, models

from .social_scheme import REVENUE_STREAMS


class AccountAnalyticAccount(models.Model):
    _inherit = "account.analytic.account"

    revenue_stream = fields.Selection(
        [s for s in REVENUE_STREAMS if s[0] != "none"],
        help="The money flow this account stands for in the Revenue Streams plan: "
        "invoices and subsidy claims of Social Enterprise are tagged with it.",
    )

    @api.model
    def _get_revenue_stream_account(self, stream, company):
        """The analytic account of a revenue stream for ``company`` (an empty
        recordset for schemes without revenue)."""
        if not stream or stream == "none":
            return self.browse()
        return self.search(
            [
                ("revenue_stream", "=", stream),
                ("company_id", "in", (False, company.id)),
            ],
            order="company_id",
            limit=1,
        )
