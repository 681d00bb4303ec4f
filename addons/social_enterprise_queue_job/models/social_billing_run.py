from odoo import api, models

from odoo.addons.queue_job.exception import RetryableJobError

CHUNK = 50  # invoices a job


class SocialBillingRun(models.Model):
    """With OCA's job queue installed, "Create in Background" enqueues one job per
    chunk of invoices instead of waking the scheduled action, so the queue's
    channels, retries and job list (Job Queue ▸ Jobs) apply. Each job creates one
    chunk in its own transaction as the user who queued the run, then enqueues the
    next: a job that fails or is stopped leaves whole chunks, and the next one goes
    on from there; nothing is billed twice (the run's row lock, and lines already
    invoiced are never invoiced again)."""

    _inherit = "social.billing.run"

    def _trigger_queued_invoicing(self):
        by_queue = self.filtered("company_id.social_billing_use_job_queue")
        for run in by_queue:
            run._enqueue_invoice_chunk()
        return super(SocialBillingRun, self - by_queue)._trigger_queued_invoicing()

    @api.model
    def _get_queued_runs_for_cron(self):
        """The scheduled action hands the queued runs of companies that use the
        job queue to it (one waiting job a run: the identity key) and invoices
        only the others itself."""
        runs = super()._get_queued_runs_for_cron()
        by_queue = runs.filtered("company_id.social_billing_use_job_queue")
        by_queue._trigger_queued_invoicing()
        return runs - by_queue

    def _enqueue_invoice_chunk(self):
        self.ensure_one()
        return self.with_delay(
            description=self.env._(
                "Create the invoices of %(run)s", run=self.display_name
            ),
            identity_key=f"social.billing.run:{self.id}:invoices",
        )._job_create_invoice_chunk()

    def _job_create_invoice_chunk(self):
        """One chunk of the run's invoices; the next chunk is enqueued while lines
        are left. Returns what it did, for the job's result."""
        self.ensure_one()
        run = self
        if run.invoice_queued_by:
            run = run.with_user(run.invoice_queued_by).with_company(run.company_id)
        if run.state != "preview":
            return f"Nothing to invoice: the run is {run.state}."
        if not run._try_lock():
            raise RetryableJobError("The billing run is being invoiced.", seconds=60)
        moves = run._create_invoices_chunk(CHUNK)
        left = len(run._lines_to_invoice())
        if left:
            run._enqueue_invoice_chunk()
        return f"{len(moves)} invoices created, {left} lines left."
