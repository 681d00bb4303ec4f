from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestSecurity(SocialEnterpriseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_placement = cls._placement(social_note="<p>Sensitive situation</p>")
        cls.other_placement = cls._placement(employee_id=cls.person_b.id)

    def test_groups_exist_and_imply(self):
        manager = self.env.ref("social_enterprise.social_enterprise_group_manager")
        user = self.env.ref("social_enterprise.social_enterprise_group_user")
        supervisor = self.env.ref(
            "social_enterprise.social_enterprise_group_supervisor"
        )
        self.assertIn(user, manager.all_implied_ids)
        self.assertIn(supervisor, user.all_implied_ids)

    def test_supervisor_sees_team_only(self):
        Placement = self.Placement.with_user(self.user_supervisor)
        visible = Placement.search(
            [("id", "in", (self.team_placement | self.other_placement).ids)]
        )
        self.assertEqual(visible, self.team_placement)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.other_placement.with_user(self.user_supervisor).read(["name"])

    def test_supervisor_never_reads_social_notes(self):
        placement = self.team_placement.with_user(self.user_supervisor)
        self.assertEqual(placement.read(["weekly_hours"])[0]["weekly_hours"], 20)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            placement.read(["social_note"])
        self.assertNotIn("social_note", placement.fields_get())

    def test_supervisor_cannot_write(self):
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.team_placement.with_user(self.user_supervisor).write(
                {"weekly_hours": 1}
            )

    def test_coordinator_manages_placements_not_schemes(self):
        placement = self.other_placement.with_user(self.user_coordinator)
        placement.write({"weekly_hours": 25})
        self.assertIn(
            "Sensitive",
            self.team_placement.with_user(self.user_coordinator).social_note,
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.scheme_flex.with_user(self.user_coordinator).write({"max_duration": 1})
        with self.assertRaises(AccessError):
            self.env["social.scheme.rate"].with_user(self.user_coordinator).create(
                {
                    "scheme_id": self.scheme_flex.id,
                    "rate_type": "hourly_subsidy",
                    "amount": 1,
                    "date_from": "2030-01-01",
                }
            )

    def test_manager_manages_schemes(self):
        self.scheme_flex.with_user(self.user_manager).write(
            {"review_interval_months": 12}
        )
        self.assertEqual(self.scheme_flex.review_interval_months, 12)

    def test_plain_user_sees_nothing(self):
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.Placement.with_user(self.user_plain).search([])
        with self.assertRaises(AccessError):
            self.env["social.scheme"].with_user(self.user_plain).search([])

    def test_hours_analysis_follows_the_team(self):
        self.team_placement.action_activate()
        self.other_placement.action_activate()
        Report = self.env["social.placement.hours.report"].with_user(
            self.user_supervisor
        )
        placements = Report.search([]).placement_id
        self.assertIn(self.team_placement, placements)
        self.assertNotIn(self.other_placement, placements)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.env["social.placement.hours.report"].with_user(self.user_plain).search(
                []
            )

    def test_cpr_not_exportable_through_placements(self):
        self.person.sudo().ssnid = "020202-1234"
        self.user_coordinator.group_ids += self.env.ref("base.group_allow_export")
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.team_placement.with_user(self.user_coordinator).export_data(
                ["name", "employee_id/ssnid"]
            )
        rows = self.team_placement.with_user(self.user_coordinator).export_data(
            ["name", "employee_id/name"]
        )["datas"]
        self.assertNotIn("020202-1234", str(rows))

    def test_only_managers_manage_municipalities(self):
        partner_admin = self.env.ref("base.group_partner_manager")
        self.user_coordinator.group_ids += partner_admin
        Partner = self.env["res.partner"].with_user(self.user_coordinator)
        with self.assertRaises(AccessError):
            Partner.create(
                {"name": "Ny Kommune", "is_company": True, "is_municipality": True}
            )
        with self.assertRaises(AccessError):
            self.municipality.with_user(self.user_coordinator).municipality_code = "998"
        # Ordinary contact edits stay possible; managers may change municipalities.
        self.municipality.with_user(self.user_coordinator).phone = "+45 11 22 33 44"
        self.user_manager.group_ids += partner_admin
        self.municipality.with_user(self.user_manager).municipality_code = "998"
        self.assertEqual(self.municipality.municipality_code, "998")
