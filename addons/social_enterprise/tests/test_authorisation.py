from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..tools import authorisation
from .billing_common import BillingCase

NOV = date(2026, 11, 1)
DEC = date(2026, 12, 1)


@tagged("post_install", "-at_install")
class TestAuthorisation(BillingCase):
    """Authorised periods, extensions and suspensions, and what billing allows.

    Testrup bills §103 level 1 at 557.00 kr a calendar day (full time, 5 days)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.placement = cls._placement()
        cls.auth = cls.env["social.authorisation"].create(
            {
                "placement_id": cls.placement.id,
                "reference": "BEV-1",
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 11, 20),
            }
        )

    def _line(self, run):
        return run.line_ids.filtered(lambda line: line.placement_id == self.placement)

    def test_doctests(self):
        import doctest

        result = doctest.testmod(authorisation)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_scope_defaults_from_placement(self):
        self.assertEqual(self.auth.scheme_id, self.scheme_103)
        self.assertEqual((self.auth.days_per_week, self.auth.weekly_hours), (5, 25))
        self.assertEqual(self.auth.rate_level, "1")

    def test_billing_stops_at_the_authorised_end(self):
        run = self._run(NOV)
        run.action_compute()
        line = self._line(run)
        # 1-20 November: 20 days × 557.00 = 11,140.00 kr (not 30 days).
        self.assertEqual(line.quantity, 20)
        self.assertEqual(line.amount, 11140.0)
        self.assertEqual(line.date_to, date(2026, 11, 20))

    def test_extension_updates_what_billing_allows(self):
        ext = self.env["social.authorisation.extension"].create(
            {
                "authorisation_id": self.auth.id,
                "date_end_requested": date(2027, 5, 20),
            }
        )
        ext.with_user(self.user_coordinator).action_approve()
        self.assertEqual(ext.state, "approved")
        self.assertEqual(ext.date_end_previous, date(2026, 11, 20))
        self.assertEqual(self.auth.date_to, date(2027, 5, 20))
        self.assertEqual(self.placement.authorised_until, date(2027, 5, 20))
        run = self._run(NOV)
        run.action_compute()
        # The whole of November now: 30 days × 557.00 = 16,710.00 kr.
        self.assertEqual(self._line(run).amount, 16710.0)
        with self.assertRaises(UserError):
            ext.action_refuse()

    def test_refused_extension_keeps_the_end(self):
        ext = self.env["social.authorisation.extension"].create(
            {
                "authorisation_id": self.auth.id,
                "date_end_requested": date(2027, 5, 20),
            }
        )
        with self.assertRaisesRegex(UserError, "reason"):
            ext.action_refuse()
        self.assertEqual(ext.state, "requested")
        ext.refusal_reason = "The municipality ends the placement."
        ext.action_refuse()
        self.assertEqual(ext.state, "refused")
        self.assertEqual(self.auth.date_to, date(2026, 11, 20))
        run = self._run(DEC)
        run.action_compute()
        self.assertFalse(self._line(run))
        self.assertIn(self.placement.name, run.summary)
        self.assertIn("no authorisation covers", run.summary)

    def test_suspension_is_not_billed(self):
        self.env["social.suspension"].create(
            {
                "placement_id": self.placement.id,
                "reason": "hospital",
                "date_from": date(2026, 11, 9),
                "date_to": date(2026, 11, 13),
            }
        )
        run = self._run(NOV)
        run.action_compute()
        line = self._line(run)
        # 1-8 and 14-20 November: 8 + 7 = 15 days × 557.00 = 8,355.00 kr.
        self.assertEqual(line.quantity, 15)
        self.assertEqual(line.amount, 8355.0)

    def test_suspension_moves_the_legal_limit(self):
        scheme = self.scheme_wage_private  # 6 months at most
        placement = self._placement(
            scheme_id=scheme.id, date_start=date(2026, 1, 1), activate=False
        )
        limit = placement.max_end_date
        self.env["social.suspension"].create(
            {
                "placement_id": placement.id,
                "reason": "leave",
                "date_from": date(2026, 2, 2),
                "date_to": date(2026, 2, 11),
            }
        )
        placement.invalidate_recordset(["max_end_date"])
        self.assertEqual((placement.max_end_date - limit).days, 10)

    def test_placement_without_authorisation_bills_as_before(self):
        other = self._placement()
        run = self._run(NOV)
        run.action_compute()
        line = run.line_ids.filtered(lambda line: line.placement_id == other)
        self.assertEqual((line.quantity, line.amount), (30, 16710.0))

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self.env["social.authorisation"].create(
                {
                    "placement_id": self.placement.id,
                    "date_from": date(2026, 11, 1),
                    "date_to": date(2026, 12, 31),
                }
            )
        with self.assertRaisesRegex(ValidationError, "before the authorisation"):
            self.env["social.authorisation.extension"].create(
                {
                    "authorisation_id": self.auth.id,
                    "date_end_requested": date(2025, 12, 1),
                }
            )

    def test_expiry_warning_is_idempotent(self):
        activity_type = self.env.ref(
            "social_enterprise.mail_activity_type_authorisation_expiry"
        )

        def warnings():
            return self.env["mail.activity"].search(
                [
                    ("res_model", "=", "social.placement"),
                    ("res_id", "=", self.placement.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )

        Placement = self.env["social.placement"]
        with freeze_time("2026-09-01"):
            Placement._cron_warn_authorisation_expiry()
        self.assertFalse(warnings())  # 80 days ahead, notice is 30 days
        with freeze_time("2026-11-01"):
            Placement._cron_warn_authorisation_expiry()
            Placement._cron_warn_authorisation_expiry()
        self.assertEqual(len(warnings()), 1)
        self.assertEqual(warnings().date_deadline, date(2026, 11, 20))
        # An approved extension resets the warning for the new end.
        ext = self.env["social.authorisation.extension"].create(
            {"authorisation_id": self.auth.id, "date_end_requested": date(2026, 12, 15)}
        )
        ext.action_approve()
        with freeze_time("2026-12-01"):
            Placement._cron_warn_authorisation_expiry()
        self.assertEqual(len(warnings()), 2)
