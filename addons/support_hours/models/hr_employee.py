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

    # -------------------------------------------------------------- privacy
    # Support data in the privacy catalogue, end dates and anonymisation (see
    # social_enterprise's ``hr_employee_privacy``).

    @api.model
    def _privacy_get_catalogue(self):
        support = self.env._(
            "Plan, deliver and bill the support the person was granted."
        )
        health = self.env._(
            "GDPR art. 9(2)(h) and databeskyttelsesloven §7: health data processed "
            "by staff under a duty of confidentiality, to deliver the support."
        )
        return [
            *super()._privacy_get_catalogue(),
            {
                "model": "support.need",
                "person_field": "employee_id",
                "fields": [
                    "category_id",
                    "description",
                    "accommodation",
                    "planned_hours",
                    "date_from",
                    "date_to",
                ],
                "purpose": support,
                "legal_basis": health,
                "retention": "support",
            },
            {
                "model": "support.plan",
                "person_field": "employee_id",
                "fields": [
                    "name",
                    "municipal_plan_ref",
                    "date_from",
                    "date_to",
                    "note",
                ],
                "purpose": support,
                "legal_basis": health,
                "retention": "support",
            },
            {
                "model": "support.plan.review",
                "person_field": "employee_id",
                "fields": ["date", "goals_achieved", "goals_total", "priorities"],
                "purpose": support,
                "legal_basis": health,
                "retention": "support",
            },
            {
                "model": "support.plan.goal",
                "person_field": "employee_id",
                "fields": ["name", "target_date", "state", "result"],
                "purpose": support,
                "legal_basis": health,
                "retention": "support",
            },
            {
                "model": "support.session",
                "person_field": "employee_id",
                "fields": ["start", "duration", "kind", "staff_id", "note"],
                "purpose": support,
                "legal_basis": health,
                "retention": "support",
            },
            {
                "model": "support.grant",
                "person_field": "employee_id",
                "fields": ["municipality_id", "date_from", "date_to", "granted_hours"],
                "purpose": self.env._(
                    "Hours the municipality granted, and their billing."
                ),
                "legal_basis": self.env._("GDPR art. 6(1)(b) and (c)."),
                "retention": "identity",
            },
            {
                "model": "support.assessment",
                "person_field": "employee_id",
                "fields": ["instrument_id", "date", "assessor_id", "note"],
                "purpose": self.env._("Progression of the person over time."),
                "legal_basis": health,
                "retention": "support",
            },
            {
                "model": "support.assessment.line",
                "person_field": "employee_id",
                "fields": ["dimension_id", "staff_score", "self_score"],
                "purpose": self.env._(
                    "Progression of the person over time; kept under a pseudonym "
                    "for aggregated reports."
                ),
                "legal_basis": health,
                "retention": "identity",
            },
            {
                "model": "support.access.log",
                "person_field": "employee_id",
                "fields": ["user_id", "res_model", "res_id", "field_names"],
                "purpose": self.env._("Who read the person's health data, and when."),
                "legal_basis": self.env._("GDPR art. 5(2) and 32."),
                "retention": "access_log",
            },
        ]

    @api.model
    def _privacy_get_subjects(self):
        employees = super()._privacy_get_subjects()
        for model in (
            "support.need",
            "support.plan",
            "support.grant",
            "support.session",
        ):
            # sudo: who has support records, for the retention job.
            groups = self.env[model].sudo()._read_group([], ["employee_id"])
            employees |= self.browse([employee.id for (employee,) in groups])
        return employees

    def _privacy_get_end_dates(self):
        """Support counts too: a need, plan or grant not closed keeps it running."""
        result = super()._privacy_get_end_dates()
        today = fields.Date.context_today(self)
        for model, end_field in (
            ("support.need", "date_to"),
            ("support.plan", "date_to"),
            ("support.grant", "date_to"),
        ):
            # sudo: dates and states only, to know when the support ended.
            groups = (
                self.env[model]
                .sudo()
                ._read_group(
                    [("employee_id", "in", self.ids)],
                    ["employee_id", "state"],
                    [f"{end_field}:max"],
                )
            )
            for employee, state, end in groups:
                running = state != "closed" and (not end or end >= today)
                self._privacy_merge_end(result, employee.id, None if running else end)
        sessions = (
            self.env["support.session"]
            .sudo()
            ._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["date:max"]
            )
        )
        for employee, last in sessions:
            self._privacy_merge_end(result, employee.id, last)
        return result

    def _privacy_anonymise_support(self):
        """Clear the texts that hold health data; hours, categories and scores stay
        for the aggregated reports."""
        res = super()._privacy_anonymise_support()
        domain = [("employee_id", "in", self.ids)]
        env = self.env(su=True)
        env["support.need"].search(domain).write(
            {"description": False, "accommodation": False}
        )
        env["support.plan"].search(domain).write({"note": False})
        env["support.plan.goal"].search(domain).write({"result": False})
        env["support.session"].search(domain).write({"note": False})
        env["support.assessment"].search(domain).write({"note": False})
        env["support.plan.review"].search(domain).write({"priorities": False})
        return res
