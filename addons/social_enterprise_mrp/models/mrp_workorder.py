from odoo import fields, models


class MrpWorkorder(models.Model):
    _inherit = "mrp.workorder"

    social_employee_id = fields.Many2one(
        "hr.employee",
        "Assigned To",
        check_company=True,
        index="btree_not_null",
        help="The person the work supervisor gives this operation to. Time tracked on "
        "the work order is counted for them.",
    )

    def _prepare_timeline_vals(self, duration, date_start, date_end=False):
        vals = super()._prepare_timeline_vals(duration, date_start, date_end=date_end)
        if self.social_employee_id:
            vals["employee_id"] = self.social_employee_id.id
        return vals
