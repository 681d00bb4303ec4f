from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestReferralSecurity(SocialEnterpriseCase):
    """Coordinators work with referrals, authorisations and reports; managers
    approve; work supervisors and plain users see none of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.placement = cls._placement(date_start=date(2026, 11, 2))
        cls.referral = cls.env["social.referral"].create(
            {
                "municipality_id": cls.municipality.id,
                "person_name": "Hemmelig Person",
                "scheme_id": cls.scheme_103.id,
            }
        )
        cls.auth = cls.env["social.authorisation"].create(
            {"placement_id": cls.placement.id, "date_from": date(2026, 11, 2)}
        )
        cls.suspension = cls.env["social.suspension"].create(
            {
                "placement_id": cls.placement.id,
                "date_from": date(2026, 11, 9),
                "date_to": date(2026, 11, 10),
            }
        )
        cls.report = cls.env["social.status.report"].create(
            {
                "placement_id": cls.placement.id,
                "type_id": cls.env.ref(
                    "social_enterprise.social_status_report_type_status"
                ).id,
                "date_from": date(2026, 11, 2),
                "date_to": date(2026, 11, 30),
            }
        )

    def test_supervisor_and_plain_user_see_none_of_it(self):
        for user in (self.user_supervisor, self.user_plain):
            for record in (self.referral, self.auth, self.suspension, self.report):
                record.invalidate_recordset()
                with self.assertRaises(AccessError, msg=(user.login, record._name)):
                    record.with_user(user).read(["display_name"])
                with self.assertRaises(AccessError, msg=(user.login, record._name)):
                    record.with_user(user).write({})
        # The supervisor still reads the team's placement, not its authorisations.
        placement = self.placement.with_user(self.user_supervisor)
        self.assertEqual(placement.read(["name"])[0]["name"], self.placement.name)
        with self.assertRaises(AccessError):
            placement.read(["authorisation_ids"])

    def test_coordinator_drafts_manager_approves(self):
        referral = self.referral.with_user(self.user_coordinator)
        referral.write({"priority": "1"})
        report = self.report.with_user(self.user_coordinator)
        report.action_fill()
        report.action_submit()
        with self.assertRaises(AccessError):
            report.action_approve()
        report.with_user(self.user_manager).action_approve()
        self.assertEqual(report.state, "approved")

    def test_report_types_are_managed_by_managers(self):
        report_type = self.env.ref("social_enterprise.social_status_report_type_status")
        with self.assertRaises(AccessError):
            report_type.with_user(self.user_coordinator).write({"sequence": 3})
        report_type.with_user(self.user_manager).write({"sequence": 3})
