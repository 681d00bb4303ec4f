from odoo import fields, models

SOCIAL_ACTIVITIES = [
    ("production", "Production"),
    ("support", "Social support"),
]


class ProjectProject(models.Model):
    _inherit = "project.project"

    social_activity = fields.Selection(
        SOCIAL_ACTIVITIES,
        help="Production: the enterprise's commercial work (workshop, café); hours "
        "logged here count as production per scheme. Social support: time staff "
        "spend supporting people.",
    )
