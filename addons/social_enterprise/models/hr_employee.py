from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# Stored fields that hr.employee.public lacks: outside the default prefetch, so
# that users who read employees through the public profile (all our groups but
# HR officers) can still read an employee's name.
PRIVATE_PREFETCH = "social_enterprise_private"

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

    continuity_case_worker_changes = fields.Integer(
        "Case-Worker Changes (12 m.)",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
    )
    continuity_contact_count = fields.Integer(
        "Contact Persons (12 m.)",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
        help="Distinct people the person dealt with in the last 12 months: case "
        "workers, coordinators, work supervisors, support staff.",
    )
    continuity_meeting_count = fields.Integer(
        "Meetings with the Municipality (12 m.)",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
    )
    continuity_last_step_date = fields.Date(
        "Last Step Forward",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
        help="More effective hours, a higher work capacity or a move on to a job, "
        "flexjob or education.",
    )
    continuity_days_since_step = fields.Integer(
        "Days Since the Last Step Forward",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
    )
    timeline_count = fields.Integer(
        compute="_compute_timeline_count",
        groups="social_enterprise.social_enterprise_group_supervisor",
    )

    payroll_number = fields.Char(
        copy=False,
        prefetch=PRIVATE_PREFETCH,
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

    def _compute_continuity(self):
        today = fields.Date.context_today(self)
        measures = self.env["social.placement.history"]._get_continuity(
            self.filtered("id"), today - relativedelta(months=12), today
        )
        for employee in self:
            values = measures.get(employee.id, {})
            employee.continuity_case_worker_changes = values.get(
                "case_worker_changes", 0
            )
            employee.continuity_contact_count = values.get("contacts", 0)
            employee.continuity_meeting_count = values.get("meetings", 0)
            employee.continuity_last_step_date = values.get("last_step")
            employee.continuity_days_since_step = values.get("days_since_step") or 0

    def _compute_timeline_count(self):
        counts = dict(
            self.env["social.person.timeline"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.timeline_count = counts.get(employee._origin, 0)

    def action_view_timeline(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_person_timeline_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["name"] = self.env._("Timeline of %(name)s", name=self.name)
        return action

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
        prefetch=PRIVATE_PREFETCH,
        help="The picture the person finds themselves by on the kiosk (when no "
        "photo may be shown).",
    )
    kiosk_show_photo = fields.Boolean(
        "Photo on the Kiosk",
        compute="_compute_kiosk_show_photo",
        groups="social_enterprise.social_enterprise_group_user",
        help="The kiosk shows the person's photo only while they have a valid consent "
        'to it (Consents, purpose "kiosk_photo"); otherwise their pictogram.',
    )

    def _compute_kiosk_show_photo(self):
        allowed = self.env["social.consent"]._get_consenting_employees(
            self.filtered("id"), "kiosk_photo"
        )
        for employee in self:
            employee.kiosk_show_photo = employee in allowed
