# Copyright 2026 Social Enterprise contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Social Enterprise Dashboard",
    "summary": "The manager's dashboard: placements, billing, claims, follow-ups, "
    "ratio warnings and hours at a glance",
    "version": "19.0.1.0.0",
    "category": "Productivity/Dashboard",
    "website": "https://github.com/social-enterprise/social-enterprise",
    "author": "Social Enterprise contributors",
    "license": "AGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["social_enterprise", "spreadsheet_dashboard"],
    "data": [
        "data/spreadsheet_dashboard_data.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "social_enterprise_dashboard/static/tests/tours/**/*",
        ],
    },
}
