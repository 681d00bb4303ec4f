from datetime import date

from psycopg2.errors import CheckViolation

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestScheme(SocialEnterpriseCase):
    def test_catalogue_shipped(self):
        codes = set(self.env["social.scheme"].search([]).mapped("code"))
        expected = {
            "FLEXJOB", "FLEXJOB_OLD", "SKAANEJOB", "WAGE_SUBSIDY_PRIVATE",
            "WAGE_SUBSIDY_PUBLIC", "WORK_PLACEMENT", "SMALL_JOB", "MENTOR",
            "SHELTERED_103", "ACTIVITY_104", "STU", "JOB_CLARIFICATION", "RESOURCE",
            "IPS", "ORDINARY",
        }  # fmt: skip
        self.assertLessEqual(expected, codes)
        self.assertTrue(all(self.env["social.scheme"].search([]).mapped("legal_basis")))

    def test_dated_rate_selection(self):
        """The reviewed skånejob history: each rate ends, the next one follows."""
        rates = {
            date(2015, 6, 1): 26.54,
            date(2018, 6, 1): 28.00,
            date(2019, 6, 1): 28.56,
            date(2020, 6, 1): 29.13,
            date(2021, 6, 1): 29.71,
            date(2023, 6, 1): 30.88,
            date(2024, 6, 1): 31.87,
        }
        for day, amount in rates.items():
            rate = self.scheme_skaane._get_rate("hourly_subsidy", day)
            self.assertEqual(rate.amount, amount, day)
            self.assertTrue(rate.note and rate.date_to, day)
        self.assertFalse(
            self.scheme_skaane._get_rate("hourly_subsidy", date(2017, 1, 1))
        )

    def test_overlapping_rate_rejected(self):
        with (
            self.assertRaisesRegex(ValidationError, "already has"),
            self.cr.savepoint(),
        ):
            self.env["social.scheme.rate"].create(
                {
                    "scheme_id": self.scheme_skaane.id,
                    "rate_type": "hourly_subsidy",
                    "amount": 31.0,
                    "date_from": date(2025, 1, 1),
                }
            )

    def test_ressourceforloeb_closed_for_new_cases(self):
        self.assertTrue(self.scheme_resource._is_open_on(date(2026, 1, 31)))
        self.assertFalse(self.scheme_resource._is_open_on(date(2026, 2, 1)))

    @mute_logger("odoo.sql_db")
    def test_negative_duration_rejected(self):
        with self.assertRaises(CheckViolation), self.cr.savepoint():
            self.scheme_flex.max_duration = -1
            self.scheme_flex.flush_recordset()
