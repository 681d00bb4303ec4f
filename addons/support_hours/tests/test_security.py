from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestSecurity(SupportCase):
    """Each role sees what it must and is refused the rest (GDPR art. 9)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls._session(note="<p>Talked about the divorce</p>")
        cls.session_b = cls._session(
            employee_id=cls.person_b.id,
            staff_id=cls.user_mentor_b.id,
            start=datetime(2026, 3, 3, 8, 0),
            note="<p>Secret B</p>",
        )
        cls.assessment_b = cls.env["support.assessment"].create(
            {
                "employee_id": cls.person_b.id,
                "instrument_id": cls.env.ref(
                    "support_hours.support_assessment_instrument_simple"
                ).id,
                "assessor_id": cls.user_mentor_b.id,
                "date": date(2026, 3, 3),
            }
        )
        cls.grant_b = cls._grant(employee_id=cls.person_b.id)
        cls.scheme = cls.env.ref("social_enterprise.social_scheme_sheltered_103")
        cls.placement = cls.env["social.placement"].create(
            {
                "employee_id": cls.person.id,
                "scheme_id": cls.scheme.id,
                "municipality_id": cls.municipality.id,
                "date_start": date(2026, 1, 1),
                "weekly_hours": 20,
                "days_per_week": 4,
            }
        )

    # ------------------------------------------------------------------ mentor
    def test_mentor_sees_own_caseload_only(self):
        Need = self.Need.with_user(self.user_mentor)
        both = (self.need | self.need_b).ids
        self.assertEqual(Need.search([("id", "in", both)]), self.need)
        self.assertIn("Diagnosis X", self.need.with_user(self.user_mentor).description)
        self.assertEqual(
            Need.search([("in_my_caseload", "=", True), ("id", "in", both)]), self.need
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.need_b.with_user(self.user_mentor).read(["description"])
        with self.assertRaises(AccessError):
            self.need_b.with_user(self.user_mentor).read(["category_id"])

    def test_mentor_sessions(self):
        Session = self.Session.with_user(self.user_mentor)
        both = (self.session | self.session_b).ids
        self.assertEqual(Session.search([("id", "in", both)]), self.session)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.session_b.with_user(self.user_mentor).read(["note"])
        # A session given by a colleague in my caseload: readable, not changeable.
        colleague = self._session(
            staff_id=self.user_mentor_b.id, start=datetime(2026, 3, 4, 8, 0)
        )
        self.assertTrue(colleague.with_user(self.user_mentor).read(["duration"]))
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            colleague.with_user(self.user_mentor).write({"duration": 2})
        with self.assertRaises(AccessError):
            colleague.with_user(self.user_mentor).unlink()
        # Nor can a mentor log a session in a colleague's name.
        with self.assertRaises(AccessError):
            Session.create(
                {
                    "employee_id": self.person.id,
                    "staff_id": self.user_mentor_b.id,
                    "start": datetime(2026, 3, 6, 8, 0),
                    "duration": 1,
                }
            )

    def test_mentor_covering_a_colleague(self):
        """Logging a session for someone outside the caseload works, and the
        session stays visible to the mentor who gave it."""
        session = self.Session.with_user(self.user_mentor).create(
            {
                "employee_id": self.person_b.id,
                "start": datetime(2026, 3, 10, 8, 0),
                "duration": 1,
            }
        )
        self.assertEqual(session.grant_id, self.grant_b)
        self.assertEqual(session.read(["duration"])[0]["duration"], 1)

    def test_mentor_grants_read_only(self):
        Grant = self.Grant.with_user(self.user_mentor)
        self.assertEqual(
            Grant.search([("id", "in", (self.grant | self.grant_b).ids)]), self.grant
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.grant.with_user(self.user_mentor).write({"hours_per_week": 10})
        with self.assertRaises(AccessError):
            self.grant_b.with_user(self.user_mentor).read(["granted_hours"])
        with self.assertRaises(AccessError):
            Grant.create(
                {
                    "employee_id": self.person.id,
                    "municipality_id": self.municipality.id,
                    "category_id": self.cat_mentor.id,
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 8, 31),
                    "hours_per_week": 1,
                }
            )

    def test_mentor_assessments(self):
        Assessment = self.env["support.assessment"].with_user(self.user_mentor)
        self.assertFalse(Assessment.search([("id", "=", self.assessment_b.id)]))
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.assessment_b.with_user(self.user_mentor).read(["line_ids"])
        with self.assertRaises(AccessError):
            self.assessment_b.line_ids.with_user(self.user_mentor).read(["staff_score"])
        with self.assertRaises(AccessError):
            self.env["support.assessment.instrument"].with_user(
                self.user_mentor
            ).create({"name": "X", "code": "X", "scale_min": 0, "scale_max": 3})

    def test_coordinator_sees_all(self):
        Need = self.Need.with_user(self.user_coordinator)
        self.assertEqual(
            Need.search([("id", "in", (self.need | self.need_b).ids)]),
            self.need | self.need_b,
        )
        self.assertIn("Secret B", self.session_b.with_user(self.user_coordinator).note)
        self.grant_b.with_user(self.user_coordinator).write({"hours_per_week": 5})

    # -------------------------------------------------------------- supervisor
    def test_supervisor_never_reads_needs(self):
        self.env.invalidate_all()
        for model, record in (
            ("support.need", self.need),
            ("support.session", self.session),
            ("support.plan", None),
            ("support.assessment", None),
            ("support.grant", self.grant),
            ("support.hours.report", None),
            ("support.access.log", None),
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                if record:
                    record.with_user(self.user_supervisor).read(["display_name"])
                else:
                    self.env[model].with_user(self.user_supervisor).search([])

    def test_supervisor_reads_team_accommodations_only(self):
        Accommodation = self.env["support.accommodation"].with_user(
            self.user_supervisor
        )
        visible = Accommodation.search([("id", "in", (self.need | self.need_b).ids)])
        self.assertEqual(visible.ids, self.need.ids)
        self.assertEqual(visible.accommodation, "A written plan for the day")
        # Only these fields exist: nothing restricted can be read through it.
        self.assertFalse(
            {"description", "category_id", "note"} & set(Accommodation._fields)
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            Accommodation.browse(self.need_b.id).read(["accommodation"])
        # And the placement form shows them.
        placement = self.placement.with_user(self.user_supervisor)
        self.assertEqual(placement.accommodation_ids.ids, self.need.ids)

    def test_plain_user_sees_nothing(self):
        self.env.invalidate_all()
        for model in (
            "support.need",
            "support.session",
            "support.accommodation",
            "support.assessment.score",
            "support.need.category",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_plain).search([])

    # -------------------------------------------------------------- access log
    def test_opening_a_sensitive_record_is_logged(self):
        Log = self.env["support.access.log"]
        mine = [("user_id", "=", self.user_mentor.id)]
        need = self.need.with_user(self.user_mentor)
        need.web_read({"employee_id": {}, "accommodation": {}})
        self.assertFalse(Log.search(mine))
        need.web_read({"employee_id": {}, "description": {}})
        log = Log.search([*mine, ("res_model", "=", "support.need")])
        self.assertEqual(len(log), 1)
        self.assertEqual(
            (log.user_id, log.res_id, log.employee_id, log.field_names),
            (self.user_mentor, self.need.id, self.person, "description"),
        )
        self.session.with_user(self.user_mentor).web_read({"note": {}})
        self.assertTrue(
            Log.search(
                [
                    ("res_model", "=", "support.session"),
                    ("res_id", "=", self.session.id),
                ]
            )
        )

    def test_access_log_for_coordinators_only(self):
        self.need.with_user(self.user_mentor).web_read({"description": {}})
        logs = self.env["support.access.log"].with_user(self.user_coordinator)
        self.assertTrue(logs.search([("user_id", "=", self.user_mentor.id)]))
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.env["support.access.log"].with_user(self.user_mentor).search([])
        with self.assertRaises(AccessError):
            logs.create({"user_id": self.user_mentor.id, "res_model": "x"})
        with self.assertRaises(AccessError):
            logs.search([]).unlink()

    def test_web_read_writes_log_in_read_write_request(self):
        """web_read is not marked read-only: the request gets a cursor that can write
        the access log even where Odoo routes read-only requests to a replica."""
        self.assertFalse(getattr(type(self.Need).web_read, "_readonly", False))
        self.assertFalse(
            getattr(type(self.Session).web_search_read, "_readonly", False)
        )
