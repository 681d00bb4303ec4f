from datetime import date, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .billing_common import CPR, BillingCase, municipal_address

NOV = date(2026, 11, 1)
# Queries of a billing run's computation, whatever the number of placements.
QUERIES = 25  # 23 + authorised and suspended periods (social_billing_run_authorisation)
DEC = date(2026, 12, 1)


@tagged("post_install", "-at_install")
class TestBillingRun(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person_full = cls._person("Anna Fuldtid", ssnid=CPR)
        cls.p_full = cls._placement(cls.person_full)
        cls.p_part2 = cls._placement(rate_level="3", days_per_week=2, weekly_hours=10)
        cls.p_mid = cls._placement(
            scheme_id=cls.scheme_104.id,
            days_per_week=3,
            weekly_hours=15,
            date_start=date(2026, 11, 16),
        )
        cls.p_ending = cls._placement(
            rate_level="2",
            days_per_week=4,
            weekly_hours=20,
            date_end=date(2026, 11, 10),
        )
        cls.p_mentor = cls._placement(
            scheme_id=cls.scheme_mentor.id,
            rate_level=False,
            days_per_week=2,
            weekly_hours=3,
        )
        cls.p_stu = cls._placement(
            scheme_id=cls.scheme_stu.id,
            municipality_id=cls.municipality_b.id,
            case_worker_id=False,
            rate_level=False,
            date_start=date(2026, 11, 10),
        )
        cls.p_stu2 = cls._placement(
            scheme_id=cls.scheme_stu.id,
            municipality_id=cls.municipality_b.id,
            case_worker_id=False,
            rate_level=False,
        )

    def _line(self, run, placement):
        return run.line_ids.filtered(lambda line: line.placement_id == placement)

    def test_preview_explains_quantities_and_prices(self):
        run = self._run(NOV)
        run.action_compute()
        self.assertEqual(run.state, "preview")
        expected = {
            # placement: (quantity, unit price, factor, amount)
            self.p_full: (30, 557.0, 100.0, 16710.0),
            self.p_part2: (30, 142.2, 60.0, 4266.0),  # 60 % of 237 kr
            self.p_mid: (15, 657.05, 85.0, 9855.75),  # from the 16th, 85 % of 773 kr
            self.p_ending: (10, 366.0, 100.0, 3660.0),  # ends on the 10th
            self.p_mentor: (12.6, 350.0, 100.0, 4410.0),  # 21 weekdays × 3 h / 5
            self.p_stu: (0.7, 17500.0, 100.0, 12250.0),  # 21 of 30 days
            self.p_stu2: (1.0, 17500.0, 100.0, 17500.0),
        }
        self.assertEqual(len(run.line_ids), len(expected))
        for placement, (qty, price, factor, amount) in expected.items():
            line = self._line(run, placement)
            self.assertEqual(
                (line.quantity, line.price_unit, line.factor, line.amount),
                (qty, price, factor, amount),
                placement.name,
            )
            self.assertEqual(
                (line.kind, line.revision, line.state), ("regular", 0, "preview")
            )
            self.assertIn("=", line.explanation)
        full = self._line(run, self.p_full)
        self.assertIn("365-day", full.explanation)
        self.assertIn("Calendar days", full.explanation)
        self.assertIn(
            "60.0 % part-time factor (2 days a week)",
            self._line(run, self.p_part2).explanation,
        )
        self.assertIn("Contracted hours", self._line(run, self.p_mentor).explanation)
        self.assertEqual(self._line(run, self.p_mid).date_from, date(2026, 11, 16))
        self.assertEqual(self._line(run, self.p_ending).date_to, date(2026, 11, 10))
        self.assertEqual(run.amount_total, sum(e[3] for e in expected.values()))
        self.assertIn("7 billing lines", run.summary)

    def test_invoices_per_municipality_and_per_order(self):
        run, moves = self._bill(NOV)
        self.assertEqual(run.state, "done")
        self.assertEqual(len(moves), 3)
        self.assertEqual(set(moves.mapped("move_type")), {"out_invoice"})
        self.assertEqual(set(moves.mapped("state")), {"draft"})
        testrup = moves.filtered(lambda m: m.partner_id == self.municipality)
        self.assertEqual(len(testrup.invoice_line_ids), 5)
        self.assertEqual(
            testrup.amount_total, 16710.0 + 4266.0 + 9855.75 + 3660.0 + 4410.0
        )
        self.assertEqual(testrup.amount_tax, 0.0)
        self.assertEqual(testrup.invoice_date, DEC)
        self.assertEqual(
            testrup.invoice_payment_term_id, self.agreement.payment_term_id
        )
        self.assertEqual(testrup.invoice_origin, run.name)
        # The EAN/GLN goes with the partner (Peppol endpoint, scheme 0088).
        self.assertEqual(testrup.commercial_partner_id.peppol_endpoint, "5798000416604")
        # Several orders on one invoice: the references are listed.
        for placement in (self.p_full, self.p_ending):
            self.assertIn(placement.order_ref, testrup.ref)
        # One order = one invoice: Prøvested gets one invoice per STU placement.
        stu = moves.filtered(lambda m: m.partner_id == self.municipality_b)
        self.assertEqual(len(stu), 2)
        self.assertEqual(
            sorted(stu.mapped("ref")),
            sorted([self.p_stu.order_ref, self.p_stu2.order_ref]),
        )
        line = self._line(run, self.p_full)
        aml = line.move_line_ids
        self.assertEqual(line.move_id, testrup)
        self.assertEqual(line.state, "draft")
        self.assertEqual((aml.quantity, aml.price_unit), (30, 557.0))
        self.assertEqual(aml.tax_ids, self.exempt_tax)
        self.assertIn(self.p_full.person_ref, aml.name)
        self.assertIn(self.p_full.order_ref, aml.name)
        self.assertNotIn(self.person_full.name, aml.name)
        social = self.env.ref(
            "social_enterprise.account_analytic_account_social_service"
        )
        self.assertEqual(aml.analytic_distribution, {str(social.id): 100.0})
        # A month fraction that does not fit two decimals goes on as 1 × the amount.
        stu_line = self._line(run, self.p_stu).move_line_ids
        self.assertEqual((stu_line.quantity, stu_line.price_unit), (0.7, 17500.0))
        testrup.action_post()
        self.assertEqual(line.state, "posted")

    def test_never_a_cpr_number(self):
        run, moves = self._bill(NOV)
        moves.action_post()
        self.assertEqual(self.person_full.sudo().ssnid, CPR)
        texts = [run.summary or ""]
        texts += run.line_ids.mapped("explanation")
        for move in moves:
            texts += [move.name, move.ref or "", str(move.narration or "")]
            texts += move.line_ids.mapped("name")
            xml, errors = self.env["account.edi.xml.oioubl_201"]._export_invoice(move)
            self.assertFalse(errors)
            xml = xml.decode()
            # OIOUBL to the EAN/GLN, with the order number as OrderReference.
            gln = move.commercial_partner_id.peppol_endpoint
            self.assertIn(f'<cbc:EndpointID schemeID="GLN">{gln}<', xml)
            self.assertIn(f"<cac:OrderReference><cbc:ID>{move.ref}<", xml)
            texts.append(xml)
        blob = "\n".join(t for t in texts if t)
        self.assertNotIn(CPR, blob)
        self.assertNotIn(CPR[:6] + "-" + CPR[6:], blob)
        self.assertIn(self.p_full.person_ref, blob)

    def test_cpr_like_reference_is_not_billed(self):
        # The placement form refuses such a reference; data imported or written
        # before that check (here straight into the table) must still be skipped.
        placement = self._placement(person_ref="SAG-1")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE social_placement SET person_ref = %s WHERE id = %s",
            ("010190-1234", placement.id),
        )
        placement.invalidate_recordset(["person_ref"])
        run = self._run(NOV)
        run.action_compute()
        self.assertFalse(self._line(run, placement))
        self.assertIn("looks like a CPR number", run.summary)
        self.assertNotIn("010190-1234", run.summary)

    def test_second_run_creates_nothing_and_says_so(self):
        self._bill(NOV)
        again = self._run(NOV)
        again.action_compute()
        self.assertFalse(again.line_ids)
        self.assertEqual(again.state, "draft")
        self.assertIn("Nothing new to bill for November 2026", again.summary)
        self.assertIn(
            "7 placement-months are already billed and unchanged", again.summary
        )
        with self.assertRaisesRegex(UserError, "no preview"), self.cr.savepoint():
            again.action_create_invoices()
        # A run still in preview holds its lines: another run does not bill them.
        self.p_full.date_end = False
        dec_a, dec_b = self._run(DEC), self._run(DEC)
        dec_a.action_compute()
        dec_b.action_compute()
        self.assertTrue(dec_a.line_ids)
        self.assertFalse(dec_b.line_ids)
        self.assertIn(f"wait in the preview of {dec_a.name}", dec_b.summary)
        # Not even corrected: a correction on top of an uninvoiced preview could
        # credit what was never invoiced.
        self.agreement.line_ids.filtered(lambda line: line.unit == "day").write(
            {"price": 1.0}
        )
        dec_b.action_compute()
        self.assertFalse(dec_b.line_ids)

    def test_rate_change_gives_credit_and_debit_notes(self):
        run, invoices = self._bill(NOV)
        invoices.action_post()
        original = invoices.filtered(lambda m: m.partner_id == self.municipality)
        price_103 = self.agreement.line_ids.filtered(
            lambda line: line.scheme_id == self.scheme_103 and line.rate_level == "1"
        )
        price_104 = self.agreement.line_ids.filtered(
            lambda line: line.scheme_id == self.scheme_104
        )
        price_103.price = 540.0  # lowered after billing: credit 30 × 17 kr
        price_104.price = 800.0  # raised: debit 15 × 85 % × 27 kr
        fix, moves = self._bill(NOV)
        self.assertEqual(len(fix.line_ids), 2)
        credit = self._line(fix, self.p_full)
        self.assertEqual((credit.kind, credit.revision), ("correction", 1))
        self.assertEqual(credit.amount, -510.0)
        self.assertEqual((credit.quantity, credit.price_unit), (0, 540.0))
        self.assertEqual(
            (credit.invoice_quantity, credit.invoice_price_unit), (30, -17.0)
        )
        self.assertIn("Billed before", credit.explanation)
        debit = self._line(fix, self.p_mid)
        self.assertEqual(debit.amount, 15 * 680.0 - 9855.75)
        refund = moves.filtered(lambda m: m.move_type == "out_refund")
        invoice = moves.filtered(lambda m: m.move_type == "out_invoice")
        self.assertEqual(refund.amount_total, 510.0)
        self.assertEqual(refund.reversed_entry_id, original)
        self.assertEqual(refund.invoice_line_ids.quantity, 30)
        self.assertEqual(refund.invoice_line_ids.price_unit, 17.0)
        self.assertIn("Correction", refund.invoice_line_ids.name)
        self.assertEqual(invoice.amount_total, debit.amount)
        # The original invoice was not touched.
        self.assertEqual(original.state, "posted")
        self.assertEqual(self._line(run, self.p_full).amount, 16710.0)
        # Nothing left to correct.
        last = self._run(NOV)
        last.action_compute()
        self.assertFalse(last.line_ids)

    def test_placement_ended_after_billing_is_credited(self):
        self._bill(NOV)
        self.p_full._end(date(2026, 11, 20), "completed")
        fix, refund = self._bill(NOV)
        line = self._line(fix, self.p_full)
        self.assertEqual(
            (line.quantity, line.price_unit, line.amount), (-10, 557.0, -5570.0)
        )
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.amount_total, 5570.0)
        # Cancelled after billing: the whole month is credited.
        self.p_mentor.state = "cancelled"
        fix2, refund2 = self._bill(NOV)
        self.assertEqual(self._line(fix2, self.p_mentor).amount, -4410.0)
        self.assertIn("no longer runs", self._line(fix2, self.p_mentor).explanation)

    def test_cancelled_or_deleted_invoice_is_billed_again(self):
        run, moves = self._bill(NOV)
        stu = moves.filtered(lambda m: m.ref == self.p_stu.order_ref)
        stu2 = moves.filtered(lambda m: m.ref == self.p_stu2.order_ref)
        stu.button_cancel()
        self.assertEqual(self._line(run, self.p_stu).state, "cancel")
        stu2.unlink()  # a draft invoice deleted: its billing line goes with it
        self.assertFalse(self._line(run, self.p_stu2))
        again, new_moves = self._bill(NOV)
        self.assertEqual(len(again.line_ids), 2)
        rebill = self._line(again, self.p_stu)
        self.assertEqual(
            (rebill.revision, rebill.kind, rebill.amount), (1, "regular", 12250.0)
        )
        fresh = self._line(again, self.p_stu2)
        self.assertEqual((fresh.revision, fresh.amount), (0, 17500.0))
        self.assertEqual(len(new_moves), 2)

    def test_references_required(self):
        no_person = self._placement(person_ref=False)
        no_order = self._placement(order_ref=False)
        no_level = self._placement(scheme_id=self.scheme_104.id, rate_level="3")
        other = self._placement(
            municipality_id=self.env["res.partner"]
            .create(
                {
                    "name": "Kommune uden aftale",
                    "is_company": True,
                    "is_municipality": True,
                }
            )
            .id,
            case_worker_id=False,
        )
        run = self._run(NOV)
        run.action_compute()
        for placement in (no_person, no_order, no_level, other):
            self.assertFalse(self._line(run, placement))
            self.assertIn(placement.name, run.summary)
        self.assertIn("person reference is missing", run.summary)
        self.assertIn("order number is missing", run.summary)
        self.assertIn(
            "no price for Activity and social offer (§104) level 3", run.summary
        )
        self.assertIn("no agreement with Kommune uden aftale", run.summary)
        # With a framework order number on the agreement, no order is needed.
        self.agreement.order_ref = "RAMME-1"
        run.action_compute()
        self.assertEqual(self._line(run, no_order).order_ref, "RAMME-1")

    def test_attended_basis(self):
        municipality = self.env["res.partner"].create(
            {
                "name": "Fremmøde Kommune",
                "is_company": True,
                "is_municipality": True,
                **municipal_address(self.env),
                "peppol_eas": "0088",
                "peppol_endpoint": "5798000165236",
            }
        )
        self._agreement(
            municipality,
            [
                (self.scheme_103, False, "day", 500.0),
                (self.scheme_104, False, "hour", 120.0),
            ],
            billing_basis="attended",
        )
        days_person, hours_person = self._person(), self._person()
        days = self._placement(
            days_person, municipality_id=municipality.id, case_worker_id=False
        )
        hours = self._placement(
            hours_person,
            scheme_id=self.scheme_104.id,
            municipality_id=municipality.id,
            case_worker_id=False,
        )
        nov_days = [NOV + timedelta(days=i) for i in range(1, 12)]  # 2-12 Nov
        self._attend(days_person, nov_days)
        self._attend(hours_person, nov_days[:4], hours=4.5)
        self._attend(days_person, [date(2026, 10, 30), date(2026, 12, 1)])  # outside
        run = self._run(NOV)
        run.action_compute()
        self.assertEqual(self._line(run, days).quantity, 11)
        self.assertEqual(self._line(run, days).amount, 5500.0)
        self.assertEqual(self._line(run, days).quantity_rule, "attended_days")
        self.assertEqual(self._line(run, hours).quantity, 18.0)
        self.assertEqual(self._line(run, hours).amount, 2160.0)
        # Late attendance after billing: a correction for the extra day.
        run.action_create_invoices()
        self._attend(days_person, [date(2026, 11, 16)])
        fix = self._run(NOV)
        fix.action_compute()
        self.assertEqual(
            (self._line(fix, days).quantity, self._line(fix, days).amount), (1, 500.0)
        )

    def test_advance_billing_with_true_up(self):
        municipality = self.env["res.partner"].create(
            {
                "name": "Forud Kommune",
                "is_company": True,
                "is_municipality": True,
                **municipal_address(self.env),
                "peppol_eas": "0088",
                "peppol_endpoint": "5798000165236",
            }
        )
        self._agreement(
            municipality,
            [
                (self.scheme_103, False, "day", 500.0),
                (self.scheme_stu, False, "month", 17000.0, "calendar"),
            ],
            billing_basis="attended",
            billing_timing="advance",
        )
        person = self._person()
        days = self._placement(
            person,
            municipality_id=municipality.id,
            case_worker_id=False,
            days_per_week=4,
            weekly_hours=20,
            date_start=NOV,
        )
        stu = self._placement(
            scheme_id=self.scheme_stu.id,
            municipality_id=municipality.id,
            case_worker_id=False,
            date_start=NOV,
        )
        # 1 November: the month is billed in advance from the plan.
        nov_run, nov_moves = self._bill(NOV, day=NOV, municipality_ids=municipality.ids)
        advance = self._line(nov_run, days)
        self.assertEqual(advance.kind, "advance")
        self.assertEqual(advance.quantity, 16.8)  # 21 weekdays × 4 / 5
        self.assertEqual(advance.amount, 8400.0)
        self.assertEqual(self._line(nov_run, stu).amount, 17000.0)
        # In November: 12 days attended; the STU place ends on the 20th.
        self._attend(person, [NOV + timedelta(days=i) for i in range(2, 14)])
        stu._end(date(2026, 11, 20), "completed")
        # 1 December: December in advance, November trued up.
        dec_run, dec_moves = self._bill(DEC, day=DEC, municipality_ids=municipality.ids)
        lines = dec_run.line_ids.filtered(lambda line: line.period_start == NOV)
        true_up = lines.filtered(lambda line: line.placement_id == days)
        self.assertEqual(true_up.kind, "true_up")
        self.assertEqual((true_up.quantity, true_up.amount), (-4.8, -2400.0))
        self.assertEqual(true_up.due_amount, 6000.0)
        stu_true_up = lines.filtered(lambda line: line.placement_id == stu)
        self.assertEqual(stu_true_up.amount, -5666.67)  # 10 of 30 days
        december = dec_run.line_ids.filtered(lambda line: line.period_start == DEC)
        self.assertEqual(december.placement_id, days)
        self.assertEqual(december.kind, "advance")
        self.assertEqual(
            sorted(dec_moves.mapped("move_type")), ["out_invoice", "out_refund"]
        )
        # Running December again: nothing.
        again = self._run(DEC, day=DEC, municipality_ids=municipality.ids)
        again.action_compute()
        self.assertFalse(again.line_ids)

    def test_leap_year_365_day_place(self):
        municipality = self.env["res.partner"].create(
            {
                "name": "Skudår Kommune",
                "is_company": True,
                "is_municipality": True,
                **municipal_address(self.env),
                "peppol_eas": "0088",
                "peppol_endpoint": "5798000165236",
            }
        )
        agreement = self._agreement(
            municipality, [(self.scheme_103, False, "day", 500.0)]
        )
        placement = self._placement(
            municipality_id=municipality.id,
            case_worker_id=False,
            date_start=date(2028, 2, 1),
        )
        self.assertTrue(agreement.bill_leap_day, "every calendar day by default")
        agreement.bill_leap_day = False
        run = self._run(date(2028, 2, 1), municipality_ids=municipality.ids)
        run.action_compute()
        self.assertEqual(self._line(run, placement).quantity, 28)
        agreement.bill_leap_day = True
        run.action_compute()
        self.assertEqual(self._line(run, placement).quantity, 29)

    @freeze_time("2026-12-05")
    def test_run_defaults_and_protections(self):
        run = self.env["social.billing.run"].create({})
        self.assertEqual(run.period_start, NOV)
        self.assertEqual(run.period_end, date(2026, 11, 30))
        self.assertEqual(run.date, date(2026, 12, 5))
        mid = self._run(date(2026, 11, 17))
        self.assertEqual(mid.period_start, NOV)
        run.action_compute()
        run.action_create_invoices()
        with (
            self.assertRaisesRegex(UserError, "cannot be deleted"),
            self.cr.savepoint(),
        ):
            run.unlink()
        with (
            self.assertRaisesRegex(UserError, "on an invoice cannot be deleted"),
            self.cr.savepoint(),
        ):
            run.line_ids[:1].unlink()
        with (
            self.assertRaisesRegex(UserError, "already created its invoices"),
            self.cr.savepoint(),
        ):
            run.action_compute()
        self.assertIn("November 2026", run.display_name)

    @freeze_time("2026-12-01")
    def test_monthly_cron_prepares_a_preview_once(self):
        Run = self.env["social.billing.run"]
        Run._cron_prepare_monthly_runs()
        run = Run.search([("company_id", "=", self.company.id)])
        self.assertEqual((run.period_start, run.state), (NOV, "preview"))
        self.assertEqual(len(run.line_ids), 7)
        Run._cron_prepare_monthly_runs()
        self.assertEqual(Run.search_count([("company_id", "=", self.company.id)]), 1)
        action = run.action_view_lines()
        self.assertEqual(action["domain"], [("run_id", "=", run.id)])
        run.action_create_invoices()
        action = run.action_view_invoices()
        self.assertEqual(len(action["domain"][0][2]), 3)

    def _queued_stu_run(self, count=3):
        """``_stu_preview`` queued for the background job."""
        run = self._stu_preview(count, NOV)
        run.action_queue_invoices()
        self.assertEqual(run.invoice_queued_by, self.env.user)
        cron = self.env.ref("social_enterprise.ir_cron_social_billing_invoices")
        self.assertTrue(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        )
        return run

    def _cron_invoices(self, budget, chunk=2):
        """Run the background job; each chunk's commit reports its progress and
        gets the time left from ``budget`` (a list of seconds, one a chunk)."""
        progress = []

        def commit_progress(cron, processed=0, *, remaining=None, deactivate=False):
            progress.append((processed, remaining))
            return budget.pop(0) if budget else 1.0

        Cron = self.registry["ir.cron"]
        with patch.object(Cron, "_commit_progress", commit_progress):
            self.env["social.billing.run"]._cron_create_queued_invoices(chunk=chunk)
        return progress

    def test_invoices_in_the_background_in_chunks(self):
        run = self._queued_stu_run(3)
        progress = self._cron_invoices([60.0, 60.0])
        # Chunks of 2 invoices: 2 done and 1 line left, then 1 done and 0 left.
        self.assertEqual(progress, [(2, 1), (1, 0)])
        self.assertEqual(run.state, "done")
        self.assertFalse(run.invoice_queued_by)
        self.assertEqual(run.invoiced_line_count, 3)
        self.assertEqual(len(run.move_ids), 3)
        self.assertEqual(run.move_ids.mapped("amount_untaxed"), [17500.0] * 3)

    def test_background_job_stopped_half_way_goes_on(self):
        """Out of time after the first chunk: the run stays a preview with 2 of
        its 3 lines invoiced; the next run of the job bills the last one, once."""
        run = self._queued_stu_run(3)
        self._cron_invoices([0.0])
        self.assertEqual(run.state, "preview")
        self.assertEqual(run.invoiced_line_count, 2)
        self.assertEqual(len(run.move_ids), 2)
        self.assertEqual(run.invoice_queued_by, self.env.user)
        self._cron_invoices([60.0])
        self.assertEqual(run.state, "done")
        self.assertEqual(len(run.move_ids), 3)
        self.assertEqual(
            sorted(run.line_ids.mapped(lambda line: line.move_id.id)),
            sorted(run.move_ids.ids),
            "each line on its own invoice, none billed twice",
        )

    def test_background_job_leaves_a_run_another_request_invoices(self):
        """A run locked by another transaction (a user invoicing it, a killed
        job's connection not gone yet) stays queued and the job tries again."""
        run = self._queued_stu_run(2)
        cron = self.env.ref("social_enterprise.ir_cron_social_billing_invoices")
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search_count([("cron_id", "=", cron.id)])
        Run = self.registry["social.billing.run"]
        with patch.object(Run, "_try_lock", lambda self: False):
            progress = self._cron_invoices([60.0])
            with self.assertRaisesRegex(UserError, "being invoiced right now"):
                run.action_create_invoices()
        self.assertEqual(progress, [])
        self.assertEqual(run.state, "preview")
        self.assertFalse(run.move_ids)
        self.assertEqual(run.invoice_queued_by, self.env.user)
        self.assertEqual(
            Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1
        )
        self._cron_invoices([60.0])
        self.assertEqual(run.state, "done")
        self.assertEqual(len(run.move_ids), 2)

    def test_invoice_query_count_does_not_grow_with_placements(self):
        """Creating the invoices costs the same number of queries for 5 and 20
        placements: one batched create whose product lines come with their
        balance and tax tags, so account.move writes none of them again."""
        gln = ("5798000300002", "5798000300019", "5798000300026", "5798000300033")

        def prepare(count, index):
            municipality = self.env["res.partner"].create(
                {
                    "name": f"Fakturakommune {index}",
                    "is_company": True,
                    "is_municipality": True,
                    **municipal_address(self.env),
                    "peppol_eas": "0088",
                    "peppol_endpoint": gln[index],
                }
            )
            self._agreement(municipality, [(self.scheme_103, False, "day", 500.0)])
            for _i in range(count):
                self._placement(municipality_id=municipality.id)
            run = self._run(NOV, municipality_ids=municipality.ids)
            run.action_compute()
            return run

        runs = [prepare(count, i) for i, count in enumerate((5, 20, 5, 20))]
        counts = []
        for run in runs:
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.cr.sql_log_count
            run.action_create_invoices()
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        # The first two warm the registry caches (sequences, access rules).
        self.assertEqual(counts[2], counts[3], f"queries for 5 and 20: {counts}")
        # Worked example: November, 30 calendar days at 500.00 a day, full time.
        invoice = runs[3].move_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(len(invoice.invoice_line_ids), 20)
        self.assertEqual(invoice.invoice_line_ids.mapped("balance"), [-15000.0] * 20)
        self.assertEqual(invoice.amount_untaxed, 300000.0)
        self.assertEqual(invoice.amount_residual, 300000.0)

    def test_query_count_does_not_grow_with_placements(self):
        """The computation costs the same number of queries for 10 and 100
        placements."""

        def prepare(count, municipality):
            employees = self.env["hr.employee"].create(
                [
                    {"name": f"Q{count}-{i}", "company_id": self.company.id}
                    for i in range(count)
                ]
            )
            placements = self.env["social.placement"].create(
                [
                    {
                        "employee_id": employee.id,
                        "scheme_id": self.scheme_103.id,
                        "municipality_id": municipality.id,
                        "order_ref": f"Q-{i}",
                        "person_ref": f"QP-{i}",
                        "date_start": date(2026, 1, 1),
                        "weekly_hours": 20,
                        "days_per_week": 4,
                        "rate_level": "1",
                    }
                    for i, employee in enumerate(employees)
                ]
            )
            placements.action_activate()
            return self._run(NOV, municipality_ids=municipality.ids)

        runs = []
        for count, gln in ((10, "5798000165236"), (100, "5798000200807")):
            municipality = self.env["res.partner"].create(
                {
                    "name": f"Kommune {count}",
                    "is_company": True,
                    "is_municipality": True,
                    **municipal_address(self.env),
                    "peppol_eas": "0088",
                    "peppol_endpoint": gln,
                }
            )
            self._agreement(municipality, [(self.scheme_103, False, "day", 500.0)])
            runs.append(prepare(count, municipality))
        for run in runs:  # warm the registry caches (languages, access rules)
            run.action_compute()
            run.action_reset_draft()
        counts = []
        for run in runs:
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.cr.sql_log_count
            run.action_compute()
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], "queries for 10 and 100 placements")
        self.assertEqual(len(runs[0].line_ids), 10)
        self.assertEqual(len(runs[1].line_ids), 100)
        runs[1].action_reset_draft()
        self.env.invalidate_all()
        with self.assertQueryCount(QUERIES):
            runs[1].action_compute()
