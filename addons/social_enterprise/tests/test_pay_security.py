from odoo.exceptions import AccessError
from odoo.tests import tagged

from .pay_common import PayCase


@tagged("post_install", "-at_install")
class TestPaySecurity(PayCase):
    """Managers and accountants confirm and export; coordinators see the pay status
    of their own people; work supervisors see nothing of pay."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pay_run = cls._pay_run()
        cls.pay_run.action_compute()

    def _assert_denied(self, user, model, operation="read"):
        records = self.env[model].search([])
        self.assertTrue(records, model)
        records.invalidate_recordset()
        with self.assertRaises(AccessError):
            records.with_user(user).check_access(operation)

    def test_supervisor_sees_nothing_of_pay(self):
        for model in (
            "social.pay.run",
            "social.pay.line",
            "social.pay.basis",
            "social.pay.transport",
            "social.pay.trade.wage",
        ):
            self._assert_denied(self.user_supervisor, model)
        with self.assertRaises(AccessError):
            self.env["social.pay.line"].with_user(self.user_supervisor).search([])

    def test_plain_user_sees_nothing_of_pay(self):
        self._assert_denied(self.user_plain, "social.pay.line")
        self._assert_denied(self.user_plain, "social.pay.basis")

    def test_coordinator_sees_the_status_of_their_people_only(self):
        Line = self.env["social.pay.line"]
        own = Line.with_user(self.user_coordinator).search([])
        self.assertEqual(own, self.pay_run.line_ids)
        self.assertEqual(own.mapped("run_state"), ["draft", "draft"])
        self.assertEqual(own.basis_id.hourly_rate, 24.0)
        other = Line.with_user(self.user_coordinator_b).search([])
        self.assertFalse(other)
        self.pay_run.line_ids.invalidate_recordset()
        with self.assertRaises(AccessError):
            self.pay_run.line_ids.with_user(self.user_coordinator_b).mapped("amount")
        with self.assertRaises(AccessError):
            self.basis.with_user(self.user_coordinator_b).check_access("read")

    def test_coordinator_cannot_confirm_change_or_export(self):
        run = self.pay_run.with_user(self.user_coordinator)
        with self.assertRaises(AccessError):
            run.action_confirm()
        with self.assertRaises(AccessError):
            run.line_ids[0].amount = 1.0
        with self.assertRaises(AccessError):
            self.basis.with_user(self.user_coordinator).hourly_rate = 30.0
        with self.assertRaises(AccessError):
            self._export(user=self.user_coordinator)

    def test_accountant_computes_confirms_and_exports(self):
        run = self.pay_run.with_user(self.user_pay_accountant)
        run.action_compute()
        run.action_confirm()
        self._export(user=self.user_pay_accountant)
        self.assertEqual(run.state, "exported")

    def test_manager_confirms_and_exports(self):
        run = self.pay_run.with_user(self.user_se_manager)
        run.action_confirm()
        self._export(user=self.user_se_manager, include_hours=False)
        self.assertEqual(run.state, "exported")
