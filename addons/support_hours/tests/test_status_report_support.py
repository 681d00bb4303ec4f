from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestStatusReportSupport(SupportCase):
    """The support parts of the status report, and who may draft it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        scheme = cls.env.ref("social_enterprise.social_scheme_sheltered_103")
        cls.placement = cls.env["social.placement"].create(
            {
                "employee_id": cls.person.id,
                "scheme_id": scheme.id,
                "municipality_id": cls.municipality.id,
                "date_start": date(2026, 1, 1),
                "weekly_hours": 20,
                "days_per_week": 4,
            }
        )
        cls.placement.action_activate()
        cls.placement_b = cls.placement.copy(
            {"employee_id": cls.person_b.id, "date_start": date(2026, 1, 1)}
        )
        cls.placement_b.action_activate()
        # March: 1.5 + 1 + 0.75 hours of support.
        cls._session(duration=1.5)
        cls._session(start=datetime(2026, 3, 10, 8, 0), duration=1.0)
        cls._session(start=datetime(2026, 3, 31, 8, 0), duration=0.75)
        cls._session(start=datetime(2026, 4, 1, 8, 0), duration=2.0)
        plan = cls.env["support.plan"].create(
            {
                "employee_id": cls.person.id,
                "date_from": date(2026, 1, 1),
                "responsible_id": cls.user_mentor.id,
            }
        )
        cls.env["support.plan.goal"].create(
            [
                {
                    "plan_id": plan.id,
                    "name": "Arrive on time four days a week",
                    "state": "achieved",
                    "review_date": date(2026, 3, 20),
                    "result": "On time 15 of 16 days.",
                },
                {
                    "plan_id": plan.id,
                    "name": "Use the lathe alone",
                    "state": "progress",
                },
            ]
        )
        simple = cls.env.ref("support_hours.support_assessment_instrument_simple")
        cls.dimension = simple.dimension_ids[0]
        for day, staff, own in ((3, 4, 6), (27, 6, 6)):
            assessment = cls.env["support.assessment"].create(
                {
                    "employee_id": cls.person.id,
                    "instrument_id": simple.id,
                    "date": date(2026, 3, day),
                    "assessor_id": cls.user_mentor.id,
                }
            )
            for line in assessment.line_ids:
                line.staff_score = staff
            assessment.line_ids.filtered(
                lambda line: line.dimension_id == cls.dimension
            ).self_score = own
            assessment.action_done()

    def _report(self, user, placement=None, kind="status"):
        return (
            self.env["social.status.report"]
            .with_user(user)
            .create(
                {
                    "placement_id": (placement or self.placement).id,
                    "type_id": self.env.ref(
                        f"social_enterprise.social_status_report_type_{kind}"
                    ).id,
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 31),
                }
            )
        )

    def test_support_parts_of_the_draft(self):
        report = self._report(self.user_mentor)
        report.action_fill()
        # 1.5 + 1.0 + 0.75 = 3.25 hours in March (the April session is outside).
        self.assertEqual(report.support_hours, 3.25)
        self.env.flush_all()
        [(delivered,)] = self.env["support.hours.report"]._read_group(
            [
                ("employee_id", "=", self.person.id),
                ("date", ">=", date(2026, 3, 1)),
                ("date", "<=", date(2026, 3, 31)),
            ],
            [],
            ["delivered_hours:sum"],
        )
        self.assertEqual(round(delivered, 2), report.support_hours)
        body = report.body
        self.assertIn("received 3,25 hours of support", body)
        self.assertIn("Arrive on time four days a week: Achieved", body)
        self.assertIn("On time 15 of 16 days.", body)
        self.assertIn("Use the lathe alone: In Progress", body)
        self.assertIn(f"{self.dimension.name}: staff 4 → 6, own rating 6 → 6", body)
        # A status report may not hold health details: no support needs.
        self.assertFalse(report.include_health)
        self.assertNotIn("Support needs", body)
        self.assertNotIn("A written plan for the day", body)

    def test_health_details_only_where_allowed(self):
        self.env["social.consent"].create(
            {
                "employee_id": self.placement.employee_id.id,
                "purpose_id": self.env.ref(
                    "social_enterprise.social_consent_purpose_health_status_report"
                ).id,
                "date_given": date(2026, 1, 1),
            }
        )
        report = self._report(self.user_coordinator, kind="review")
        self.assertTrue(report.include_health)
        report.action_fill()
        self.assertIn("Support needs", report.body)
        self.assertIn("A written plan for the day", report.body)
        # Never the diagnosis written in the need's description.
        self.assertNotIn("Diagnosis X", report.body)

    def test_mentor_drafts_for_own_caseload_only(self):
        report = self._report(self.user_mentor)
        report.action_fill()
        report.action_submit()
        with self.assertRaises(AccessError):
            report.action_approve()
        with self.assertRaises(AccessError):
            self._report(self.user_mentor, placement=self.placement_b)
        other = self._report(self.user_mentor_b, placement=self.placement_b)
        other.invalidate_recordset()
        with self.assertRaises(AccessError):
            other.with_user(self.user_mentor).read(["body"])
        self.assertEqual(
            self.env["social.status.report"]
            .with_user(self.user_mentor)
            .search([("id", "in", (report | other).ids)]),
            report.with_user(self.user_mentor),
        )

    def test_supervisor_sees_no_report(self):
        report = self._report(self.user_coordinator)
        report.invalidate_recordset()
        with self.assertRaises(AccessError):
            report.with_user(self.user_supervisor).read(["body"])
