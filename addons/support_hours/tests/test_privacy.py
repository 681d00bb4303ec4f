import base64
import json
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import SupportCase

MANAGER = "base.group_user,social_enterprise.social_enterprise_group_manager"
OLD_PERIOD = (date(2020, 1, 1), date(2020, 6, 30))


@tagged("post_install", "-at_install")
class TestRetention(SupportCase):
    """Five people placed from January 2019 to 30 June 2020, with a closed need and
    a session each. With the shipped rules:

    - health data: 24 months after 30 June 2020, so due from 1 July 2022;
    - name and CPR: 60 months after the end of the financial year (31 December
      2020), so due from 1 January 2026.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager = new_test_user(cls.env, login="priv_manager", groups=MANAGER)
        ref = cls.env.ref
        scheme = ref("social_enterprise.social_scheme_sheltered_103")
        cls.old_people = cls.env["hr.employee"].create(
            [{"name": f"Former Participant {i}"} for i in range(5)]
        )
        cls.old_people[0].sudo().ssnid = "010190-1234"
        placements = cls.env["social.placement"].create(
            [
                {
                    "employee_id": person.id,
                    "scheme_id": scheme.id,
                    "municipality_id": cls.municipality.id,
                    "date_start": date(2019, 1, 7),
                    "weekly_hours": 20,
                    "days_per_week": 4,
                    "person_ref": f"OLD-{i}",
                    "social_note": "<p>Housing problems</p>",
                }
                for i, person in enumerate(cls.old_people)
            ]
        )
        placements.action_activate()
        placements._end(date(2020, 6, 30), "completed")
        cls.old_needs = cls.Need.create(
            [
                {
                    "employee_id": person.id,
                    "category_id": cls.cat_structure.id,
                    "description": "<p>Old diagnosis</p>",
                    "accommodation": "Breaks",
                    "date_from": date(2019, 1, 7),
                    "date_to": date(2020, 6, 30),
                    "state": "closed",
                    "responsible_id": cls.user_mentor.id,
                }
                for person in cls.old_people
            ]
        )
        cls.old_sessions = cls.Session.create(
            [
                {
                    "employee_id": person.id,
                    "staff_id": cls.user_mentor.id,
                    "start": datetime(2020, 3, 2, 8) + timedelta(hours=2 * i),
                    "duration": 1.0,
                    "note": "<p>Talked about the diagnosis</p>",
                }
                for i, person in enumerate(cls.old_people)
            ]
        )
        cls.env["hr.attendance"].create(
            [
                {
                    "employee_id": person.id,
                    "check_in": datetime(2020, 3, 2 + day, 7),
                    "check_out": datetime(2020, 3, 2 + day, 12),
                }
                for person in cls.old_people
                for day in range(4)
            ]
        )
        cls.Employee = cls.env["hr.employee"]

    def _run_cron(self, day):
        with freeze_time(day):
            self.Employee._cron_privacy_retention()
        self.env.invalidate_all()

    def _report(self):
        data = self.env["social.impact.report"]._get_report_data(
            self.municipality, *OLD_PERIOD, person_lines=True
        )
        return data["people"], data["tables"]

    def test_nothing_goes_before_its_time(self):
        self._run_cron("2022-06-30")
        self.assertEqual(
            self.old_needs.mapped("description"), ["<p>Old diagnosis</p>"] * 5
        )
        self.assertFalse(
            self.env["social.privacy.request"].search(
                [("employee_id", "in", self.old_people.ids)]
            )
        )
        # The people still being supported are never due.
        due = (self.person | self.person_b)._privacy_get_due(date(2030, 1, 1))
        self.assertFalse(
            [i for i in due if i["employee"] in self.person | self.person_b]
        )

    def test_health_data_then_identity_anonymised_and_old_report_adds_up(self):
        before = self._report()
        self.assertEqual(before[0], 5)
        self._run_cron("2022-07-01")
        self.assertEqual(set(self.old_needs.mapped("description")), {False})
        self.assertEqual(set(self.old_needs.mapped("accommodation")), {False})
        self.assertEqual(set(self.old_sessions.mapped("note")), {False})
        placements = self.env["social.placement"].search(
            [("employee_id", "in", self.old_people.ids)]
        )
        self.assertEqual(set(placements.mapped("social_note")), {False})
        self.assertEqual(self.old_people[0].name, "Former Participant 0")
        self.assertEqual(self.old_people[0].sudo().ssnid, "010190-1234")
        self.assertEqual(self._report(), before)
        self._run_cron("2025-12-31")
        self.assertEqual(self.old_people[0].sudo().ssnid, "010190-1234")
        self._run_cron("2026-01-01")
        person = self.old_people[0].sudo()
        self.assertTrue(person.name.startswith("Anonymised P-"))
        self.assertFalse(person.ssnid)
        self.assertEqual(set(placements.mapped("person_ref")), {False})
        self.assertEqual(len(placements), 5, "placements stay for the reports")
        self.assertEqual(self._report(), before, "the old report still adds up")
        requests = self.env["social.privacy.request"].search(
            [("employee_id", "=", person.id), ("kind", "=", "retention")]
        )
        self.assertEqual(len(requests), 2)
        self.assertIn("Bogføringsloven", requests[0].done_summary)
        # Idempotent: another day, nothing more to do.
        self._run_cron("2026-01-02")
        self.assertEqual(
            self.env["social.privacy.request"].search_count(
                [("employee_id", "=", person.id)]
            ),
            2,
        )

    def test_entry_after_the_end_moves_the_bookkeeping_years(self):
        """Billed in arrears: a posted entry naming the person on 31 January 2021,
        after the end on 30 June 2020, is material of the financial year 2021,
        kept to 31 December 2026; so name and CPR go from 1 January 2027, a year
        after the others. Health data keeps its own 24 months from the end."""
        late = self.old_people[2]
        company = self.env.company
        journal = self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", company.id)], limit=1
        )
        debit, credit = self.env["account.account"].search(
            [("company_ids", "in", company.id), ("active", "=", True)], limit=2
        )
        move = self.env["account.move"].create(
            {
                "journal_id": journal.id,
                "date": date(2021, 1, 31),
                "line_ids": [
                    Command.create({"account_id": debit.id, "debit": 100.0}),
                    Command.create({"account_id": credit.id, "credit": 100.0}),
                ],
            }
        )
        move.action_post()
        self.env["social.wage.period"].create(
            {
                "employee_id": late.id,
                "company_id": company.id,
                "period_start": date(2021, 1, 1),
                "move_id": move.id,
            }
        )
        due = {item["category"]: item["due"] for item in late._privacy_get_due()}
        self.assertEqual(
            due, {"support": date(2022, 7, 1), "identity": date(2027, 1, 1)}
        )
        self._run_cron("2026-01-01")
        self.assertTrue(self.old_people[0].sudo().name.startswith("Anonymised P-"))
        self.assertEqual(late.sudo().name, "Former Participant 2")
        self._run_cron("2027-01-01")
        self.assertTrue(late.sudo().name.startswith("Anonymised P-"))

    def test_status_reports_and_referrals_go_with_their_categories(self):
        """A sent status report's texts and PDF go with the health data (1 July
        2022); the referral's name, reference and documents with the identity
        (1 January 2026); the report's figures and the referral stay."""
        person = self.old_people[3]
        placement = self.env["social.placement"].search(
            [("employee_id", "=", person.id)]
        )
        report = self.env["social.status.report"].create(
            {
                "placement_id": placement.id,
                "type_id": self.env.ref(
                    "social_enterprise.social_status_report_type_status"
                ).id,
                "date_from": date(2020, 1, 1),
                "date_to": date(2020, 3, 31),
                "body": "<p>Talked about the diagnosis</p>",
                "next_steps": "A fifth day",
            }
        )
        pdf = self.env["ir.attachment"].create(
            {
                "name": "report.pdf",
                "raw": b"%PDF-1.4 sent",
                "res_model": report._name,
                "res_id": report.id,
            }
        )
        report.write({"state": "sent", "attachment_id": pdf.id})
        scheme = self.env.ref("social_enterprise.social_scheme_sheltered_103")
        referral = self.env["social.referral"].create(
            {
                "municipality_id": self.municipality.id,
                "scheme_id": scheme.id,
                "employee_id": person.id,
                "person_name": "Former Participant 3",
                "person_ref": "REF-3",
                "note": "<p>Anxiety</p>",
                "date_received": date(2018, 11, 1),
            }
        )
        referral.attachment_ids = self.env["ir.attachment"].create(
            {"name": "visitation.pdf", "raw": b"%PDF-1.4 visitation"}
        )
        self._run_cron("2022-07-01")
        self.assertEqual((report.body, report.next_steps), (False, False))
        self.assertFalse(pdf.exists())
        self.assertEqual(report.state, "sent")
        self.assertFalse(referral.note)
        self.assertEqual(referral.person_name, "Former Participant 3")
        self._run_cron("2026-01-01")
        self.assertEqual((referral.person_name, referral.person_ref), (False, False))
        self.assertFalse(referral.attachment_ids)
        self.assertTrue(referral.exists() and report.exists())

    def test_legal_hold_keeps_everything(self):
        held = self.old_people[1]
        held.with_user(self.user_manager).write(
            {"privacy_legal_hold": True, "privacy_legal_hold_reason": "Complaint"}
        )
        self._run_cron("2026-06-01")
        self.assertEqual(held.name, "Former Participant 1")
        self.assertEqual(self.old_needs[1].description, "<p>Old diagnosis</p>")
        self.assertFalse(self.old_needs[2].description)
        with self.assertRaises(AccessError):
            self.old_people[2].with_user(self.user_coordinator).write(
                {"privacy_legal_hold": True}
            )

    def test_agreement_retention_for_health_data(self):
        # The municipality requires 36 months: health data due 1 July 2023.
        self.env["social.agreement"].create(
            {
                "name": "Old agreement",
                "municipality_id": self.municipality.id,
                "require_ean": False,
                "privacy_retention_months": 36,
            }
        )
        self._run_cron("2023-06-30")
        self.assertEqual(self.old_needs[0].description, "<p>Old diagnosis</p>")
        self._run_cron("2023-07-01")
        self.assertFalse(self.old_needs[0].description)

    def test_preview_shows_next_month(self):
        with freeze_time("2022-06-10"):
            items = self.Employee._privacy_get_preview()
            wizard = (
                self.env["social.privacy.preview"]
                .with_user(self.user_manager)
                .create({})
            )
            html = wizard.preview_html
        mine = [i for i in items if i["employee"] in self.old_people]
        self.assertEqual(
            {(i["category"], i["due"]) for i in mine}, {("support", date(2022, 7, 1))}
        )
        self.assertIn("Former Participant 3", html)
        self.assertEqual(self.old_needs[0].description, "<p>Old diagnosis</p>")


@tagged("post_install", "-at_install")
class TestPrivacyRequests(SupportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager = new_test_user(cls.env, login="req_manager", groups=MANAGER)
        cls.session = cls._session(note="<p>Session note A</p>")
        cls._session(
            employee_id=cls.person_b.id,
            staff_id=cls.user_mentor_b.id,
            start=datetime(2026, 3, 3, 8),
            note="<p>Confidential session B</p>",
        )
        cls.Request = cls.env["social.privacy.request"].with_user(cls.user_manager)

    def test_access_export_holds_every_record_of_the_person_and_nothing_else(self):
        request = self.Request.create({"employee_id": self.person.id, "kind": "access"})
        action = request.action_export()
        self.assertEqual(action["type"], "ir.actions.report")
        data = json.loads(base64.b64decode(request.export_file))
        sections = {s["model"]: s for s in data["sections"]}
        for entry in self.env["hr.employee"]._privacy_get_catalogue():
            Model = self.env[entry["model"]].sudo().with_context(active_test=False)
            mine = Model.search([(entry["person_field"], "=", self.person.id)]).ids
            exported = [r["id"] for r in sections[entry["model"]]["records"]]
            with self.subTest(model=entry["model"]):
                self.assertEqual(sorted(exported), sorted(mine))
        self.assertEqual(sections["support.need"]["records"][0]["id"], self.need.id)
        self.assertEqual(len(sections["support.session"]["records"]), 1)
        text = json.dumps(data, ensure_ascii=False)
        self.assertIn("Diagnosis X", text)
        self.assertIn("Session note A", text)
        for other in ("Confidential B", "Confidential session B", "Person B"):
            self.assertNotIn(other, text)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "social_enterprise.action_report_social_privacy_request", request.ids
        )
        self.assertIn("Diagnosis X", html.decode())
        self.assertNotIn("Confidential B", html.decode())
        logged = self.env["support.access.log"].search(
            [("user_id", "=", self.user_manager.id), ("res_model", "=", "support.need")]
        )
        self.assertEqual(logged.employee_id, self.person)

    def test_erasure_keeps_what_a_running_placement_needs(self):
        request = self.Request.create(
            {"employee_id": self.person.id, "kind": "erasure"}
        )
        request.action_erase()
        self.assertEqual(request.state, "done")
        self.assertIn("still running", request.kept_summary)
        self.assertEqual(self.need.description, "<p>Diagnosis X, treated by Dr Y</p>")

    def test_erasure_after_the_end_keeps_bookkeeping_data(self):
        self.need.write({"date_to": date(2026, 3, 31), "state": "closed"})
        self.grant.write({"date_to": date(2026, 3, 31), "state": "closed"})
        self.session.unlink()
        with freeze_time("2026-05-01"):
            request = self.Request.create(
                {"employee_id": self.person.id, "kind": "erasure"}
            )
            request.action_erase()
        self.assertFalse(self.need.description)
        self.assertIn("Health data anonymised", request.done_summary)
        self.assertIn("Bogføringsloven", request.kept_summary)
        self.assertEqual(self.person.name, "Person A")
        self.assertEqual(self.need_b.description, "<p>Confidential B</p>")

    def test_only_managers_handle_requests(self):
        self.env.invalidate_all()
        for user in (self.user_coordinator, self.user_mentor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["social.privacy.request"].with_user(user).create(
                    {"employee_id": self.person.id, "kind": "access"}
                )


@tagged("post_install", "-at_install")
class TestCatalogueComplete(SupportCase):
    def test_every_model_with_a_person_is_in_the_catalogue(self):
        """Each stored link to a person in our addons' models is in the privacy
        catalogue, so the access export, the records of processing and the
        retention see it (views and wizards are not data of their own)."""
        ours = {
            "social_enterprise",
            "support_hours",
            "social_enterprise_mrp",
            "social_enterprise_pos",
            "social_enterprise_mrp_support",
        }
        catalogued = {
            entry["model"] for entry in self.env["hr.employee"]._privacy_get_catalogue()
        }
        fields = self.env["ir.model.fields"].search(
            [
                ("relation", "=", "hr.employee"),
                ("ttype", "=", "many2one"),
                ("store", "=", True),
            ]
        )
        missing = set()
        for field in fields:
            modules = set(field.modules.split(", ")) if field.modules else set()
            if not modules & ours or field.model not in self.env:
                continue
            Model = self.env[field.model]
            if Model._transient or not Model._auto or Model._abstract:
                continue
            if field.model not in catalogued:
                missing.add(f"{field.model}.{field.name}")
        self.assertFalse(sorted(missing))
        for entry in self.env["hr.employee"]._privacy_get_catalogue():
            Model = self.env[entry["model"]]
            for name in [entry["person_field"], *entry["fields"]]:
                self.assertIn(name, Model._fields, entry["model"])
