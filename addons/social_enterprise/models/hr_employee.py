from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    placement_ids = fields.One2many(
        "social.placement",
        "employee_id",
        groups="social_enterprise.social_enterprise_group_supervisor",
    )
    placement_count = fields.Integer(
        compute="_compute_placement_count",
        groups="social_enterprise.social_enterprise_group_supervisor",
    )
    current_scheme_id = fields.Many2one(
        "social.scheme",
        compute="_compute_current_scheme_id",
        groups="social_enterprise.social_enterprise_group_supervisor",
        help="Scheme of the person's active exclusive placement.",
    )

    def _compute_placement_count(self):
        counts = dict(
            self.env["social.placement"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.placement_count = counts.get(employee, 0)

    @api.depends("placement_ids.state", "placement_ids.scheme_id")
    def _compute_current_scheme_id(self):
        active = self.env["social.placement"].search(
            [
                ("employee_id", "in", self.ids),
                ("state", "=", "active"),
                ("scheme_id.exclusive", "=", True),
            ],
            order="date_start desc",
        )
        by_employee = {}
        for placement in active:
            by_employee.setdefault(placement.employee_id.id, placement.scheme_id)
        for employee in self:
            employee.current_scheme_id = by_employee.get(employee.id, False)

    def action_view_placements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_placement_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
