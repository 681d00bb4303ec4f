from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestCpr(SocialEnterpriseCase):
    """The CPR number lives in the employee's SSN field: HR officers only, validated,
    untracked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person.private_country_id = cls.env.ref("base.dk")

    def test_cpr_validated_without_mod11(self):
        self.person.ssnid = "010190-0000"  # fails mod-11, a valid birth date: accepted
        with (
            self.assertRaisesRegex(ValidationError, "CPR number") as ctx,
            self.cr.savepoint(),
        ):
            self.person.ssnid = "310290-1234"
        self.assertNotIn("310290", str(ctx.exception), "errors never echo the number")

    def test_cpr_not_tracked_in_chatter(self):
        self.person.with_context(tracking_disable=False).ssnid = "020202-1234"
        self.person.version_id.flush_recordset()
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search([("field_id.name", "=", "ssnid")])
        )
        self.assertFalse(values)
        self.assertFalse(self.env["hr.version"]._fields["ssnid"].tracking)

    def test_cpr_restricted_to_hr_officers(self):
        self.person.ssnid = "020202-1234"
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.person.with_user(self.user_coordinator).read(["ssnid"])
        officer = new_test_user(self.env, login="hr_officer", groups="hr.group_hr_user")
        self.assertEqual(self.person.with_user(officer).ssnid, "020202-1234")

    def test_cpr_not_in_placement_fields(self):
        fields = self.Placement.fields_get()
        self.assertFalse([f for f in fields if "ssn" in f or "cpr" in f])
