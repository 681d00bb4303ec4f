from odoo import fields, models


class MrpWorkcenter(models.Model):
    _inherit = "mrp.workcenter"

    social_employee_ids = fields.Many2many(
        "hr.employee",
        "mrp_workcenter_social_employee_rel",
        "workcenter_id",
        "employee_id",
        string="Team",
        help="The people who work at this work centre. Their placements (planned "
        "days and hours, flexjob work capacity) and their attendance make the "
        "work centre's weekly capacity in effective hours; a person in several "
        "teams shares their hours evenly between them.",
    )
