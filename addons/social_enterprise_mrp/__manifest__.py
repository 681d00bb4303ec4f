# Copyright 2026 Social Enterprise contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Social Enterprise Manufacturing",
    "summary": "Work orders by person, production hours by scheme, capacity in "
    "effective hours per work centre and piece output for a mixed workforce",
    "version": "19.0.1.0.0",
    "category": "Manufacturing",
    "website": "https://github.com/social-enterprise/social-enterprise",
    "author": "Social Enterprise contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["social_enterprise", "mrp"],
    "data": [
        "security/ir.model.access.csv",
        "security/social_enterprise_mrp_security.xml",
        "views/mrp_workcenter_views.xml",
        "views/mrp_workorder_views.xml",
        "views/mrp_production_views.xml",
        "views/social_workcenter_capacity_views.xml",
        "views/social_pay_effort_views.xml",
        "report/social_production_report_views.xml",
        "report/social_production_output_views.xml",
        "views/social_enterprise_mrp_menus.xml",
    ],
    "demo": [
        "demo/mrp_demo.xml",
    ],
}
