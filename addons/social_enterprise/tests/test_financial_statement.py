import io
import re
from datetime import date

import openpyxl

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from ..tools import financial
from .billing_common import BillingCase

NOV = date(2026, 11, 1)
FROM, TO = date(2026, 10, 1), date(2026, 12, 31)


@tagged("post_install", "-at_install")
class TestFinancialStatement(BillingCase):
    """The statement's figures equal sums over the journal items its drill-down
    opens; its xlsx recomputes; it never shows a person."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.commercial = ref("social_enterprise.account_analytic_account_commercial")
        cls.person = cls._person("Target Person")
        cls.placement = cls._placement(cls.person)
        run = cls._run(NOV)
        run.action_compute()
        cls.municipal_moves = run.action_create_invoices()
        cls.municipal_moves.action_post()
        cls.sale = cls.init_invoice(
            "out_invoice", amounts=[1000.0], invoice_date=NOV, post=False
        )
        cls.sale.invoice_line_ids.analytic_distribution = {
            str(cls.commercial.id): 100.0
        }
        cls.sale.action_post()
        cls.untagged = cls.init_invoice(
            "out_invoice", amounts=[300.0], invoice_date=NOV, post=True
        )
        cls.staff = cls._person("Staff Person")
        cls.Account = cls.env["account.account"].with_company(cls.company)
        cls.wages = cls._wages(
            [(cls.person, 20000.0), (cls.staff, 15000.0), (None, 5000.0)], NOV
        )

    @classmethod
    def _wages(cls, amounts, day):
        chart = cls.env["account.chart.template"].with_company(cls.company)
        wage_account = chart.ref("dk_coa_2845")
        payable = chart.ref("dk_coa_7860")
        move = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "date": day,
                "journal_id": cls.company_data["default_journal_misc"].id,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": wage_account.id,
                            "partner_id": employee.work_contact_id.id
                            if employee
                            else False,
                            "debit": amount,
                            "name": "Løn",
                        }
                    )
                    for employee, amount in amounts
                ]
                + [
                    Command.create(
                        {
                            "account_id": payable.id,
                            "credit": sum(a for _e, a in amounts),
                            "name": "Løn",
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _statement(self):
        return self.env["social.financial.statement"]._get_statement_data(
            self.company, FROM, TO
        )

    def _rows(self, data, section):
        return {
            r["key"]: r
            for s in data["sections"]
            if s["key"] == section
            for r in s["rows"]
        }

    def _items_sum(self, domain, sign=1.0):
        lines = self.env["account.move.line"].search(domain)
        return round(sign * sum(lines.mapped("balance")), 2)

    def test_revenue_equals_the_journal_items(self):
        data = self._statement()
        rows = self._rows(data, "revenue")
        income = self.env["account.move.line"].search(
            [
                ("company_id", "=", self.company.id),
                ("parent_state", "=", "posted"),
                ("date", ">=", FROM),
                ("date", "<=", TO),
                ("account_id.account_type", "in", ("income", "income_other")),
            ]
        )
        municipal = -sum(
            income.filtered(lambda x: x.move_id in self.municipal_moves).mapped(
                "balance"
            )
        )
        self.assertGreater(municipal, 0)
        self.assertAlmostEqual(sum(rows["social_service"]["values"]), municipal)
        self.assertAlmostEqual(sum(rows["commercial"]["values"]), 1000.0)
        self.assertAlmostEqual(sum(rows["unassigned"]["values"]), 300.0)
        self.assertAlmostEqual(sum(rows["wage_subsidy"]["values"]), 0.0)
        total = sum(sum(r["values"]) for r in rows.values())
        self.assertAlmostEqual(total, -sum(income.mapped("balance")))
        for row in rows.values():
            self.assertAlmostEqual(
                sum(row["values"]), self._items_sum(row["domain"], -1.0), 2
            )
        # November is the third month column.
        self.assertEqual(data["months"], [FROM, date(2026, 11, 1), date(2026, 12, 1)])
        self.assertAlmostEqual(rows["commercial"]["values"][1], 1000.0)
        social = self._rows(data, "social_services")
        self.assertEqual(len(social), 1)
        (row,) = social.values()
        self.assertIn(self.municipality.name, row["label"])
        self.assertAlmostEqual(sum(row["values"]), municipal)
        self.assertAlmostEqual(self._items_sum(row["domain"], -1.0), municipal, 2)

    def test_costs_split_target_group_and_staff(self):
        data = self._statement()
        rows = self._rows(data, "costs")
        self.assertAlmostEqual(
            sum(rows[f"wages_{self.scheme_103.id}"]["values"]), 20000.0
        )
        self.assertAlmostEqual(sum(rows["wages_staff"]["values"]), 15000.0)
        self.assertAlmostEqual(sum(rows["wages_other"]["values"]), 5000.0)
        for row in rows.values():
            self.assertAlmostEqual(
                sum(row["values"]), self._items_sum(row["domain"]), 2
            )
        revenue = financial.column_totals(self._rows(data, "revenue").values(), 3)
        costs = financial.column_totals(rows.values(), 3)
        self.assertEqual(
            data["result"]["values"],
            [r - c for r, c in zip(revenue, costs, strict=False)],
        )
        notes = data["notes"]
        # The 30 % test counts workers only: the §103 participant is no worker.
        self.assertEqual(notes["target_group"], 0)
        self.assertEqual(notes["share"], financial.share(0, notes["employees"]))
        self.assertEqual(notes["reserved_schemes"], "")

    def _download(self, user):
        self.env.invalidate_all()
        wizard = (
            self.env["social.financial.statement.wizard"]
            .with_user(user)
            .create({"company_id": self.company.id, "date_from": FROM, "date_to": TO})
        )
        action = wizard.action_download_xlsx()
        content = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(action["report_name"], wizard.ids, None)[0]
        )
        return (
            openpyxl.load_workbook(io.BytesIO(content)).active,
            openpyxl.load_workbook(io.BytesIO(content), data_only=True).active,
        )

    def test_xlsx_totals_are_formulas_that_recompute(self):
        self.company.name = '=HYPERLINK("http://x")'
        formulas, values = self._download(self.user_accountant)
        sums = 0
        for row in formulas.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                match = re.fullmatch(r"=SUM\(([A-Z]+\d+):([A-Z]+\d+)\)", cell.value)
                if not match:
                    continue
                sums += 1
                total = sum(
                    c.value or 0
                    for r in values[match.group(1) : match.group(2)]
                    for c in r
                )
                self.assertAlmostEqual(
                    total, values[cell.coordinate].value, 2, cell.coordinate
                )
        self.assertGreater(sums, 10)
        # The revenue total of the period equals the computed one.
        data = self._statement()
        revenue = sum(sum(r["values"]) for r in self._rows(data, "revenue").values())
        labels = {
            r[0].value: r for r in values.iter_rows() if isinstance(r[0].value, str)
        }
        self.assertAlmostEqual(labels["Total revenue"][4].value, revenue, 2)
        self.assertEqual(formulas["B2"].data_type, "s")
        self.assertEqual(formulas["B2"].value, '\'=HYPERLINK("http://x")')
        self.assertEqual(formulas["B3"].number_format, "dd-mm-yyyy")
        self.assertEqual(labels["Total revenue"][4].number_format, "#,##0.00")
        texts = " ".join(
            str(c.value) for r in formulas.iter_rows() for c in r if c.value
        )
        for name in ("Target Person", "Staff Person"):
            self.assertNotIn(name, texts)

    def test_drill_down_opens_the_journal_items(self):
        wizard = self.env["social.financial.statement.wizard"].create(
            {"company_id": self.company.id, "date_from": FROM, "date_to": TO}
        )
        action = wizard.action_open_lines()
        lines = self.env[action["res_model"]].search(action["domain"])
        self.assertTrue(lines)
        for line in lines:
            items = line.action_open_journal_items()
            self.assertEqual(items["res_model"], "account.move.line")
            moves = self.env["account.move.line"].search(items["domain"])
            self.assertTrue(moves)
            sign = (
                -1.0
                if "revenue" in line.section.lower()
                or "social" in (line.section.lower())
                else 1.0
            )
            self.assertAlmostEqual(
                abs(sum(moves.mapped("balance"))), abs(line.amount), 2, line.name
            )
            del sign

    def test_query_count_does_not_grow_with_data(self):
        def count():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._statement()
            return self.env.cr.sql_log_count - before

        count()  # warm the registry caches (access rules, translations)
        first = count()
        more = [(self._person(), 100.0 + i) for i in range(10)]
        for person, _amount in more[:5]:
            self._placement(person, scheme_id=self.scheme_104.id)
        self._wages(more, date(2026, 12, 1))
        self.init_invoice("out_invoice", amounts=[50.0] * 8, invoice_date=TO, post=True)
        self.assertEqual(count(), first)
        self.assertLessEqual(first, 30)

    def test_coordinator_and_supervisor_are_denied(self):
        for user in (self.user_coordinator, self.user_supervisor):
            self.env.invalidate_all()
            with self.assertRaises(AccessError):
                self.env["social.financial.statement.wizard"].with_user(user).create(
                    {"date_from": FROM, "date_to": TO}
                )
        self.env.invalidate_all()
        formulas, _values = self._download(self.user_se_manager)
        self.assertTrue(formulas["A1"].value)
