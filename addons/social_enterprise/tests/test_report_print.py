import doctest
import io
from datetime import date, datetime, timedelta

import openpyxl
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import BaseCase, HttpCase

from ..tools import impact, xlsx_style
from .common import SocialEnterpriseCase

PERIOD = (date(2026, 1, 1), date(2026, 6, 30))
IMPACT_XLSX = "social_enterprise.action_report_social_impact_xlsx"
IMPACT_PDF = "social_enterprise.action_report_social_impact"
RSV_XLSX = "social_enterprise.action_report_social_rsv_xlsx"
RSV_PDF = "social_enterprise.action_report_social_rsv"
FINANCIAL_XLSX = "social_enterprise.action_report_social_financial_statement_xlsx"
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@tagged("post_install", "-at_install")
class TestXlsxStyle(BaseCase):
    def test_doctests(self):
        result = doctest.testmod(xlsx_style)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)


class ReportCase(SocialEnterpriseCase):
    """Six people on one scheme in the municipality, 4 hours on ten Mondays each
    (6 x 10 x 4 = 240 attended hours), and RSV notes with known amounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        people = cls.env["hr.employee"].create(
            [{"name": f"Print Person {i}"} for i in range(6)]
        )
        placements = cls.Placement
        for person in people:
            placements |= cls._placement(
                employee_id=person.id, date_start=date(2025, 9, 1)
            )
        placements.action_activate()
        cls.env["hr.attendance"].create(
            [
                {
                    "employee_id": person.id,
                    # 06:00-10:00 UTC: before the lunch break in winter and summer time.
                    "check_in": datetime(2026, 3, 2, 6) + timedelta(days=7 * week),
                    "check_out": datetime(2026, 3, 2, 10) + timedelta(days=7 * week),
                }
                for person in people
                for week in range(10)
            ]
        )
        cls.rsv = cls.env["social.rsv.report"].create(
            {
                "fiscal_year": 2031,
                "paid_in_capital": 400000.0,
                "dividends": 20000.0,
                "other_distributions": 4000.0,
                "line_ids": [
                    Command.create(
                        {"kind": "remuneration", "body": "board", "amount": 30000.0}
                    ),
                    Command.create(
                        {
                            "kind": "related_party",
                            "party": "Fonden Børstehuset",
                            "nature": "Lease of the workshop",
                            "amount": 120000.0,
                        }
                    ),
                ],
            }
        )
        cls.user_auditor = new_test_user(
            cls.env, login="se_auditor", groups="account.group_account_readonly"
        )

    def _wizard(self, user):
        return (
            self.env["social.impact.report.wizard"]
            .with_user(user)
            .create(
                {
                    "municipality_id": self.municipality.id,
                    "date_from": PERIOD[0],
                    "date_to": PERIOD[1],
                }
            )
        )

    def _report_data(self):
        return self.env["social.impact.report"]._get_report_data(
            self.municipality, *PERIOD
        )


@tagged("post_install", "-at_install")
class TestReportXlsx(ReportCase):
    """The xlsx reports print through their report actions (OCA report_xlsx) with
    the printing user's rights, and hold the report's numbers."""

    def _render(self, user, report_ref, records):
        self.env.invalidate_all()
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(report_ref, records.ids, None)
        )
        self.assertEqual(kind, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content)).active

    def test_impact_xlsx_holds_the_report_numbers(self):
        wizard = self._wizard(self.user_coordinator)
        action = wizard.action_download_xlsx()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_type"], "xlsx")
        sheet = self._render(self.user_coordinator, action["report_name"], wizard)
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
        self.assertEqual(rows[1][:2], ["Municipality", "Test Kommune"])
        self.assertEqual(rows[2][1:3], [datetime(2026, 1, 1), datetime(2026, 6, 30)])
        labels = [row[0] for row in rows]
        data = self._report_data()
        self.assertTrue(data["tables"])
        for table in data["tables"]:
            header = labels.index(table["title"]) + 1
            self.assertEqual(
                rows[header][1 : len(table["columns"]) + 1],
                [column["label"] for column in table["columns"]],
            )
            lines = table["rows"] + ([table["total"]] if table.get("total") else [])
            for offset, line in enumerate(lines, header + 1):
                self.assertEqual(rows[offset][0], line["label"])
                for col, column in enumerate(table["columns"], 1):
                    value = line["values"].get(column["key"], "")
                    if value is None:
                        self.assertEqual(rows[offset][col], impact.SUPPRESSED)
                    elif isinstance(value, int | float) and not isinstance(value, bool):
                        self.assertAlmostEqual(rows[offset][col], value, places=6)
        # The worked example: 6 people x 10 Mondays x 4 hours = 240 attended hours.
        attendance = next(t for t in data["tables"] if t["key"] == "attendance")
        self.assertEqual(attendance["total"]["values"]["attended_hours"], 240.0)

    def test_people_without_the_group_cannot_print(self):
        wizard = self._wizard(self.user_coordinator)
        for user in (self.user_supervisor, self.user_plain):
            with self.assertRaises(AccessError, msg=user.login):
                self._render(user, IMPACT_XLSX, wizard)

    def test_rsv_notes_print_with_read_access_only(self):
        auditor = self.user_auditor
        with self.assertRaises(AccessError):
            self.rsv.with_user(auditor).write({"dividends": 0.0})
        sheet = self._render(auditor, RSV_XLSX, self.rsv)
        values = {c.value for row in sheet.iter_rows() for c in row}
        self.assertIn("Fonden Børstehuset", values)
        self.assertIn(30000.0, values)
        self.assertIn(400000.0, values)
        self.env.invalidate_all()
        html = (
            self.env["ir.actions.report"]
            .with_user(auditor)
            ._render_qweb_html(RSV_PDF, self.rsv.ids)[0]
        )
        self.assertIn("Fonden Børstehuset", html.decode())
        for user in (self.user_coordinator, self.user_plain):
            with self.assertRaises(AccessError, msg=user.login):
                self._render(user, RSV_XLSX, self.rsv)

    def test_impact_report_and_statement_are_in_their_print_menus(self):
        """The two reports with parameters print from their page's Print menu (the
        page opens full-screen, not in a dialog, so the menu is there)."""

        def printable(user, model):
            bindings = (
                self.env["ir.actions.actions"].with_user(user).get_bindings(model)
            )
            return {action["id"] for action in bindings.get("report", [])}

        impact_reports = {self.env.ref(IMPACT_PDF).id, self.env.ref(IMPACT_XLSX).id}
        wizard = "social.impact.report.wizard"
        self.assertEqual(printable(self.user_coordinator, wizard), impact_reports)
        self.assertEqual(
            printable(self.user_manager, "social.financial.statement.wizard"),
            {self.env.ref(FINANCIAL_XLSX).id},
        )
        for xmlid in (
            "social_enterprise.social_impact_report_wizard_action",
            "social_enterprise.social_financial_statement_wizard_action",
        ):
            self.assertEqual(self.env.ref(xmlid).target, "current", xmlid)
        # Printed from the menu, the options are checked as from the buttons.
        printed = self._wizard(self.user_coordinator)
        printed.include_names = True
        with self.assertRaisesRegex(UserError, "Names can only be included"):
            self.env["ir.actions.report"].with_user(self.user_coordinator)._render_xlsx(
                IMPACT_XLSX, printed.ids, None
            )

    def test_rsv_notes_are_in_the_print_menu(self):
        def printable(user):
            bindings = (
                self.env["ir.actions.actions"]
                .with_user(user)
                .get_bindings("social.rsv.report")
            )
            return {action["id"] for action in bindings.get("report", [])}

        both = {self.env.ref(RSV_PDF).id, self.env.ref(RSV_XLSX).id}
        self.assertEqual(printable(self.user_manager) & both, both)
        self.assertEqual(printable(self.user_auditor) & both, both)
        self.assertFalse(printable(self.user_coordinator) & both)


@tagged("post_install", "-at_install")
class TestReportPrintMenu(HttpCase):
    def test_impact_report_in_the_print_menu_of_its_page(self):
        coordinator = new_test_user(
            self.env,
            login="se_print_menu_coordinator",
            groups="base.group_user,social_enterprise.social_enterprise_group_user",
        )
        self.env["res.partner"].create(
            {"name": "Print Menu Kommune", "is_company": True, "is_municipality": True}
        )
        action = self.env.ref("social_enterprise.social_impact_report_wizard_action")
        self.start_tour(
            f"/odoo/action-{action.id}",
            "social_enterprise_impact_print_menu",
            login=coordinator.login,
        )


@tagged("post_install", "-at_install")
class TestReportPdf(ReportCase, HttpCase):
    """The PDFs carry embedded fonts with extractable text (wkhtmltopdf draws web
    fonts as paths: the report assets leave them out and use installed fonts)."""

    def _pdf_text(self, user, report_ref, records):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report_ref, records.ids)
        )
        self.assertEqual(kind, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        embedded = set()
        for page in reader.pages:
            fonts = page["/Resources"].get("/Font") or {}
            for font in fonts.values():
                font = font.get_object()
                self.assertNotEqual(font["/Subtype"], "/Type3", font["/BaseFont"])
                descriptor = font.get("/FontDescriptor")
                if font["/Subtype"] == "/Type0":
                    descendant = font["/DescendantFonts"][0].get_object()
                    descriptor = descendant["/FontDescriptor"]
                descriptor = descriptor.get_object()
                if any(key in descriptor for key in FONT_FILES):
                    embedded.add(str(font["/BaseFont"]))
        self.assertTrue(embedded, "the PDF embeds no font: its text is drawn as paths")
        # PyPDF2 separates words by tabs and lines by newlines: compare words.
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    def test_impact_pdf_text_holds_its_figures(self):
        wizard = self._wizard(self.user_coordinator)
        text = self._pdf_text(self.user_coordinator, IMPACT_PDF, wizard)
        self.assertIn("Test Kommune", text)
        self.assertNotIn("Print Person", text)
        shown = []
        for table in self._report_data()["tables"]:
            self.assertIn(table["title"], text)
            for line in table["rows"] + [table.get("total") or {"values": {}}]:
                for column in table["columns"]:
                    value = line["values"].get(column["key"], "")
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        shown.append(wizard._format_cell(value, column["kind"]))
        self.assertIn("240.0", shown, "6 people x 10 x 4 hours")
        for figure in shown:
            self.assertIn(figure, text)

    def test_rsv_pdf_text_holds_its_figures(self):
        text = self._pdf_text(self.user_manager, RSV_PDF, self.rsv)
        for figure in ("30,000.00", "120,000.00", "24,000.00", "400,000.00", "6.00"):
            self.assertIn(figure, text)
        self.assertIn("Fonden Børstehuset", text)
