from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..tools import report_text
from .common import SocialEnterpriseCase

CPR = "0101901234"


@tagged("post_install", "-at_install")
class TestStatusReport(SocialEnterpriseCase):
    """A status report for November 2026 of a §103 place, 20 hours over 4 days a
    week from Monday 2 November."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person.write({"tz": "Europe/Copenhagen", "ssnid": CPR})
        cls.case_worker.write({"email": "sagsbehandler@test.example"})
        cls.placement = cls._placement(
            date_start=date(2026, 11, 2), order_ref="ORD-55", person_ref="SAG-55"
        )
        cls.placement.action_activate()
        # 5:00 UTC is 6:00 in Copenhagen: 5 + 4.5 + 5 hours on three days.
        for day, hours in ((2, 5), (3, 4.5), (4, 5)):
            check_in = datetime(2026, 11, day, 5)
            cls.env["hr.attendance"].create(
                {
                    "employee_id": cls.person.id,
                    "check_in": check_in,
                    "check_out": check_in + timedelta(hours=hours),
                }
            )
        cls.env["social.suspension"].create(
            {
                "placement_id": cls.placement.id,
                "reason": "hospital",
                "date_from": date(2026, 11, 23),
                "date_to": date(2026, 11, 24),
            }
        )
        cls.type_status = cls.env.ref(
            "social_enterprise.social_status_report_type_status"
        )

    def _report(self, user=None, **vals):
        return (
            self.env["social.status.report"]
            .with_user(user or self.user_coordinator)
            .create(
                {
                    "placement_id": self.placement.id,
                    "type_id": self.type_status.id,
                    "date_from": date(2026, 11, 1),
                    "date_to": date(2026, 11, 30),
                    "next_steps": "A fifth day from January.",
                    **vals,
                }
            )
        )

    def test_doctests(self):
        import doctest

        result = doctest.testmod(report_text)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_draft_figures_equal_the_hours_views(self):
        report = self._report()
        report.action_fill()
        # 21 weekdays from 2 to 30 November at 4/5 day and 4 hours each: 16.8 days
        # and 84 hours planned; 3 days and 14.5 hours attended; 18 weekdays absent
        # × 4 hours = 72 hours of absence; §103 counts every hour as effective.
        self.assertEqual((report.planned_days, report.planned_hours), (16.8, 84.0))
        self.assertEqual(
            (report.attended_days, report.attended_hours, report.effective_hours),
            (3, 14.5, 14.5),
        )
        self.assertEqual(report.absence_hours, 72.0)
        self.assertEqual(report.suspended_days, 2)
        # The same figures as the hours analysis (pivot) and the placement's hours.
        self.env.flush_all()
        [row] = self.env["social.placement.hours.report"]._read_group(
            [
                ("placement_id", "=", self.placement.id),
                ("date", ">=", date(2026, 11, 1)),
                ("date", "<=", date(2026, 11, 30)),
            ],
            [],
            [
                "planned_days:sum",
                "planned_hours:sum",
                "attended_days:sum",
                "attended_hours:sum",
                "effective_hours:sum",
                "absence_hours:sum",
            ],
        )
        figures = (
            report.planned_days,
            report.planned_hours,
            report.attended_days,
            report.attended_hours,
            report.effective_hours,
            report.absence_hours,
        )
        self.assertEqual(tuple(round(v, 2) for v in row), figures)
        data = self.placement._get_hours_data(date(2026, 11, 1), date(2026, 11, 30))
        self.assertEqual(round(data[self.placement.id]["attended_hours"], 2), 14.5)
        body = report.body
        self.assertIn("3 of 16,8 planned days", body)
        self.assertIn("14,5 of 84 planned hours", body)
        self.assertIn("Hospital stay: 2 days", body)
        self.assertIn("A fifth day from January.", body)
        self.assertNotIn(CPR, body)
        self.assertNotIn("010190", body)

    def test_approve_lock_send(self):
        report = self._report()
        report.action_fill()
        report.write({"body": str(report.body) + "<p>Edited by the coordinator.</p>"})
        report.action_submit()
        with self.assertRaises(AccessError):
            report.action_approve()
        self.assertEqual(report.state, "to_approve")
        report.with_user(self.user_manager).action_approve()
        self.assertEqual(report.state, "approved")
        self.assertEqual(report.approver_id, self.user_manager)
        with self.assertRaisesRegex(UserError, "locked"):
            report.write({"body": "<p>Changed after approval</p>"})
        with self.assertRaisesRegex(UserError, "draft"):
            report.action_fill()
        report.action_send()
        self.assertEqual(report.state, "sent")
        self.assertTrue(report.date_sent)
        attachment = report.attachment_id
        self.assertEqual(attachment.name, f"{report.name}.pdf")
        self.assertEqual(
            (attachment.res_model, attachment.res_id), (report._name, report.id)
        )
        content = attachment.raw.decode()
        self.assertIn("Edited by the coordinator.", content)
        self.assertNotIn(CPR, content)
        message = report.message_ids.filtered(
            lambda m: self.case_worker in m.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.attachment_ids, attachment)
        self.assertIn(report.name, message.body)
        self.assertIn("ORD-55", message.body)
        self.assertNotIn(self.person.name, message.body)
        self.assertNotIn(self.person.name, message.subject or "")
        # Kept on the placement with its history.
        self.assertIn(report, self.placement.status_report_ids)
        self.assertEqual(self.placement.status_report_count, 1)
        with self.assertRaises(UserError):
            report.unlink()

    def test_bad_input(self):
        report = self._report()
        with self.assertRaisesRegex(UserError, "Fill"):
            report.action_submit()
        with self.assertRaisesRegex(UserError, "Submit"):
            report.with_user(self.user_manager).action_approve()
        with self.assertRaisesRegex(UserError, "approved"):
            report.action_send()
        with self.assertRaisesRegex(Exception, "outside the placement"):
            self._report(date_from=date(2026, 1, 1), date_to=date(2026, 1, 31))
        self.case_worker.email = False
        report.action_fill()
        report.action_submit()
        report.with_user(self.user_manager).action_approve()
        with self.assertRaisesRegex(UserError, "e-mail"):
            report.action_send()
        self.assertEqual(report.state, "approved")

    def test_health_only_where_the_type_and_the_consent_allow(self):
        report = self._report()
        self.assertFalse(report.include_health)
        self.assertFalse(report._consent_allows_health())
        review = self.env.ref("social_enterprise.social_status_report_type_review")
        # The type allows health details, but the person has not consented.
        without = self._report(type_id=review.id)
        self.assertFalse(without.include_health)
        consent = self.env["social.consent"].create(
            {
                "employee_id": without.employee_id.id,
                "purpose_id": self.env.ref(
                    "social_enterprise.social_consent_purpose_health_status_report"
                ).id,
                "date_given": without.date_from,
            }
        )
        self.assertTrue(self._report(type_id=review.id).include_health)
        # Withdrawn before the period ends: no health details.
        consent.date_withdrawn = without.date_from
        self.assertFalse(self._report(type_id=review.id).include_health)
        # A status report never holds them, consent or not.
        self.assertFalse(self._report().include_health)

    def test_danish_for_danish_case_workers(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(
            ["social_enterprise"], ["da_DK"], overwrite=True
        )
        self.case_worker.lang = "da_DK"
        report = self._report()
        self.assertEqual(report.lang, "da_DK")
        report.action_fill()
        self.assertIn("Fremmøde og fravær", report.body)
        self.assertIn("16,8", report.body)

    def _record_absences(self):
        """Ill on Thursday 5 and Friday 6 November, away without notice on Monday
        9 November, late on Tuesday 3 November (and came: 4.5 hours)."""
        reason = {r.code: r for r in self.env["social.absence.reason"].search([])}
        self.env["social.absence"].create(
            [
                {"employee_id": self.person.id, "date": day, "reason_id": reason[r].id}
                for day, r in (
                    (date(2026, 11, 5), "ill"),
                    (date(2026, 11, 6), "ill"),
                    (date(2026, 11, 9), "no_show"),
                    (date(2026, 11, 3), "late"),
                )
            ]
        )

    def test_absence_by_reason_in_the_draft(self):
        self._record_absences()
        report = self._report()
        report.action_fill()
        # 72 hours of absence (see above): ill 2 days x 4 hours = 8, no-show 1 day
        # x 4 = 4; the hospital stay on Monday 23 and Tuesday 24 November explains
        # 2 x 4 = 8 (counted in days); the other 13 absent weekdays x 4 = 52 hours
        # have no reason recorded.
        self.assertEqual(report.absence_hours, 72.0)
        body = str(report.body)
        self.assertIn(
            "Hospital stay: 2 days; Reported sick: 8 hours; unannounced absence: "
            "4 hours; days with late arrival: 1; absence with no reason recorded: "
            "52 hours",
            body,
        )
        # The reason's category as the same-day notice words it, not its name.
        self.assertNotIn("Ill:", body)

    def test_absence_by_reason_in_danish(self):
        self._record_absences()
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(
            ["social_enterprise"], ["da_DK"], overwrite=True
        )
        self.case_worker.lang = "da_DK"
        report = self._report()
        report.action_fill()
        body = str(report.body)
        self.assertIn("Sygemeldt: 8 timer; ikke-meldt fravær: 4 timer", body)
        self.assertIn("dage med sen ankomst: 1", body)
        self.assertIn("fravær uden registreret årsag: 52 timer", body)
