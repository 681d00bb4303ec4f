# Copyright 2026 Social Enterprise contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Social Enterprise Billing: Job Queue",
    "summary": "Long billing runs invoice through OCA's job queue when it is installed",
    "version": "19.0.1.0.0",
    "category": "Accounting",
    "website": "https://github.com/social-enterprise/social-enterprise",
    "author": "Social Enterprise contributors",
    "license": "AGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["social_enterprise", "queue_job"],
    "data": ["views/res_config_settings_views.xml"],
    "post_init_hook": "post_init_hook",
}
