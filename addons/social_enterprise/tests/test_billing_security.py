from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .billing_common import BillingCase

NOV = date(2026, 11, 1)


@tagged("post_install", "-at_install")
class TestBillingSecurity(BillingCase):
    """Managers and accountants bill; coordinators see the billing status of
    placements; supervisors and other users see nothing of billing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.placement = cls._placement()
        cls.billing_run, cls.moves = cls._bill_class(NOV)
        cls.line = cls.billing_run.line_ids

    @classmethod
    def _bill_class(cls, month):
        run = cls._run(month)
        run.action_compute()
        return run, run.action_create_invoices()

    def test_manager_bills_and_is_an_invoicing_user(self):
        self.assertTrue(self.user_se_manager.has_group("account.group_account_invoice"))
        agreement = (
            self.env["social.agreement"]
            .with_user(self.user_se_manager)
            .create({"name": "Manager", "municipality_id": self.municipality_b.id})
        )
        agreement.write({"billing_timing": "advance"})
        run = (
            self.env["social.billing.run"]
            .with_user(self.user_se_manager)
            .create({"period_start": date(2026, 12, 1), "date": date(2027, 1, 1)})
        )
        run.action_compute()
        moves = run.action_create_invoices()
        self.assertEqual(moves.partner_id, self.municipality)
        moves.action_post()
        self.assertEqual(moves.state, "posted")

    def test_accountant_bills_without_a_social_enterprise_role(self):
        accountant = self.user_accountant
        self.assertFalse(
            accountant.has_group("social_enterprise.social_enterprise_group_supervisor")
        )
        run = (
            self.env["social.billing.run"]
            .with_user(accountant)
            .create({"period_start": date(2026, 12, 1), "date": date(2027, 1, 1)})
        )
        run.action_compute()
        self.assertEqual(run.line_ids.placement_id, self.placement)
        moves = run.action_create_invoices()
        moves.action_post()
        claim = (
            self.env["social.subsidy.claim"]
            .with_user(accountant)
            .create({"municipality_id": self.municipality.id, "period_start": NOV})
        )
        self.assertEqual(claim.state, "draft")
        # Agreements are read-only for invoicing users.
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.agreement.with_user(accountant).write({"billing_timing": "advance"})

    def test_coordinator_reads_billing_status_only(self):
        coordinator = self.user_coordinator
        lines = (
            self.env["social.billing.line"]
            .with_user(coordinator)
            .search([("placement_id", "=", self.placement.id)])
        )
        self.assertEqual(lines, self.line)
        values = lines.read(["state", "amount", "move_name", "period_start"])[0]
        self.assertEqual(values["state"], "draft")
        self.assertEqual(values["move_name"], self.moves.name)
        self.assertTrue(self.billing_run.with_user(coordinator).read(["state"]))
        # The forms open read-only, without the accounting parts.
        run_form = Form(self.billing_run.with_user(coordinator))
        self.assertEqual(len(run_form.line_ids), 1)
        self.assertNotIn("claim_ids", run_form._view["fields"])
        line_form = Form(lines)
        self.assertEqual(line_form.state, "draft")
        self.assertNotIn("move_id", line_form._view["fields"])
        arch = (
            self.env["social.placement"]
            .with_user(coordinator)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        action = self.env.ref("social_enterprise.social_billing_line_action")
        self.assertIn(f'name="{action.id}" type="action"', arch)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            lines.write({"amount": 1.0})
        with self.assertRaises(AccessError):
            lines.unlink()
        with self.assertRaises(AccessError):
            self.env["social.billing.run"].with_user(coordinator).create(
                {"period_start": NOV}
            )
        with self.assertRaises(AccessError):
            self.billing_run.with_user(coordinator).write({"date": date(2027, 1, 1)})
        with self.assertRaises(AccessError):
            self.agreement.with_user(coordinator).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["social.subsidy.claim"].with_user(coordinator).search([])
        # The invoice itself is accounting data.
        with self.assertRaises(AccessError):
            lines.read(["move_id"])

    def test_supervisor_and_plain_user_see_no_billing(self):
        for user in (self.user_supervisor, self.user_plain):
            self.env.invalidate_all()
            with self.assertRaises(AccessError):
                self.env["social.billing.line"].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.billing_run.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                self.env["social.agreement"].with_user(user).search([])

    def test_runs_of_another_company_are_invisible(self):
        other = (
            self.env["social.billing.run"]
            .sudo()
            .create(
                {
                    "company_id": self.env.ref("base.main_company").id,
                    "period_start": NOV,
                }
            )
        )
        Run = self.env["social.billing.run"].with_user(self.user_accountant)
        self.assertNotIn(other, Run.search([]))
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            other.with_user(self.user_accountant).read(["name"])
