from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The main flow in a real browser: a coordinator creates and activates one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = new_test_user(
            cls.env,
            login="se_tour_coordinator",
            groups="base.group_user,social_enterprise.social_enterprise_group_user",
            tz="Europe/Copenhagen",
        )
        cls.person = cls.env["hr.employee"].create({"name": "Tour Person"})
        cls.env["res.partner"].create(
            {"name": "Tour Kommune", "is_company": True, "is_municipality": True}
        )
        cls.env["social.scheme"].create(
            {
                "name": "Tour Scheme",
                "code": "TOUR",
                "payment_flow": "service_fee",
                "date_from": date(2020, 1, 1),
            }
        )

    def test_create_and_activate_placement(self):
        self.start_tour(
            "/odoo", "social_enterprise_placement_tour", login=self.coordinator.login
        )
        placement = self.env["social.placement"].search(
            [("employee_id", "=", self.person.id)]
        )
        self.assertEqual(placement.state, "active")
        self.assertEqual(placement.scheme_id.code, "TOUR")
        self.assertEqual(placement.date_start, date(2026, 1, 5))
        self.assertEqual(placement.weekly_hours, 15)
