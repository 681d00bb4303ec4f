from datetime import date
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.addons.social_enterprise.tests.billing_common import BillingCase
from odoo.addons.social_enterprise_queue_job.models import social_billing_run

NOV = date(2026, 11, 1)


@tagged("post_install", "-at_install")
class TestBillingJobQueue(BillingCase):
    """Create in Background through OCA's job queue: a job per chunk of invoices,
    each chunk whole, the next job enqueued while lines are left, nothing twice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.social_billing_use_job_queue = True

    def _stu_run(self, count):
        return self._stu_preview(count, NOV, name="Køkommune")

    def test_a_job_per_chunk_until_all_is_invoiced(self):
        # 3 invoices in chunks of 2: a first job makes 2 and enqueues a second,
        # which makes the last one; the run is then done, each line once.
        run = self._stu_run(3)
        cron = self.env.ref("social_enterprise.ir_cron_social_billing_invoices")
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search_count([("cron_id", "=", cron.id)])
        with trap_jobs() as trap, patch.object(social_billing_run, "CHUNK", 2):
            run.action_queue_invoices()
            trap.assert_jobs_count(1, only=run._job_create_invoice_chunk)
            self.assertEqual(
                Trigger.search_count([("cron_id", "=", cron.id)]),
                triggers,
                "the job queue, not the scheduled action",
            )
            # Queuing again while a job waits adds nothing (identity key).
            run._trigger_queued_invoicing()
            trap.assert_jobs_count(1, only=run._job_create_invoice_chunk)
            trap.perform_enqueued_jobs()
            self.assertEqual((run.state, len(run.move_ids)), ("preview", 2))
            trap.assert_jobs_count(1, only=run._job_create_invoice_chunk)
            trap.perform_enqueued_jobs()
            trap.assert_jobs_count(0)
        self.assertEqual(run.state, "done")
        self.assertFalse(run.invoice_queued_by)
        self.assertEqual(len(run.move_ids), 3)
        self.assertEqual(run.move_ids.mapped("amount_untaxed"), [17500.0] * 3)
        self.assertEqual(
            sorted(run.line_ids.move_id.ids), sorted(run.move_ids.ids), "none twice"
        )

    def test_the_scheduled_action_hands_queued_runs_to_the_queue(self):
        run = self._stu_run(2)
        with trap_jobs() as trap:
            run.action_queue_invoices()
            trap.assert_jobs_count(1)
            # A restart's scheduled action finds the run queued: the waiting job
            # stays the only one, and the action itself invoices nothing.
            self.env["social.billing.run"]._cron_create_queued_invoices()
            trap.assert_jobs_count(1)
            self.assertFalse(run.move_ids)
            trap.perform_enqueued_jobs()
        self.assertEqual((run.state, len(run.move_ids)), ("done", 2))

    def test_companies_without_the_setting_keep_the_scheduled_action(self):
        self.env.company.social_billing_use_job_queue = False
        run = self._stu_run(1)
        cron = self.env.ref("social_enterprise.ir_cron_social_billing_invoices")
        with trap_jobs() as trap:
            run.action_queue_invoices()
            trap.assert_jobs_count(0)
        self.assertTrue(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        )
