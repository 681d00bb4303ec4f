# Copyright 2026 Social Enterprise contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Social Enterprise",
    "summary": "People on employment schemes, placements, hours, municipal billing "
    "and revenue streams for Danish social-economy enterprises",
    "version": "19.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/social-enterprise/social-enterprise",
    "author": "Social Enterprise contributors",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "mail",
        "hr",
        "hr_attendance",
        "hr_timesheet",
        "account",
        "l10n_dk",
        "l10n_dk_oioubl",
    ],
    "external_dependencies": {"python": ["python-stdnum", "xlsxwriter"]},
    "data": [
        "security/social_enterprise_groups.xml",
        "security/ir.model.access.csv",
        "security/social_placement_security.xml",
        "data/ir_sequence_data.xml",
        "data/social_scheme_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/social_scheme_views.xml",
        "views/social_placement_views.xml",
        "views/social_placement_hours_report_views.xml",
        "views/social_transition_followup_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/hr_employee_views.xml",
        "wizards/social_placement_end_wizard_views.xml",
        "wizards/social_impact_report_wizard_views.xml",
        "report/social_impact_report_templates.xml",
        "views/social_enterprise_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "social_enterprise/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/hr_employee_demo.xml",
        "demo/social_placement_demo.xml",
    ],
}
