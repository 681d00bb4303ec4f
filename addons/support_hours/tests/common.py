from datetime import date, datetime

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

MENTOR = "base.group_user,support_hours.support_hours_group_mentor"
COORDINATOR = "base.group_user,support_hours.support_hours_group_coordinator"
SUPERVISOR = "base.group_user,social_enterprise.social_enterprise_group_supervisor"


class SupportCase(TransactionCase):
    """Shared fixtures: users of every role, people in two caseloads, needs, a grant.

    Times are naive UTC like Odoo's; every user works in Europe/Copenhagen, so
    ``datetime(2026, 3, 2, 8, 0)`` is Monday 2 March 2026 at 9:00 local time.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        ref = cls.env.ref
        cls.cat_mentor = ref("support_hours.support_need_category_mentor")
        cls.cat_structure = ref("support_hours.support_need_category_structure")
        cls.cat_physical = ref("support_hours.support_need_category_physical")
        tz = {"tz": "Europe/Copenhagen"}
        cls.user_mentor = new_test_user(
            cls.env, login="sh_mentor_a", groups=MENTOR, **tz
        )
        cls.user_mentor_b = new_test_user(
            cls.env, login="sh_mentor_b", groups=MENTOR, **tz
        )
        cls.user_coordinator = new_test_user(
            cls.env, login="sh_coordinator", groups=COORDINATOR, **tz
        )
        cls.user_supervisor = new_test_user(
            cls.env, login="sh_supervisor", groups=SUPERVISOR, **tz
        )
        cls.user_plain = new_test_user(
            cls.env, login="sh_plain", groups="base.group_user", **tz
        )
        cls.municipality = cls.env["res.partner"].create(
            {"name": "Prøvekommune", "is_company": True, "is_municipality": True}
        )
        Employee = cls.env["hr.employee"]
        cls.supervisor = Employee.create(
            {"name": "Værkfører Test", "user_id": cls.user_supervisor.id}
        )
        # person: in mentor A's caseload and in the supervisor's team.
        cls.person = Employee.create(
            {"name": "Person A", "parent_id": cls.supervisor.id}
        )
        # person_b: in mentor B's caseload, in nobody's team.
        cls.person_b = Employee.create({"name": "Person B"})
        cls.Need = cls.env["support.need"]
        cls.Session = cls.env["support.session"]
        cls.Grant = cls.env["support.grant"]
        cls.need = cls.Need.create(
            {
                "employee_id": cls.person.id,
                "category_id": cls.cat_structure.id,
                "description": "<p>Diagnosis X, treated by Dr Y</p>",
                "accommodation": "A written plan for the day",
                "planned_hours": 2.0,
                "date_from": date(2026, 1, 1),
                "responsible_id": cls.user_mentor.id,
            }
        )
        cls.need_b = cls.Need.create(
            {
                "employee_id": cls.person_b.id,
                "category_id": cls.cat_mentor.id,
                "description": "<p>Confidential B</p>",
                "accommodation": "Quiet workplace",
                "planned_hours": 1.0,
                "date_from": date(2026, 1, 1),
                "responsible_id": cls.user_mentor_b.id,
            }
        )
        cls.grant = cls._grant()

    @classmethod
    def _grant(cls, **vals):
        defaults = {
            "employee_id": cls.person.id,
            "municipality_id": cls.municipality.id,
            "category_id": cls.cat_structure.id,
            "date_from": date(2026, 3, 1),
            "date_to": date(2026, 8, 31),
            "grant_type": "weekly",
            "hours_per_week": 4.0,
            "price_per_hour": 450.0,
            "responsible_id": cls.user_coordinator.id,
            "state": "active",
        }
        defaults.update(vals)
        return cls.env["support.grant"].create(defaults)

    @classmethod
    def _session(cls, start=None, **vals):
        defaults = {
            "employee_id": cls.person.id,
            "staff_id": cls.user_mentor.id,
            "start": start or datetime(2026, 3, 2, 8, 0),
            "duration": 1.0,
        }
        defaults.update(vals)
        return cls.env["support.session"].create(defaults)
