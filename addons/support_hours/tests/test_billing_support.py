from datetime import date, datetime, timedelta

from odoo.tests import tagged

from odoo.addons.social_enterprise.tests.billing_common import BillingCase

NOV = date(2026, 11, 1)


@tagged("post_install", "-at_install")
class TestBillingSupportHours(BillingCase):
    """Mentor support is billed on the support hours delivered on the municipality's
    grant, at the agreement's hourly price; attendance at work does not count."""

    @classmethod
    def get_default_groups(cls):
        return super().get_default_groups() | cls.env.ref(
            "support_hours.support_hours_group_coordinator"
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.municipality_c = cls.municipality.copy(
            {"name": "Støttrup Kommune", "municipality_code": "903"}
        )
        cls._agreement(
            cls.municipality_c,
            [(cls.scheme_mentor, False, "hour", 350.0, "attended")],
            name="Støttrup: mentor on delivered hours",
        )
        cls.mentor_user = cls.user_coordinator
        cls.person = cls._person("Mentee")
        cls.mentor_placement = cls._placement(
            cls.person,
            scheme_id=cls.scheme_mentor.id,
            municipality_id=cls.municipality_c.id,
            case_worker_id=False,
            date_start=date(2026, 9, 1),
            date_end=date(2027, 2, 28),
            weekly_hours=3,
            days_per_week=2,
            rate_level=False,
        )
        cls.grant = cls.env["support.grant"].create(
            {
                "employee_id": cls.person.id,
                "municipality_id": cls.municipality_c.id,
                "placement_id": cls.mentor_placement.id,
                "category_id": cls.env.ref(
                    "support_hours.support_need_category_mentor"
                ).id,
                "date_from": date(2026, 9, 1),
                "date_to": date(2027, 2, 28),
                "grant_type": "weekly",
                "hours_per_week": 3.0,
                "price_per_hour": 350.0,
                "responsible_id": cls.mentor_user.id,
                "state": "active",
            }
        )
        for day, hours in ((3, 1.5), (10, 2.0), (24, 1.0)):
            cls.env["support.session"].create(
                {
                    "employee_id": cls.person.id,
                    "staff_id": cls.mentor_user.id,
                    "start": datetime(2026, 11, day, 8, 0),
                    "duration": hours,
                    "grant_id": cls.grant.id,
                }
            )
        # Work attendance of the same person is not support delivered.
        cls._attend(
            cls.person, [date(2026, 11, 2) + timedelta(days=i) for i in range(5)]
        )

    def test_mentor_billed_on_delivered_hours(self):
        run = self._run(NOV)
        run.action_compute()
        line = run.line_ids.filtered(lambda x: x.placement_id == self.mentor_placement)
        self.assertEqual(len(line), 1)
        self.assertAlmostEqual(line.quantity, 4.5)
        self.assertAlmostEqual(line.amount, 4.5 * 350.0)
        delivered = self.grant._get_billable_hours(NOV, date(2026, 11, 30))[self.grant]
        self.assertAlmostEqual(line.quantity, delivered)
