from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .billing_common import BillingCase


@tagged("post_install", "-at_install")
class TestCronPerCompany(BillingCase):
    """Scheduled jobs run each company in its own savepoint: one company's error
    is logged and rolled back, and stops no other company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Værksted B ApS"})

    def test_one_company_failing_stops_no_other(self):
        companies = self.company | self.company_b

        def job(company):
            company.ratio_per_small = 7
            if company == self.company_b:
                raise ValueError("Værksted B has no sales journal")

        logger = "odoo.addons.social_enterprise.models.res_company"
        with self.assertLogs(logger, "ERROR") as logs:
            failed = companies._cron_for_each(job, "Test job")
        self.assertEqual(failed, self.company_b)
        self.assertEqual(self.company.ratio_per_small, 7)
        # The failing company's own writes were rolled back with its savepoint.
        self.company_b.invalidate_recordset()
        self.assertEqual(self.company_b.ratio_per_small, 5)
        self.assertIn("Test job failed for company Værksted B ApS", logs.output[0])

    @freeze_time("2026-12-01")
    def test_monthly_billing_runs_each_company(self):
        self._placement()
        Run = self.env["social.billing.run"]
        failed = Run._cron_prepare_monthly_runs()
        self.assertFalse(failed)
        run = Run.search([("company_id", "=", self.company.id)])
        self.assertEqual((run.period_start, run.state), (date(2026, 11, 1), "preview"))
