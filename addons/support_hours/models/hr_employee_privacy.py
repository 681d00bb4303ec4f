# Privacy in its own file, beside the model's main file, to keep merges apart.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class HrEmployee(models.Model):
    """Support data in the privacy catalogue, end dates and anonymisation (see
    social_enterprise's ``hr_employee_privacy``)."""

    _inherit = "hr.employee"

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
        return res
