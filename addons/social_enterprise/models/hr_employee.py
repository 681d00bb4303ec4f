from odoo import api, fields, models

# Pictograms of the participants' kiosk (Font Awesome icon, label).
KIOSK_SYMBOLS = [
    ("fa-sun-o", "Sun"),
    ("fa-star", "Star"),
    ("fa-tree", "Tree"),
    ("fa-heart", "Heart"),
    ("fa-leaf", "Leaf"),
    ("fa-bicycle", "Bicycle"),
    ("fa-coffee", "Cup"),
    ("fa-anchor", "Anchor"),
    ("fa-bell", "Bell"),
    ("fa-car", "Car"),
    ("fa-music", "Note"),
    ("fa-paw", "Paw"),
    ("fa-moon-o", "Moon"),
    ("fa-bolt", "Lightning"),
    ("fa-umbrella", "Umbrella"),
    ("fa-rocket", "Rocket"),
]


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

    payroll_number = fields.Char(
        copy=False,
        groups="hr.group_hr_user,social_enterprise.social_enterprise_group_manager,"
        "account.group_account_user",
        help="The employee's number in the payroll system (Danløn, Dataløn, Salary, "
        "Zenegy...): payroll files are matched on it, and pay-basis exports carry it.",
    )

    ordinary_hours_12m = fields.Float(
        "Ordinary Hours, Last 12 Months",
        compute="_compute_ordinary_hours_12m",
        digits=(16, 2),
        groups="social_enterprise.social_enterprise_group_supervisor",
        help="Attended hours in small-job or ordinary employment over the last 12 "
        "months (evidence for the benefit rules on ordinary hours).",
    )

    def _compute_ordinary_hours_12m(self):
        hours = self.env["social.placement"]._get_ordinary_hours(
            self.filtered("id"), fields.Date.context_today(self)
        )
        for employee in self:
            employee.ordinary_hours_12m = hours.get(employee.id, 0.0)

    def _compute_placement_count(self):
        counts = self.env["social.placement"]._count_by("employee_id", self)
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
        return self.env["social.placement"]._action_open_for("employee_id", self)

    def action_view_hours(self):
        """Week-by-week and month-by-month hours of all the person's placements."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_placement_hours_report_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"group_by": ["date:month"]}
        return action

    kiosk_symbol = fields.Selection(
        KIOSK_SYMBOLS,
        "Kiosk Pictogram",
        groups="social_enterprise.social_enterprise_group_user",
        help="The picture the person finds themselves by on the kiosk (when no "
        "photo may be shown).",
    )
    kiosk_show_photo = fields.Boolean(
        "Photo on the Kiosk",
        groups="social_enterprise.social_enterprise_group_user",
        help="Only with the person's consent to their photo on the shared tablet.",
    )
