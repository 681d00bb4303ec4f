from odoo import api, models

from odoo.addons.account.models.chart_template import template

# Social services are VAT exempt under momsloven § 13, stk. 1, nr. 2, which
# implements Directive 2006/112/EC art. 132(1)(g): the Danish chart's exempt
# sales tax says so to e-invoicing (category E, reason code VATEX-EU-132-1G).
EXEMPT_SALES_TAX = "tax_smf"
EXEMPT_SALES_TAX_EDI = {
    "ubl_cii_tax_category_code": "E",
    "ubl_cii_tax_exemption_reason_code": "VATEX-EU-132-1G",
}


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @template("dk", "account.tax")
    def _get_dk_social_enterprise_account_tax(self):
        return {EXEMPT_SALES_TAX: dict(EXEMPT_SALES_TAX_EDI)}

    @api.model
    def _social_set_exempt_tax_edi_codes(self):
        """Companies that already have the Danish chart when the addon is
        installed: give their exempt sales tax the e-invoicing codes, unless an
        accountant chose others."""
        for company in self.env["res.company"].search([("chart_template", "=", "dk")]):
            tax = self.with_company(company).ref(
                EXEMPT_SALES_TAX, raise_if_not_found=False
            )
            if tax and not tax.ubl_cii_tax_category_code:
                tax.write(EXEMPT_SALES_TAX_EDI)
