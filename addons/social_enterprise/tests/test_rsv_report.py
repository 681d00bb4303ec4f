import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .billing_common import BillingCase


@tagged("post_install", "-at_install")
class TestRsvReport(BillingCase):
    """RSV annual notes: the return calculation, the drafted statement, the xlsx and
    PDF, and that only managers see them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls._person("Rsv Person")
        cls.placement = cls._placement(cls.person, date_start=date(2025, 3, 1))
        cls._attend(cls.person, [date(2025, 3, 3), date(2025, 3, 4)], hours=4.0)
        cls.report = cls.env["social.rsv.report"].create(
            {
                "company_id": cls.company.id,
                "fiscal_year": 2025,
                "paid_in_capital": 400000.0,
                "dividends": 20000.0,
                "other_distributions": 4000.0,
                "return_cap_percent": 5.0,
                "line_ids": [
                    Command.create(
                        {"kind": "remuneration", "body": "board", "amount": 30000.0}
                    ),
                    Command.create(
                        {
                            "kind": "remuneration",
                            "body": "executive",
                            "party": "=cmd|' /C calc'!A0",
                            "amount": 550000.0,
                        }
                    ),
                    Command.create(
                        {
                            "kind": "related_party",
                            "party": "Fonden Børstehuset",
                            "nature": "Lease of the workshop",
                            "amount": 120000.0,
                            "terms": "Market rent",
                        }
                    ),
                ],
            }
        )

    def test_return_on_capital(self):
        self.assertEqual(self.report.distributions_total, 24000.0)
        self.assertEqual(self.report.return_percent, 6.0)
        self.assertTrue(self.report.cap_exceeded)
        self.report.return_cap_percent = 8.0
        self.assertFalse(self.report.cap_exceeded)
        self.assertEqual(len(self.report.remuneration_ids), 2)
        self.assertEqual(len(self.report.related_party_ids), 1)

    def test_one_report_per_company_and_year(self):
        with (
            self.assertRaisesRegex(Exception, "social_rsv_report_company_year_unique"),
            self.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            self.env["social.rsv.report"].create(
                {"company_id": self.company.id, "fiscal_year": 2025}
            )

    def test_statement_is_drafted_from_impact_numbers(self):
        self.report.action_draft_statement()
        text = self.report.purpose_statement
        self.assertIn("2025", text)
        self.assertIn(self.scheme_103.name, text)
        self.assertIn("8", text)  # attended hours
        self.assertNotIn("Rsv Person", text)
        self.report.purpose_statement = text + "\n\nEdited by the manager."
        self.assertIn("Edited", self.report.purpose_statement)

    def test_statement_drafted_on_creation(self):
        """New notes open with a drafted statement; a statement given is kept."""
        self.assertIn("2025", self.report.purpose_statement)
        self.assertIn(self.scheme_103.name, self.report.purpose_statement)
        given = self.env["social.rsv.report"].create(
            {
                "company_id": self.company.id,
                "fiscal_year": 2024,
                "purpose_statement": "Our own words.",
            }
        )
        self.assertEqual(given.purpose_statement, "Our own words.")

    def test_fiscal_year_without_thousands_separator(self):
        arch = self.env["social.rsv.report"].get_views([(False, "list")])["views"]
        node = arch["list"]["arch"]
        self.assertIn('name="fiscal_year"', node)
        self.assertRegex(node, r'name="fiscal_year"[^>]*options="\{.format.: false\}"')

    def test_xlsx_and_pdf(self):
        self.report.action_draft_statement()
        content = (
            self.env["ir.actions.report"]
            .with_user(self.user_se_manager)
            ._render_xlsx(
                "social_enterprise.action_report_social_rsv_xlsx", self.report.ids, None
            )[0]
        )
        formulas = openpyxl.load_workbook(io.BytesIO(content)).active
        values = openpyxl.load_workbook(io.BytesIO(content), data_only=True).active
        cells = {c.value: c for r in formulas.iter_rows() for c in r if c.value}
        injected = cells["'=cmd|' /C calc'!A0"]
        self.assertEqual(injected.data_type, "s")
        sums = [
            c
            for r in formulas.iter_rows()
            for c in r
            if c.data_type == "f" and c.value.startswith("=SUM(")
        ]
        self.assertEqual(len(sums), 3)
        self.assertEqual(values[sums[0].coordinate].value, 580000.0)
        self.assertEqual(sums[0].number_format, "#,##0.00")
        html = self.env["ir.actions.report"]._render_qweb_html(
            "social_enterprise.report_social_rsv", self.report.ids
        )[0]
        self.assertIn(b"Fonden B", html)

    def test_only_managers(self):
        for user in (self.user_coordinator, self.user_supervisor, self.user_accountant):
            self.env.invalidate_all()
            with self.assertRaises(AccessError):
                self.report.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.env["social.rsv.report"].with_user(user).create(
                    {"company_id": self.company.id, "fiscal_year": 2024}
                )
