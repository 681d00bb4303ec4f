from odoo.tools import config

from . import models


def post_init_hook(env):
    """Where the job queue's runner is started with the server (``queue_job`` in
    ``server_wide_modules``), the companies there are invoice through it; else
    nothing changes until a manager switches it on in Settings (jobs enqueued with
    no runner would wait for ever)."""
    if "queue_job" in (config["server_wide_modules"] or []):
        env["res.company"].search([]).social_billing_use_job_queue = True
