from datetime import date

from odoo.tests import tagged

from .billing_common import BillingCase

DAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestProductionReport(BillingCase):
    """Hours on production projects per scheme, and staff time split between
    support and production."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Project = cls.env["project.project"]
        cls.production = Project.create(
            {"name": "Værksted", "social_activity": "production"}
        )
        cls.support = Project.create({"name": "Støtte", "social_activity": "support"})
        cls.other = Project.create({"name": "Administration"})
        cls.supervisor = cls._person("Værkfører")
        cls.person = cls._person("Deltager", parent_id=cls.supervisor.id)
        cls.skaane_person = cls._person("Skånejobber")
        cls.ex_person = cls._person("Tidligere deltager")
        cls.placement = cls._placement(cls.person)
        # A mentor placement beside the employment: not exclusive, no double count.
        cls._placement(cls.person, scheme_id=cls.scheme_mentor.id, rate_level=False)
        cls._placement(
            cls.skaane_person, scheme_id=cls.scheme_skaane.id, rate_level=False
        )
        cls._placement(
            cls.ex_person, date_start=date(2025, 1, 1), date_end=date(2025, 12, 31)
        )
        cls.env["account.analytic.line"].create(
            [
                cls._sheet(cls.person, cls.production, 6.0),
                cls._sheet(cls.person, cls.other, 2.0),
                cls._sheet(cls.skaane_person, cls.production, 4.0),
                cls._sheet(cls.ex_person, cls.production, 1.5),
                cls._sheet(cls.supervisor, cls.production, 5.0),
                cls._sheet(cls.supervisor, cls.support, 3.0),
                cls._sheet(cls.person, cls.production, 7.0, date(2026, 5, 4)),
            ]
        )

    @classmethod
    def _sheet(cls, employee, project, hours, day=DAY):
        return {
            "name": "Arbejde",
            "employee_id": employee.id,
            "project_id": project.id,
            "date": day,
            "unit_amount": hours,
        }

    def test_production_hours_per_scheme(self):
        Report = self.env["social.production.report"]
        hours = Report._get_production_hours_by_scheme(
            date(2026, 3, 1), date(2026, 3, 31)
        )
        self.assertEqual(
            hours,
            {
                self.scheme_103: 6.0,
                self.scheme_skaane: 4.0,
                self.env["social.scheme"]: 6.5,  # staff and a former participant
            },
        )
        rows = Report.search([("employee_id", "=", self.person.id)])
        self.assertEqual(len(rows), 3)  # one row a timesheet, no double count
        self.assertEqual(set(rows.mapped("placement_id")), {self.placement})

    def test_staff_time_split(self):
        split = self.env["social.production.report"]._get_staff_time_split(
            date(2026, 3, 1), date(2026, 3, 31), self.supervisor
        )
        self.assertEqual(split, {self.supervisor: {"production": 5.0, "support": 3.0}})

    def test_views_load(self):
        for view_type in ("pivot", "graph", "list", "search"):
            self.env["social.production.report"].get_view(view_type=view_type)
        action = self.env.ref("social_enterprise.social_production_report_action")
        self.assertEqual(action.res_model, "social.production.report")
