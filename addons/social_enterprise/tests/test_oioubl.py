"""OIOUBL invoices a Danish municipality accepts as they are.

Nemhandel's official OIOUBL schematron (release 1.17.2, May 2026, mirrored in the
public repository phax/phive-rules as ``OIOUBL_Schematron_2026-05-01_v1.17.2.*.zip``)
is XSLT 2.0: lxml runs XSLT 1.0 only, so the full check runs where Saxon's Python
package ``saxonche`` is installed and the release is unpacked in the folder named by
``OIOUBL_SCHEMATRON_DIR`` (``Stylesheets/OIOUBL_Invoice_Schematron.xsl``); otherwise
it is skipped with that reason. OIOUBL 2.01 documents use the UBL 2.0 schemas
unchanged; the invoice is validated against them with lxml where they are unpacked in
the folder named by ``UBL20_XSD_DIR`` (``maindoc/UBL-Invoice-2.0.xsd``, e.g. from the
public repository phax/ph-ubl, ``ph-ubl20/src/main/resources/external/schemas/ubl20``;
1.7 MB, so not shipped here). The rules that decide whether a municipality takes the
invoice (buyer routing, VAT category, address) are asserted here directly.
"""

import os
from datetime import date

from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .billing_common import BillingCase

NOV = date(2026, 11, 1)
NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


@tagged("post_install", "-at_install")
class TestOioubl(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement.personreference = "TESTRUP-JOB-4711"
        cls.placement = cls._placement()

    def _export(self, move):
        xml, errors = self.env["account.edi.xml.oioubl_201"]._export_invoice(move)
        self.assertFalse(errors)
        return etree.fromstring(xml)

    def _invoice(self):
        run, moves = self._bill(NOV)
        return moves.filtered(lambda m: m.partner_id == self.municipality)

    def test_personreference_is_the_buyer_contact_id(self):
        invoice = self._invoice()
        self.assertEqual(invoice.social_personreference, "TESTRUP-JOB-4711")
        invoice.action_post()
        tree = self._export(invoice)
        contact_id = tree.xpath(
            "/*/cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ID/text()",
            namespaces=NS,
        )
        self.assertEqual(contact_id, ["TESTRUP-JOB-4711"])
        self.assertNotIn(str(self.municipality.id), contact_id)

    def test_social_services_are_vat_exempt_under_ml_13(self):
        # The Danish chart's exempt sales tax says so to e-invoicing: category E
        # (exempt), reason Directive art. 132(1)(g) = momsloven § 13, stk. 1, nr. 2.
        self.assertEqual(self.exempt_tax.ubl_cii_tax_category_code, "E")
        self.assertEqual(
            self.exempt_tax.ubl_cii_tax_exemption_reason_code, "VATEX-EU-132-1G"
        )
        invoice = self._invoice()
        # 30 days of November at 557 kr (§103 level 1, full time) = 16,710 kr.
        self.assertEqual(invoice.amount_untaxed, 16710.0)
        self.assertEqual(invoice.amount_tax, 0.0)
        invoice.action_post()
        tree = self._export(invoice)
        categories = tree.xpath(
            "/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory", namespaces=NS
        )
        self.assertEqual(len(categories), 1)
        category = categories[0]
        # OIOUBL's own code for an exempt sale (it has no "E" in its code list).
        self.assertEqual(category.findtext("cbc:ID", namespaces=NS), "ZeroRated")
        # In the buyer's language: English or Danish.
        self.assertRegex(
            category.findtext("cbc:TaxExemptionReason", namespaces=NS),
            r"section 13\(1\)\(2\)|§ 13, stk\. 1, nr\. 2",
        )
        # VATEX codes are Peppol's, not in OIOUBL's exemption code list.
        self.assertIsNone(category.find("cbc:TaxExemptionReasonCode", namespaces=NS))
        self.assertEqual(
            tree.xpath("/*/cac:TaxTotal/cbc:TaxAmount/text()", namespaces=NS),
            ["0.00"],
        )

    def test_unit_codes_are_looked_up_once_a_unit(self):
        """UN/ECE unit codes by the unit's XML id, read once a unit and
        transaction: a run's thousands of lines cost no query each."""
        edi = self.env["account.edi.xml.oioubl_201"]
        day = self.env.ref("uom.product_uom_day")
        unit = self.env.ref("uom.product_uom_unit")
        self.assertEqual(edi._get_uom_unece_code(day), "DAY")
        self.assertEqual(edi._get_uom_unece_code(unit), "C62")
        self.assertEqual(edi._get_uom_unece_code(unit.browse()), "C62")
        with self.assertQueryCount(0):
            self.assertEqual(edi._get_uom_unece_code(day), "DAY")
            self.assertEqual(edi._get_uom_unece_code(unit), "C62")

    def test_preview_refuses_a_municipality_the_oioubl_would_reject(self):
        # The CVR number also sets the Peppol endpoint: keep it, break the address.
        self.municipality.write({"street": "Rådhuspladsen", "zip": False})
        run = self._run(NOV)
        run.action_compute()
        self.assertFalse(
            run.line_ids.filtered(lambda line: line.placement_id == self.placement)
        )
        self.assertIn("OIOUBL invoice to Testrup Kommune would be refused", run.summary)
        self.assertIn("street and building number, postcode missing", run.summary)
        self.assertNotIn("city", run.summary)

    def test_missing_parts_are_named(self):
        self.assertEqual(self.agreement._get_oioubl_missing(), [])
        self.municipality.write({"zip": False, "city": False})
        self.assertEqual(self.agreement._get_oioubl_missing(), ["postcode", "city"])
        self.agreement.require_ean = False
        self.municipality.write({"vat": False, "peppol_endpoint": False})
        self.assertEqual(
            self.agreement._get_oioubl_missing(),
            ["postcode", "city", "CVR number (Tax ID)"],
        )

    def test_personreference_is_never_a_cpr_number(self):
        with self.assertRaisesRegex(ValidationError, "looks like a CPR number"):
            self.agreement.personreference = "010190-1234"

    def test_ubl_20_schema(self):
        folder = os.environ.get("UBL20_XSD_DIR")
        xsd = folder and os.path.join(folder, "maindoc", "UBL-Invoice-2.0.xsd")
        if not xsd or not os.path.exists(xsd):
            self.skipTest(
                "the UBL 2.0 schemas of OIOUBL 2.01 are not unpacked here: set "
                "UBL20_XSD_DIR to a folder with maindoc/UBL-Invoice-2.0.xsd"
            )
        schema = etree.XMLSchema(etree.parse(xsd))
        invoice = self._invoice()
        invoice.action_post()
        tree = self._export(invoice)
        self.assertTrue(schema.validate(tree), schema.error_log)

    def test_official_schematron(self):
        folder = os.environ.get("OIOUBL_SCHEMATRON_DIR")
        stylesheet = folder and os.path.join(
            folder, "Stylesheets", "OIOUBL_Invoice_Schematron.xsl"
        )
        if not stylesheet or not os.path.exists(stylesheet):
            self.skipTest(
                "Nemhandel's OIOUBL schematron is not unpacked here: set "
                "OIOUBL_SCHEMATRON_DIR to the release 1.17.2 zip's folder "
                "(github.com/phax/phive-rules, phive-rules-oioubl/docs)"
            )
        try:
            from saxonche import PySaxonProcessor
        except ImportError:
            self.skipTest(
                "the official OIOUBL schematron is XSLT 2.0, which lxml (XSLT 1.0) "
                "cannot run: install saxonche to run it"
            )
        invoice = self._invoice()
        invoice.action_post()
        xml, errors = self.env["account.edi.xml.oioubl_201"]._export_invoice(invoice)
        self.assertFalse(errors)
        with PySaxonProcessor(license=False) as processor:
            xslt = processor.new_xslt30_processor()
            executable = xslt.compile_stylesheet(stylesheet_file=stylesheet)
            document = processor.parse_xml(xml_text=xml.decode())
            result = executable.transform_to_string(xdm_node=document)
        report = etree.fromstring(result.encode())
        failures = [
            error.findtext("Description") or etree.tostring(error).decode()
            for error in report.iter("Error")
        ]
        self.assertEqual(failures, [])
