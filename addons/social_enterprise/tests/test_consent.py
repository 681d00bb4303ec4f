from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import SocialEnterpriseCase

PERIOD = (date(2026, 1, 1), date(2026, 6, 30))


@tagged("post_install", "-at_install")
class TestConsent(SocialEnterpriseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Consent = cls.env["social.consent"]
        cls.named = cls.env.ref(
            "social_enterprise.social_consent_purpose_named_reporting"
        )
        cls.photo = cls.env.ref("social_enterprise.social_consent_purpose_kiosk_photo")

    def _consent(self, person, purpose, given, withdrawn=False):
        return self.Consent.create(
            {
                "employee_id": person.id,
                "purpose_id": purpose.id,
                "date_given": given,
                "date_withdrawn": withdrawn,
                "method": "written",
            }
        )

    def test_valid_from_the_day_given_until_the_day_withdrawn(self):
        # Given 1 March, withdrawn 1 June: valid 1 March - 31 May, per purpose.
        self._consent(self.person, self.named, date(2026, 3, 1), date(2026, 6, 1))
        has = self.Consent._has_consent
        self.assertFalse(has(self.person, "named_reporting", date(2026, 2, 28)))
        self.assertTrue(has(self.person, "named_reporting", date(2026, 3, 1)))
        self.assertTrue(has(self.person, "named_reporting", date(2026, 5, 31)))
        self.assertFalse(has(self.person, "named_reporting", date(2026, 6, 1)))
        self.assertFalse(has(self.person, "kiosk_photo", date(2026, 4, 1)))
        self.assertFalse(has(self.person_b, "named_reporting", date(2026, 4, 1)))
        both = self.person | self.person_b
        self.assertEqual(
            self.Consent._get_consenting_employees(
                both, "named_reporting", date(2026, 4, 1)
            ),
            self.person,
        )

    def test_withdraw_keeps_the_record(self):
        consent = self._consent(self.person, self.photo, date(2026, 1, 1))
        self.assertEqual(consent.state, "given")
        consent.action_withdraw()
        self.assertEqual(consent.state, "withdrawn")
        self.assertTrue(consent.exists())
        self.assertFalse(self.Consent._has_consent(self.person, "kiosk_photo"))

    def test_withdrawn_before_given_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "before it was given"):
            self._consent(self.person, self.named, date(2026, 3, 1), date(2026, 2, 1))

    def test_access_rights(self):
        consent = self._consent(self.person, self.named, date(2026, 1, 1))
        self.env.invalidate_all()
        as_coordinator = consent.with_user(self.user_coordinator)
        self.assertEqual(as_coordinator.purpose_id, self.named)
        as_coordinator.write({"note": "Signed form in the binder"})
        with self.assertRaises(AccessError):
            as_coordinator.unlink()
        for user in (self.user_supervisor, self.user_plain):
            self.env.invalidate_all()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Consent.with_user(user).search([]).mapped("employee_id")
        with self.assertRaises(AccessError):
            self.named.with_user(self.user_coordinator).write({"code": "x"})


@tagged("post_install", "-at_install")
class TestNamesInImpactReport(SocialEnterpriseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.placement_a = cls._placement(date_start=date(2026, 1, 5))
        cls.placement_b = cls._placement(
            employee_id=cls.person_b.id, date_start=date(2026, 1, 5)
        )
        (cls.placement_a | cls.placement_b).action_activate()
        cls.named = cls.env.ref(
            "social_enterprise.social_consent_purpose_named_reporting"
        )

    def _names(self):
        wizard = (
            self.env["social.impact.report.wizard"]
            .with_user(self.user_manager)
            .create(
                {
                    "municipality_id": self.municipality.id,
                    "date_from": PERIOD[0],
                    "date_to": PERIOD[1],
                    "include_names": True,
                }
            )
        )
        table = next(
            t for t in wizard._get_report_data()["tables"] if t["key"] == "people"
        )
        return sorted(r["values"]["name"] for r in table["rows"])

    def test_consent_withdrawn_removes_the_name_from_the_next_report(self):
        self.assertEqual(self._names(), ["", ""])
        consent = self.env["social.consent"].create(
            {
                "employee_id": self.person.id,
                "purpose_id": self.named.id,
                "date_given": date(2026, 1, 2),
            }
        )
        self.assertEqual(self._names(), ["", "Person A"])
        consent.action_withdraw()
        self.assertEqual(self._names(), ["", ""])

    def test_controller_by_agreement_shows_all_names(self):
        self.assertFalse(self.municipality._is_privacy_controller())
        self.env["social.agreement"].create(
            {
                "name": "Test agreement",
                "municipality_id": self.municipality.id,
                "require_ean": False,
                "privacy_role": "processor",
                "privacy_retention_months": 36,
            }
        )
        self.assertTrue(self.municipality._is_privacy_controller())
        self.assertEqual(self._names(), ["Person A", "Person B"])

    def test_negative_retention_on_agreement_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["social.agreement"].create(
                {
                    "name": "Bad",
                    "municipality_id": self.municipality.id,
                    "require_ean": False,
                    "privacy_retention_months": -1,
                }
            )


@tagged("post_install", "-at_install")
class TestRecordsOfProcessing(SocialEnterpriseCase):
    def test_manager_prints_the_records_of_processing(self):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_manager)
            ._render_qweb_html(
                "social_enterprise.action_report_social_processing",
                self.env.company.ids,
            )
        )
        html = html.decode()
        for text in ("Placement", "Consent", "Bogføringsloven", "60 months"):
            self.assertIn(text, html)
        records = self.env["hr.employee"]._privacy_get_processing_records()
        self.assertTrue(all(r["purpose"] and r["retention"] for r in records))

    def test_retention_rules_are_dated_and_do_not_overlap(self):
        Rule = self.env["social.retention.rule"]
        rule = Rule._get_rule("identity", date(2026, 6, 1))
        self.assertEqual(rule.months, 60)
        self.assertIn("Bogføringsloven", rule.source)
        # 60 months from the end of the (calendar) financial year of 10 March 2026:
        # 31 Dec 2026 + 60 months = 31 Dec 2031, so due from 1 Jan 2032.
        self.assertEqual(
            rule._get_due_date(date(2026, 3, 10), self.env.company), date(2032, 1, 1)
        )
        with self.assertRaisesRegex(ValidationError, "in force"):
            Rule.create(
                {
                    "name": "Second identity rule",
                    "code": "identity",
                    "months": 12,
                    "date_from": date(2027, 1, 1),
                    "source": "test",
                }
            )
        user = new_test_user(
            self.env,
            login="rule_coordinator",
            groups="base.group_user,social_enterprise.social_enterprise_group_user",
        )
        with self.assertRaises(AccessError):
            rule.with_user(user).write({"months": 1})
