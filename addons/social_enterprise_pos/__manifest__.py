# Copyright 2026 Social Enterprise contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Social Enterprise Point of Sale",
    "summary": "Café sales in the commercial revenue stream and till hours of the "
    "participants who staff it, by scheme",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/social-enterprise/social-enterprise",
    "author": "Social Enterprise contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["social_enterprise", "point_of_sale", "pos_hr"],
    "data": [
        "views/pos_config_views.xml",
        "views/pos_session_views.xml",
    ],
    "demo": [
        "demo/pos_demo.xml",
    ],
}
