# Copyright 2026 Social Enterprise contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Support Hours",
    "summary": "Support needs, plans, sessions, hour grants and progression "
    "for people in a social-economy enterprise",
    "version": "19.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/social-enterprise/social-enterprise",
    "author": "Social Enterprise contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": ["social_enterprise"],
    "data": [
        "security/support_hours_groups.xml",
        "security/ir.model.access.csv",
        "data/support_need_category_data.xml",
        "views/support_need_category_views.xml",
        "views/support_hours_menus.xml",
    ],
}
