from datetime import date

from odoo.fields import Command
from odoo.tests import Form, tagged

from .billing_common import BillingCase


@tagged("post_install", "-at_install")
class TestRevenueStreams(BillingCase):
    """The four money flows are an analytic plan, set on every line this addon
    creates and, from product categories, on ordinary sales."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.plan = ref("social_enterprise.account_analytic_plan_revenue_streams")
        cls.commercial = ref("social_enterprise.account_analytic_account_commercial")
        cls.social = ref("social_enterprise.account_analytic_account_social_service")
        cls.category = cls.env["product.category"].create(
            {"name": "Børster", "revenue_analytic_account_id": cls.commercial.id}
        )
        cls.subcategory = cls.env["product.category"].create(
            {"name": "Opvaskebørster", "parent_id": cls.category.id}
        )
        cls.brush = cls._create_product(
            name="Opvaskebørste", lst_price=89.0, categ_id=cls.subcategory.id
        )

    def test_plan_and_accounts_are_shipped(self):
        streams = self.plan.account_ids
        self.assertEqual(
            sorted(streams.mapped("revenue_stream")),
            ["commercial", "grant", "social_service", "wage_subsidy"],
        )
        self.assertFalse(streams.company_id)  # shared by all companies
        Account = self.env["account.analytic.account"]
        self.assertEqual(
            Account._get_revenue_stream_account("social_service", self.company),
            self.social,
        )
        self.assertFalse(Account._get_revenue_stream_account("none", self.company))

    def test_ordinary_sale_gets_the_category_stream(self):
        with Form(
            self.env["account.move"].with_context(default_move_type="out_invoice")
        ) as form:
            form.partner_id = self.partner_a
            form.invoice_date = date(2026, 11, 3)
            with form.invoice_line_ids.new() as line:
                line.product_id = self.brush
                line.quantity = 10
        invoice = form.record
        line = invoice.invoice_line_ids
        self.assertEqual(line.analytic_distribution, {str(self.commercial.id): 100.0})
        # Posted, the sale appears under its stream in the analytic ledger.
        invoice.action_post()
        column = self.plan._column_name()
        analytic = line.analytic_line_ids
        self.assertEqual(analytic[column], self.commercial)
        self.assertEqual(analytic.amount, line.price_subtotal)

    def test_created_lines_and_purchases(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.partner_a.id,
                "invoice_date": date(2026, 11, 3),
                "invoice_line_ids": [
                    Command.create({"product_id": self.brush.id, "quantity": 2}),
                    Command.create({"product_id": self.product_a.id, "quantity": 1}),
                ],
            }
        )
        brush_line, other_line = invoice.invoice_line_ids
        self.assertEqual(
            brush_line.analytic_distribution, {str(self.commercial.id): 100.0}
        )
        self.assertFalse(other_line.analytic_distribution)
        bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.partner_a.id,
                "invoice_date": date(2026, 11, 3),
                "invoice_line_ids": [
                    Command.create({"product_id": self.brush.id, "quantity": 2})
                ],
            }
        )
        self.assertFalse(bill.invoice_line_ids.analytic_distribution)

    def test_municipal_invoice_lines_are_social_services(self):
        self._placement()
        _run, moves = self._bill(date(2026, 11, 1))
        self.assertEqual(
            set(map(str, moves.invoice_line_ids.mapped("analytic_distribution"))),
            {str({str(self.social.id): 100.0})},
        )
