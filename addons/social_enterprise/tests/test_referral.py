from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestReferral(SocialEnterpriseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Referral = cls.env["social.referral"].with_user(cls.user_coordinator)

    def _referral(self, **vals):
        defaults = {
            "municipality_id": self.municipality.id,
            "case_worker_id": self.case_worker.id,
            "person_name": "Ny Person",
            "scheme_id": self.scheme_103.id,
            "rate_level": "2",
            "weekly_hours": 20,
            "days_per_week": 4,
            "order_ref": "ORD-77",
            "person_ref": "SAG-1234",
            "authorisation_ref": "BEV-9",
            "date_received": date(2026, 3, 2),
            "date_wished_start": date(2026, 4, 1),
            "date_authorised_to": date(2026, 9, 30),
        }
        defaults.update(vals)
        return self.Referral.create(defaults)

    def test_referral_to_active_placement_without_retyping(self):
        referral = self._referral()
        self.assertTrue(referral.name.startswith("HV"))
        referral.action_waitlist()
        self.assertEqual(referral.state, "waiting")
        self.assertTrue(referral.date_waitlist)
        referral.action_intake()
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user_coordinator)
            .create({"name": "henvisning.pdf", "raw": b"%PDF-1.4 referral"})
        )
        referral.attachment_ids = attachment
        referral.action_accept()
        self.assertEqual(referral.state, "accepted")
        placement = referral.placement_id
        self.assertEqual(placement.state, "draft")
        self.assertEqual(placement.employee_id.name, "Ny Person")
        self.assertEqual(referral.employee_id, placement.employee_id)
        self.assertEqual(placement.scheme_id, self.scheme_103)
        self.assertEqual(placement.municipality_id, self.municipality)
        self.assertEqual(placement.case_worker_id, self.case_worker)
        self.assertEqual(
            (placement.order_ref, placement.person_ref), ("ORD-77", "SAG-1234")
        )
        self.assertEqual(
            (placement.date_start, placement.date_end),
            (date(2026, 4, 1), date(2026, 9, 30)),
        )
        self.assertEqual(
            (placement.weekly_hours, placement.days_per_week, placement.rate_level),
            (20, 4, "2"),
        )
        self.assertEqual(placement.user_id, self.user_coordinator)
        auth = placement.sudo().authorisation_ids
        self.assertEqual(len(auth), 1)
        self.assertEqual(
            (auth.reference, auth.date_from, auth.date_to, auth.days_per_week),
            ("BEV-9", date(2026, 4, 1), date(2026, 9, 30), 4),
        )
        copied = self.env["ir.attachment"].search(
            [("res_model", "=", "social.placement"), ("res_id", "=", placement.id)]
        )
        self.assertEqual(copied.name, "henvisning.pdf")
        # The coordinator activates it as it is: nothing to type.
        placement.with_user(self.user_coordinator).action_activate()
        self.assertEqual(placement.state, "active")
        # Received 2 March, started 1 April: 30 days from referral to start.
        self.assertEqual(referral.days_to_start, 30)
        groups = self.env["social.referral"]._read_group(
            [("id", "=", referral.id)], [], ["days_to_start:avg"]
        )
        self.assertEqual(groups[0][0], 30)

    def test_existing_person_is_reused(self):
        referral = self._referral(employee_id=self.person_b.id, person_name=False)
        referral.action_accept()
        self.assertEqual(referral.placement_id.employee_id, self.person_b)

    def test_decline_needs_a_reason_and_withdraw(self):
        referral = self._referral()
        with self.assertRaisesRegex(UserError, "reason"):
            referral.action_decline()
        self.assertEqual(referral.state, "received")
        referral.decline_reason = "No place in the team before summer."
        referral.action_decline()
        self.assertEqual(referral.state, "declined")
        self.assertFalse(referral.placement_id)
        with self.assertRaises(UserError):
            referral.action_accept()
        other = self._referral()
        other.action_withdraw()
        self.assertEqual(other.state, "withdrawn")
        self.assertTrue(other.date_decision)

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "CPR"):
            self._referral(person_ref="010190-1234")
        referral = self._referral(date_wished_start=False)
        with self.assertRaisesRegex(UserError, "start date"):
            referral.action_accept()
        self.assertFalse(referral.placement_id)
        self.assertEqual(referral.state, "received")

    def test_form_clears_case_worker_of_another_municipality(self):
        other = self.env["res.partner"].create(
            {"name": "Anden Kommune", "is_company": True, "is_municipality": True}
        )
        with Form(self.Referral) as form:
            form.municipality_id = self.municipality
            form.case_worker_id = self.case_worker
            form.person_name = "Form Person"
            form.scheme_id = self.scheme_103
            form.municipality_id = other
            self.assertFalse(form.case_worker_id)
