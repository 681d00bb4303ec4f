from datetime import date

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class SocialEnterpriseCase(TransactionCase):
    """Shared fixtures: schemes from the shipped data, a municipality, people and
    users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Placement = cls.env["social.placement"]
        ref = cls.env.ref
        cls.scheme_flex = ref("social_enterprise.social_scheme_flexjob")
        cls.scheme_skaane = ref("social_enterprise.social_scheme_skaanejob")
        cls.scheme_wage_private = ref(
            "social_enterprise.social_scheme_wage_subsidy_private"
        )
        cls.scheme_praktik = ref("social_enterprise.social_scheme_work_placement")
        cls.scheme_103 = ref("social_enterprise.social_scheme_sheltered_103")
        cls.scheme_104 = ref("social_enterprise.social_scheme_activity_104")
        cls.scheme_mentor = ref("social_enterprise.social_scheme_mentor")
        cls.scheme_resource = ref("social_enterprise.social_scheme_resource")
        cls.municipality = cls.env["res.partner"].create(
            {
                "name": "Test Kommune",
                "is_company": True,
                "is_municipality": True,
                "municipality_code": "999",
                "country_id": ref("base.dk").id,
                "vat": "DK64942212",
            }
        )
        cls.case_worker = cls.env["res.partner"].create(
            {"name": "Test Sagsbehandler", "parent_id": cls.municipality.id}
        )
        cls.user_supervisor = new_test_user(
            cls.env,
            login="se_supervisor",
            groups="base.group_user,social_enterprise.social_enterprise_group_supervisor",
        )
        cls.user_coordinator = new_test_user(
            cls.env,
            login="se_coordinator",
            groups="base.group_user,social_enterprise.social_enterprise_group_user",
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="se_manager",
            groups="base.group_user,social_enterprise.social_enterprise_group_manager",
        )
        cls.user_plain = new_test_user(
            cls.env, login="se_plain", groups="base.group_user"
        )
        Employee = cls.env["hr.employee"]
        cls.supervisor = Employee.create(
            {"name": "Værkfører", "user_id": cls.user_supervisor.id}
        )
        cls.person = Employee.create(
            {"name": "Person A", "parent_id": cls.supervisor.id}
        )
        cls.person_b = Employee.create({"name": "Person B"})

    @classmethod
    def _placement(cls, **vals):
        defaults = {
            "employee_id": cls.person.id,
            "scheme_id": cls.scheme_103.id,
            "municipality_id": cls.municipality.id,
            "case_worker_id": cls.case_worker.id,
            "date_start": date(2026, 3, 1),
            "weekly_hours": 20,
            "days_per_week": 4,
        }
        defaults.update(vals)
        return cls.env["social.placement"].create(defaults)
