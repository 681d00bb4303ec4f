from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    social_billing_use_job_queue = fields.Boolean(
        "Background Invoicing through the Job Queue",
        help="Billing runs' Create in Background enqueues a job per chunk of "
        "invoices in OCA's job queue (Job Queue ▸ Jobs) instead of using the "
        "scheduled action.",
    )
