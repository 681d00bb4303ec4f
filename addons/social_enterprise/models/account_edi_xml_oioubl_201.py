from odoo import models

# VAT exemption reasons (UBL/Peppol VATEX codes) that the Danish VAT Act names.
# OIOUBL 2.01 has no VATEX code list, so the export keeps the category (E, exempt:
# ZeroRated in OIOUBL's own list) and says the reason in words.
DK_EXEMPTION_REASONS = {
    # Directive 2006/112/EC art. 132(1)(g) = momsloven § 13, stk. 1, nr. 2:
    # social services (social forsorg og social sikring).
    "VATEX-EU-132-1G": "social_services",
}


class AccountEdiXmlOioubl201(models.AbstractModel):
    _inherit = "account.edi.xml.oioubl_201"

    def _add_invoice_accounting_customer_party_nodes(self, document_node, vals):
        """The buyer's personreference instead of Odoo's internal partner id."""
        res = super()._add_invoice_accounting_customer_party_nodes(document_node, vals)
        reference = vals["invoice"].social_personreference
        if reference:
            party = document_node["cac:AccountingCustomerParty"]["cac:Party"]
            party["cac:Contact"]["cbc:ID"] = {"_text": reference}
        return res

    def _get_uom_unece_code(self, uom):
        """Core reads the unit's XML id once an invoice line; a billing run
        exports thousands of lines in a handful of units: once a unit and
        transaction (the cursor's cache)."""
        codes = self.env.cr.cache.setdefault("social_enterprise_unece_codes", {})
        if uom.id not in codes:
            codes[uom.id] = super()._get_uom_unece_code(uom)
        return codes[uom.id]

    def _get_tax_category_node(self, vals):
        """VAT-exempt social services: category E (OIOUBL ZeroRated) with the
        Danish legal reason, ML § 13, stk. 1, nr. 2."""
        node = super()._get_tax_category_node(vals)
        code = vals["grouping_key"].get("tax_exemption_reason_code")
        if DK_EXEMPTION_REASONS.get(code) == "social_services":
            node["cbc:TaxExemptionReasonCode"] = None
            node["cbc:TaxExemptionReason"] = {
                "_text": (vals.get("invoice") or self).env._(
                    "VAT exempt social services, Danish VAT Act (momsloven) "
                    "section 13(1)(2)"
                )
            }
        return node
