from odoo import api, fields, models
from odoo.fields import Domain

MENTOR = "support_hours.support_hours_group_mentor"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    support_need_ids = fields.One2many(
        "support.need", "employee_id", "Support Needs", groups=MENTOR
    )
    support_plan_ids = fields.One2many(
        "support.plan", "employee_id", "Support Plans", groups=MENTOR
    )
    support_caseload_user_ids = fields.Many2many(
        "res.users",
        string="Support Staff",
        compute="_compute_support_caseload_user_ids",
        search="_search_support_caseload_user_ids",
        groups=MENTOR,
        help="Staff who have this person in their caseload: responsible for one of "
        "their support needs or plans, or their coach.",
    )
    support_session_count = fields.Integer(
        compute="_compute_support_counts", groups=MENTOR
    )
    support_need_count = fields.Integer(
        compute="_compute_support_counts", groups=MENTOR
    )

    @api.model
    def _get_support_caseload_paths(self):
        """Relational paths from a person to the users whose caseload they are in.

        The one definition of a mentor's caseload: record rules and filters of every
        support model go through it. Extend it to add a path.
        """
        return [
            "coach_id.user_id",
            "support_need_ids.responsible_id",
            "support_plan_ids.responsible_id",
        ]

    def _compute_support_caseload_user_ids(self):
        # sudo: the caseload is computed from needs and plans the reader may not see.
        for employee in self:
            users = self.env["res.users"]
            for path in self._get_support_caseload_paths():
                users |= employee.sudo().mapped(path)
            employee.support_caseload_user_ids = users.sudo(False)

    def _search_support_caseload_user_ids(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain.OR(
            Domain(path, "in", value) for path in self._get_support_caseload_paths()
        )
        return domain if operator == "in" else ~domain

    def _compute_support_counts(self):
        sessions = dict(
            self.env["support.session"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        needs = dict(
            self.env["support.need"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.support_session_count = sessions.get(employee, 0)
            employee.support_need_count = needs.get(employee, 0)

    def _support_action(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    def action_view_support_sessions(self):
        return self._support_action("support_hours.support_session_action")

    def action_view_support_needs(self):
        return self._support_action("support_hours.support_need_action")
