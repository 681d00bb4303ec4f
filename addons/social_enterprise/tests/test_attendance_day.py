from datetime import date, datetime

from odoo.tests import tagged

from .billing_common import BillingCase


@tagged("post_install", "-at_install")
class TestAttendanceDay(BillingCase):
    """The day of an attendance is core's stored ``hr.attendance.date``, the
    employee's local day, in billing, claims, hours and the RSV notes alike.

    Worked example: in Europe/Copenhagen (UTC+1 in winter) a check-in at 00:30 on
    Tuesday 10 November 2026 is 23:30 UTC on Monday 9 November. Four hours until
    04:30 local time count on 10 November everywhere. The same check-in at 00:30 on
    1 January 2027 (23:30 UTC on 31 December 2026) belongs to 2027, not to the
    2026 notes.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls._person("Natarbejder", tz="Europe/Copenhagen")
        cls.placement = cls._placement(cls.person)
        cls.env["hr.attendance"].create(
            [
                {
                    "employee_id": cls.person.id,
                    "check_in": datetime(2026, 11, 9, 23, 30),
                    "check_out": datetime(2026, 11, 10, 3, 30),
                },
                {
                    "employee_id": cls.person.id,
                    "check_in": datetime(2026, 12, 31, 23, 30),
                    "check_out": datetime(2027, 1, 1, 1, 30),
                },
            ]
        )

    def test_core_date_is_the_local_day(self):
        attendances = self.env["hr.attendance"].search(
            [("employee_id", "=", self.person.id)], order="check_in"
        )
        self.assertEqual(
            attendances.mapped("date"), [date(2026, 11, 10), date(2027, 1, 1)]
        )

    def test_billing_and_claims_count_the_local_day(self):
        hours = self.env["hr.attendance"]._get_hours_by_day(
            self.person, date(2026, 11, 1), date(2026, 11, 30)
        )
        self.assertEqual(hours[self.person.id], {date(2026, 11, 10): 4.0})

    def test_placement_hours_count_the_local_day(self):
        by_day = self.env["social.placement"]._get_attendance_by_day(
            self.person, date(2026, 11, 9), date(2026, 11, 10)
        )
        self.assertEqual(dict(by_day), {(self.person.id, date(2026, 11, 10)): 4.0})

    def test_hours_analysis_counts_the_local_day(self):
        rows = self.env["social.placement.hours.report"].search(
            [
                ("placement_id", "=", self.placement.id),
                ("date", "in", [date(2026, 11, 9), date(2026, 11, 10)]),
            ],
            order="date",
        )
        self.assertEqual(rows.mapped("attended_hours"), [0.0, 4.0])

    def test_rsv_notes_count_the_local_year(self):
        report = self.env["social.rsv.report"].create(
            {"company_id": self.company.id, "fiscal_year": 2026}
        )
        numbers = report._get_impact_numbers()
        # Only the 4 hours of 10 November 2026; the 2 hours from 00:30 on
        # 1 January 2027 are next year's.
        self.assertEqual(numbers["hours"], 4.0)
