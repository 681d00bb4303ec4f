# Copyright 2026 Social Enterprise contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Social Enterprise Manufacturing: Accommodations",
    "summary": "Shows the work supervisor a person's accommodations next to the "
    "operation assigned to them",
    "version": "19.0.1.0.0",
    "category": "Manufacturing",
    "website": "https://github.com/social-enterprise/social-enterprise",
    "author": "Social Enterprise contributors",
    "license": "AGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["social_enterprise_mrp", "support_hours"],
    "data": [
        "views/mrp_workorder_views.xml",
    ],
}
