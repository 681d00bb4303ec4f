from datetime import date

from odoo.tests import Form, tagged

from .billing_common import BillingCase

NOV = date(2026, 11, 1)


@tagged("post_install", "-at_install")
class TestBillingLang(BillingCase):
    """Texts that leave the enterprise are in the receiver's language: a run computed
    by an English-speaking manager gives a Danish municipality Danish invoices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("da_DK")
        cls.env["ir.module.module"]._load_module_terms(
            ["social_enterprise"], ["da_DK"], overwrite=True
        )
        cls.user_se_manager.lang = "en_US"
        cls.person_full = cls._person("Anna Fuldtid")
        cls.p_full = cls._placement(cls.person_full)

    def test_english_manager_danish_invoice(self):
        self.assertEqual(self.municipality._get_document_lang(), "da_DK")
        run = self._run(NOV).with_user(self.user_se_manager)
        run.action_compute()
        line = run.line_ids.filtered(lambda li: li.placement_id == self.p_full)
        # The explanation is written for the municipality, in Danish with Danish
        # dates (1. nov. 2026), not "to" and ISO dates.
        self.assertIn(" til ", line.explanation)
        self.assertNotIn(" to ", line.explanation)
        self.assertNotIn("2026-11-01", line.explanation)
        self.assertIn("pris pr.", line.explanation)
        moves = run.action_create_invoices()
        move = moves.filtered(lambda m: m.partner_id == self.municipality)
        self.assertIn("Pladser og støtte i november 2026", str(move.narration))
        label = move.invoice_line_ids.filtered(
            lambda aml: aml.social_billing_line_id == line
        ).name
        self.assertIn(" til ", label)
        self.assertNotIn("2026-11-01", label)
        for text in (line.explanation, label, str(move.narration)):
            self.assertNotIn(" to ", text)
            self.assertNotIn("under the agreement", text)

    def test_receiver_abroad_keeps_its_language(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Foreign Buyer",
                "lang": "en_US",
                "country_id": self.env.ref("base.se").id,
            }
        )
        self.assertEqual(partner._get_document_lang(), "en_US")

    def test_month_field_shows_the_month_typed(self):
        with Form(
            self.env["social.billing.run"].with_user(self.user_se_manager)
        ) as run:
            run.period_start = date(2026, 11, 17)
            self.assertEqual(run.period_start, date(2026, 11, 1))
        self.assertEqual(run.record.period_start, date(2026, 11, 1))
