import re
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import SocialEnterpriseCase

# Tuesday 3 March 2026, 09:30 in Copenhagen (winter time: 08:30 UTC).
NOW = datetime(2026, 3, 3, 8, 30)


class KioskMixin:
    @classmethod
    def _kiosk_setup(cls):
        cls.company = cls.env.company
        cls.company.social_kiosk_token = "kiosk-test-token"
        cls.Kiosk = cls.env["social.kiosk"]
        Employee = cls.env["hr.employee"]
        cls.anna = Employee.create(
            {"name": "Anna Kiosk", "tz": "Europe/Copenhagen", "kiosk_symbol": "fa-star"}
        )
        cls.bo = Employee.create(
            {"name": "Bo Kiosk", "tz": "Europe/Copenhagen", "kiosk_symbol": "fa-tree"}
        )
        cls.carl = Employee.create({"name": "Carl Notplanned"})
        cls.case_worker.email = "sagsbehandler@testrup.dk"
        cls.p_anna = cls._placement(
            employee_id=cls.anna.id,
            scheme_id=cls.scheme_103.id,
            date_start=date(2026, 1, 5),
            planned_start=8.0,
        )
        cls.p_bo = cls._placement(
            employee_id=cls.bo.id,
            scheme_id=cls.scheme_praktik.id,
            date_start=date(2026, 2, 2),
            person_ref="TK-4711",
        )
        (cls.p_anna | cls.p_bo).action_activate()
        cls.ill = cls.env.ref("social_enterprise.social_absence_reason_ill")


@tagged("post_install", "-at_install")
class TestKiosk(KioskMixin, SocialEnterpriseCase):
    """The kiosk's operations: only today's people of its company, late check-ins,
    harmless double taps, undo within a minute, the same-day notice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._kiosk_setup()

    def test_today_plan_and_company(self):
        self.assertEqual(self.Kiosk._get_company("kiosk-test-token"), self.company)
        self.assertFalse(self.Kiosk._get_company("wrong"))
        self.assertFalse(self.Kiosk._get_company(""))
        with freeze_time(NOW):
            people = self.Kiosk._get_today_placements(self.company).employee_id
            self.assertIn(self.anna, people)
            self.assertNotIn(self.carl, people)
            with self.assertRaises(AccessError):
                self.Kiosk._get_person(self.company, self.carl.id)
        with freeze_time(datetime(2026, 3, 7, 9, 0)):  # a Saturday
            self.assertFalse(self.Kiosk._get_today_placements(self.company))

    def test_late_check_in_double_tap_and_undo(self):
        with freeze_time(NOW):
            undo = self.Kiosk._check_in(self.p_anna)
            attendance = self.env["hr.attendance"].search(
                [("employee_id", "=", self.anna.id)]
            )
            self.assertEqual(attendance.check_in, NOW)
            # 09:30 against a planned 08:00 with 10 minutes' grace: 90 minutes late.
            late = self.env["social.absence"].search(
                [("employee_id", "=", self.anna.id)]
            )
            self.assertTrue(late.is_late)
            self.assertEqual(late.minutes_late, 90)
            # A second tap on "I am here" does nothing.
            self.assertIsNone(self.Kiosk._check_in(self.p_anna))
            self.assertEqual(
                self.env["hr.attendance"].search_count(
                    [("employee_id", "=", self.anna.id)]
                ),
                1,
            )
            done_at = NOW.timestamp()
        with freeze_time(datetime(2026, 3, 3, 8, 31, 30)):  # 90 s later: too late
            self.assertFalse(self.Kiosk._undo(self.company, undo, done_at))
            self.assertTrue(attendance.exists())
        with freeze_time(datetime(2026, 3, 3, 8, 30, 40)):  # 40 s later
            self.assertTrue(self.Kiosk._undo(self.company, undo, done_at))
            self.assertFalse(attendance.exists())
            self.assertFalse(late.exists())

    def test_check_out_undo_reopens(self):
        with freeze_time(datetime(2026, 3, 3, 7, 0)):  # 08:00 local: on time
            self.Kiosk._check_in(self.p_anna)
        self.assertFalse(
            self.env["social.absence"].search([("employee_id", "=", self.anna.id)])
        )
        with freeze_time(datetime(2026, 3, 3, 14, 0)):
            undo = self.Kiosk._check_out(self.p_anna)
            attendance = self.env["hr.attendance"].search(
                [("employee_id", "=", self.anna.id)]
            )
            self.assertEqual(attendance.check_out, datetime(2026, 3, 3, 14, 0))
            self.assertTrue(
                self.Kiosk._undo(
                    self.company, undo, datetime(2026, 3, 3, 14, 0).timestamp()
                )
            )
            self.assertFalse(attendance.check_out)

    def test_same_day_notice_once_without_health_details(self):
        self.bo.ssnid = "0101901234"
        with freeze_time(NOW):
            self.Kiosk._report_absence(self.p_bo, self.ill.id)
            absence = self.env["social.absence"].search(
                [("employee_id", "=", self.bo.id)]
            )
            self.assertEqual(absence.notice_state, "mail")
            mails = self.env["mail.mail"].search(
                [("model", "=", "social.absence"), ("res_id", "=", absence.id)]
            )
            self.assertEqual(len(mails), 1)
            recipients = f"{mails.email_to or ''} {mails.recipient_ids.mapped('email')}"
            self.assertIn("sagsbehandler@testrup.dk", recipients)
            self.assertIn("Reported sick", mails.body_html)
            self.assertIn("TK-4711", mails.subject)
            for secret in ("0101901234", "Ill", "Diagnos"):
                self.assertNotIn(secret, mails.body_html)
            # Another reason the same day: recorded, but the case worker is told once.
            other = self.env["social.absence"].create(
                {
                    "employee_id": self.bo.id,
                    "reason_id": self.env.ref(
                        "social_enterprise.social_absence_reason_treatment"
                    ).id,
                    "date": date(2026, 3, 3),
                }
            )
            self.assertEqual(other.notice_state, "none")
            self.assertIn("reported to the case worker", self.p_bo.message_ids[0].body)

    def test_notice_without_email_is_an_activity(self):
        self.case_worker.email = False
        with freeze_time(NOW):
            self.Kiosk._report_absence(self.p_bo, self.ill.id)
        absence = self.env["social.absence"].search([("employee_id", "=", self.bo.id)])
        self.assertEqual(absence.notice_state, "activity")
        self.assertTrue(self.p_bo.activity_ids)
        # §103 asks for no notice.
        with freeze_time(NOW):
            self.Kiosk._report_absence(self.p_anna, self.ill.id)
        anna = self.env["social.absence"].search([("employee_id", "=", self.anna.id)])
        self.assertEqual(anna.notice_state, "none")

    def test_hours_views_show_absence_by_reason(self):
        with freeze_time(NOW):
            self.Kiosk._report_absence(self.p_anna, self.ill.id)
        self.env.flush_all()
        row = self.env["social.placement.hours.report"].search(
            [("placement_id", "=", self.p_anna.id), ("date", "=", date(2026, 3, 3))]
        )
        self.assertEqual(row.absence_reason_id, self.ill)
        self.assertEqual(row.attended_hours, 0)
        self.assertEqual(row.absence_hours, row.planned_hours)
        no_show = self.env.ref("social_enterprise.social_absence_reason_no_show")
        self.env["social.absence"].create(
            {
                "employee_id": self.anna.id,
                "date": date(2026, 3, 4),
                "reason_id": no_show.id,
            }
        )
        self.env.flush_all()
        groups = self.env["social.placement.hours.report"]._read_group(
            [("placement_id", "=", self.p_anna.id), ("date", "<=", date(2026, 3, 4))],
            ["absence_reason_id"],
            ["absence_hours:sum"],
        )
        by_reason = {reason: hours for reason, hours in groups}
        self.assertEqual(by_reason[self.ill], 4.0)  # 20 h a week over 5 weekdays
        self.assertEqual(by_reason[no_show], 4.0)
        unannounced = self.env["social.placement.hours.report"].search(
            [("placement_id", "=", self.p_anna.id), ("unannounced", "=", True)]
        )
        self.assertEqual(unannounced.date, date(2026, 3, 4))

    def test_mood_one_a_day_and_who_sees_it(self):
        with freeze_time(NOW):
            self.Kiosk._check_in(self.p_anna)
            self.Kiosk._set_mood(self.p_anna, "4")
            self.Kiosk._set_mood(self.p_anna, "2")  # changed her mind
        mood = self.env["social.mood"].search([("employee_id", "=", self.anna.id)])
        self.assertEqual((len(mood), mood.score), (1, 2))
        self.assertEqual(
            self.env["social.mood"]
            .with_user(self.user_coordinator)
            .search([("employee_id", "=", self.anna.id)]),
            mood,
        )
        with self.assertRaises(AccessError):
            self.env["social.mood"].with_user(self.user_supervisor).search([])


@tagged("post_install", "-at_install")
class TestKioskHttp(KioskMixin, HttpCase, SocialEnterpriseCase):
    """The kiosk pages: public with the token, nothing without it, no names when
    names are off, photos only with consent; and the whole flow in a browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._kiosk_setup()
        # Planned every day, so the pages show them whatever day the tests run.
        (cls.p_anna | cls.p_bo).write({"days_per_week": 7, "weekly_hours": 21})

    def test_pages_and_privacy(self):
        self.assertEqual(self.url_open("/social_kiosk/wrong").status_code, 404)
        page = self.url_open("/social_kiosk/kiosk-test-token")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Anna", page.text)
        self.assertNotIn("Carl", page.text)
        self.assertNotIn("/photo", page.text)
        self.assertEqual(
            self.url_open(f"/social_kiosk/kiosk-test-token/{self.carl.id}").status_code,
            404,
        )
        self.assertEqual(
            self.url_open(
                f"/social_kiosk/kiosk-test-token/{self.anna.id}/photo"
            ).status_code,
            404,
        )
        self.company.social_kiosk_show_names = False
        self.env["social.consent"].create(
            {
                "employee_id": self.anna.id,
                "purpose_id": self.env.ref(
                    "social_enterprise.social_consent_purpose_kiosk_photo"
                ).id,
                "date_given": date(2026, 1, 5),
            }
        )
        page = self.url_open("/social_kiosk/kiosk-test-token")
        self.assertNotIn("Anna", page.text)
        self.assertIn(f"/social_kiosk/kiosk-test-token/{self.anna.id}/photo", page.text)
        self.assertIn('aria-label="Star"', page.text)

    def _csrf(self, page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_badge_opens_the_person_without_pin(self):
        """A badge scan (Odoo's Badge ID) opens the person's page; with PINs on,
        the badge stands in for the PIN for a minute. An unknown badge says only
        that it was not recognised."""
        self.company.social_kiosk_use_pin = True
        self.anna.sudo().write({"barcode": "0420001", "pin": "4321"})
        self.carl.sudo().barcode = "0420009"  # not on today's plan
        grid = self.url_open("/social_kiosk/kiosk-test-token")
        self.assertIn('name="barcode"', grid.text)
        for code in ("0420009", "nobody"):
            page = self.url_open(
                "/social_kiosk/kiosk-test-token/badge",
                data={"barcode": code, "csrf_token": self._csrf(grid)},
            )
            self.assertTrue(
                page.url.endswith("/social_kiosk/kiosk-test-token?badge=unknown")
            )
            self.assertIn("not recognised", page.text)
            self.assertNotIn("Carl", page.text)
        # Without the badge, Anna's page asks for her PIN and a tap without it fails.
        page = self.url_open(f"/social_kiosk/kiosk-test-token/{self.anna.id}")
        self.assertIn('name="pin"', page.text)
        self.url_open(
            f"/social_kiosk/kiosk-test-token/{self.anna.id}/check_in",
            data={"csrf_token": self._csrf(page)},
        )
        Attendance = self.env["hr.attendance"]
        self.assertFalse(Attendance.search([("employee_id", "=", self.anna.id)]))
        page = self.url_open(
            "/social_kiosk/kiosk-test-token/badge",
            data={"barcode": " 0420001 ", "csrf_token": self._csrf(grid)},
        )
        self.assertTrue(
            page.url.endswith(f"/social_kiosk/kiosk-test-token/{self.anna.id}")
        )
        self.assertNotIn('name="pin"', page.text)
        self.url_open(
            f"/social_kiosk/kiosk-test-token/{self.anna.id}/check_in",
            data={"csrf_token": self._csrf(page)},
        )
        self.assertEqual(
            len(Attendance.search([("employee_id", "=", self.anna.id)])), 1
        )

    def test_kiosk_tour(self):
        self.start_tour(
            "/social_kiosk/kiosk-test-token", "social_enterprise_kiosk_tour"
        )
        attendance = self.env["hr.attendance"].search(
            [("employee_id", "=", self.anna.id)]
        )
        self.assertTrue(attendance.check_out)
        self.assertEqual(
            self.env["social.mood"].search([("employee_id", "=", self.anna.id)]).mood,
            "4",
        )
        absence = self.env["social.absence"].search([("employee_id", "=", self.bo.id)])
        self.assertEqual(absence.reason_id, self.ill)
        # Recorded by the kiosk's own account, which can do nothing by itself.
        kiosk_user = self.company.social_kiosk_user_id
        self.assertTrue(kiosk_user)
        self.assertEqual(
            (attendance.create_uid, absence.create_uid), (kiosk_user, kiosk_user)
        )
        self.assertTrue(kiosk_user.share)
        self.assertFalse(kiosk_user.has_group("base.group_user"))
        for model in (
            "social.placement",
            "hr.attendance",
            "social.absence",
            "social.mood",
            "social.consent",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(kiosk_user).search([])
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(kiosk_user).search([]).mapped("name")
