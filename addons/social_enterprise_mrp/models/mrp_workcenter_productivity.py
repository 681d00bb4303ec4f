from odoo import api, fields, models


class MrpWorkcenterProductivity(models.Model):
    _inherit = "mrp.workcenter.productivity"

    employee_id = fields.Many2one(
        "hr.employee",
        "Person",
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
        help="Who did the work: the person the work order is assigned to, else the "
        "employee of the user who tracked the time. Production hours by scheme and "
        "piece output count it for this person.",
    )

    @api.depends("user_id", "workorder_id.social_employee_id")
    def _compute_employee_id(self):
        for line in self:
            if line.employee_id:
                continue
            line.employee_id = (
                line.workorder_id.social_employee_id
                or line.user_id.with_company(line.company_id).employee_id
            )
