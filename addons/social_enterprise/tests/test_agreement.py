from datetime import date

from psycopg2.errors import CheckViolation

from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .billing_common import BillingCase


@tagged("post_install", "-at_install")
class TestAgreement(BillingCase):
    """Bad agreements are refused with a message a manager understands."""

    def _price(self, agreement, **vals):
        return self.env["social.agreement.line"].create(
            {
                "agreement_id": agreement.id,
                "scheme_id": self.scheme_103.id,
                "rate_level": "1",
                "unit": "day",
                "price": 580.0,
                "date_from": date(2027, 1, 1),
                **vals,
            }
        )

    def test_agreement_defaults(self):
        self.assertEqual(
            self.agreement.scheme_ids,
            self.scheme_103 | self.scheme_104 | self.scheme_mentor,
        )
        self.assertEqual(self.agreement.invoice_partner_id, self.municipality)
        self.assertEqual(self.agreement.billing_basis, "calendar")
        self.assertEqual(self.agreement.billing_timing, "arrears")
        self.assertEqual(self.agreement._part_time_factor(3), 85.0)
        new = self.env["social.agreement"].create(
            {"name": "Ny", "municipality_id": self.municipality_b.id}
        )
        # VAT-exempt social services by default (the Danish chart's exempt tax).
        self.assertEqual(new.tax_ids, self.exempt_tax)
        self.assertTrue(new.payment_term_id)

    def test_overlapping_prices_refused(self):
        self.agreement.line_ids.filtered(
            lambda line: line.scheme_id == self.scheme_103 and line.rate_level == "1"
        ).date_to = date(2026, 12, 31)
        self._price(self.agreement)  # follows on: fine
        with (
            self.assertRaisesRegex(ValidationError, "two prices .* valid at the same"),
            self.cr.savepoint(),
        ):
            self._price(self.agreement, date_from=date(2027, 6, 1), price=600.0)
        # Through the form too (the prices tab).
        with (
            self.assertRaisesRegex(ValidationError, "two prices"),
            self.cr.savepoint(),
        ):
            self.agreement.write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "scheme_id": self.scheme_104.id,
                                "rate_level": "1",
                                "unit": "day",
                                "price": 1.0,
                                "date_from": date(2026, 1, 1),
                            }
                        )
                    ]
                }
            )
        # A price for one level and one for all levels do not clash.
        self._price(self.agreement, rate_level=False, date_from=date(2020, 1, 1))

    def test_prices_change_on_month_boundaries(self):
        with (
            self.assertRaisesRegex(ValidationError, "first day of a month"),
            self.cr.savepoint(),
        ):
            self._price(
                self.agreement_b,
                scheme_id=self.scheme_103.id,
                date_from=date(2027, 1, 15),
            )
        with (
            self.assertRaisesRegex(ValidationError, "last day of a month"),
            self.cr.savepoint(),
        ):
            self._price(
                self.agreement_b,
                date_from=date(2027, 1, 1),
                date_to=date(2027, 2, 27),
            )

    @mute_logger("odoo.sql_db")
    def test_negative_price_and_reversed_dates(self):
        with self.assertRaises(CheckViolation), self.cr.savepoint():
            self._price(self.agreement_b, price=-1.0)
        with self.assertRaises(CheckViolation), self.cr.savepoint():
            self._price(
                self.agreement_b, date_from=date(2027, 2, 1), date_to=date(2027, 1, 31)
            )

    def test_one_agreement_per_municipality_and_scheme(self):
        with (
            self.assertRaisesRegex(ValidationError, "already pays for .*§103"),
            self.cr.savepoint(),
        ):
            self._agreement(
                self.municipality, [(self.scheme_103, "1", "day", 600.0)], name="Dublet"
            )
        # Another municipality may buy the same scheme.
        self._agreement(
            self.municipality_b, [(self.scheme_103, "1", "day", 600.0)], name="Andet"
        )

    @mute_logger("odoo.sql_db")
    def test_part_time_factors(self):
        with (
            self.assertRaisesRegex(ValidationError, "overlap"),
            self.cr.savepoint(),
        ):
            self.agreement.write(
                {
                    "factor_ids": [
                        Command.create({"min_days": 2, "max_days": 3, "percent": 70.0})
                    ]
                }
            )
        with self.assertRaises(CheckViolation), self.cr.savepoint():
            self.agreement_b.write(
                {
                    "factor_ids": [
                        Command.create({"min_days": 1, "max_days": 2, "percent": 120.0})
                    ]
                }
            )

    def test_ean_required(self):
        unit = self.env["res.partner"].create(
            {"name": "Jobcenter uden EAN", "parent_id": self.municipality_b.id}
        )
        with (
            self.assertRaisesRegex(ValidationError, "requires an EAN number"),
            self.cr.savepoint(),
        ):
            self.agreement_b.invoice_partner_id = unit
        self.agreement_b.write({"require_ean": False, "invoice_partner_id": unit.id})
        self.assertEqual(self.agreement_b.invoice_partner_id, unit)

    def test_no_cpr_as_order_number(self):
        with (
            self.assertRaisesRegex(ValidationError, "looks like a CPR number"),
            self.cr.savepoint(),
        ):
            self.agreement.order_ref = "010190-1234"

    def test_form_fills_the_ean_unit(self):
        with Form(self.env["social.agreement"]) as form:
            form.name = "Via formular"
            form.municipality_id = self.municipality_b
            self.assertEqual(form.invoice_partner_id, self.municipality_b)
            with form.line_ids.new() as line:
                line.scheme_id = self.scheme_104
                line.unit = "month"
                line.price = 20000.0
                line.date_from = date(2026, 1, 1)
        agreement = form.record
        self.assertEqual(agreement.scheme_ids, self.scheme_104)
        self.assertEqual(
            agreement.line_ids.product_id,
            self.env.ref("social_enterprise.product_product_social_service"),
        )
