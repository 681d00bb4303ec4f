from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUiRoles(HttpCase):
    """Each role logs in (Danish), lands on its work and does its main task."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("da_DK")
        cls.env["ir.module.module"]._load_module_terms(
            ["social_enterprise"], ["da_DK"], overwrite=True
        )
        role = {"tz": "Europe/Copenhagen", "lang": "da_DK"}
        cls.coordinator = new_test_user(
            cls.env,
            login="se_role_coordinator",
            groups="base.group_user,social_enterprise.social_enterprise_group_user",
            **role,
        )
        cls.supervisor_user = new_test_user(
            cls.env,
            login="se_role_supervisor",
            groups="base.group_user,social_enterprise.social_enterprise_group_supervisor",
            **role,
        )
        Employee = cls.env["hr.employee"]
        supervisor = Employee.create(
            {"name": "Rolle Værkfører", "user_id": cls.supervisor_user.id}
        )
        municipality = cls.env["res.partner"].create(
            {"name": "Rolle Kommune", "is_company": True, "is_municipality": True}
        )
        Placement = cls.env["social.placement"]
        scheme = cls.env.ref("social_enterprise.social_scheme_sheltered_103")
        vals = {
            "scheme_id": scheme.id,
            "municipality_id": municipality.id,
            "date_start": date(2026, 1, 5),
            "weekly_hours": 20,
            "days_per_week": 4,
        }
        cls.draft = Placement.create(
            {**vals, "employee_id": Employee.create({"name": "Rolle Kladde"}).id}
        )
        member = Employee.create({"name": "Rolle Holdet", "parent_id": supervisor.id})
        Placement.create({**vals, "employee_id": member.id}).action_activate()

    def test_coordinator_lands_on_placements_needing_action(self):
        self.start_tour(
            "/odoo", "social_enterprise_coordinator_home", login=self.coordinator.login
        )
        self.assertEqual(self.draft.state, "active")

    def test_supervisor_lands_on_the_team(self):
        self.start_tour(
            "/odoo",
            "social_enterprise_supervisor_home",
            login=self.supervisor_user.login,
        )
