from datetime import date, timedelta

from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .billing_common import BillingCase

OCT = date(2026, 10, 1)
NOV = date(2026, 11, 1)
# Ten working days of November 2026 and of October 2026.
NOV_DAYS = [NOV + timedelta(days=i) for i in (1, 2, 3, 4, 5, 8, 9, 10, 11, 12)]
OCT_DAYS = [OCT + timedelta(days=i) for i in (0, 1, 4, 5, 6, 7, 8, 11, 12, 13)]


@tagged("post_install", "-at_install")
class TestSubsidyClaim(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The lowest collective wage is not shipped data (sample data may hold one).
        cls.scheme_flex_old.rate_ids.filtered(
            lambda r: r.rate_type == "minimum_wage"
        ).unlink()
        cls.env["social.scheme.rate"].create(
            {
                "scheme_id": cls.scheme_flex_old.id,
                "rate_type": "minimum_wage",
                "amount": 141.5,
                "date_from": date(2020, 1, 1),
            }
        )
        cls.Claim = cls.env["social.subsidy.claim"]

        def person(cost):
            employee = cls._person(hourly_cost=cost)
            cls._attend(employee, NOV_DAYS)  # 45 hours
            return employee

        cls.skaane = cls._placement(
            person(180.0),
            scheme_id=cls.scheme_skaane.id,
            rate_level=False,
            weekly_hours=15,
            days_per_week=3,
        )
        cls.skaane_cheap = cls._placement(
            person(35.0),
            scheme_id=cls.scheme_skaane.id,
            rate_level=False,
            weekly_hours=15,
            days_per_week=3,
        )
        cls.flex_old = cls._placement(
            person(200.0),
            scheme_id=cls.scheme_flex_old.id,
            rate_level=False,
            date_start=date(2010, 1, 1),
        )
        cls.skaane_b = cls._placement(
            person(180.0),
            scheme_id=cls.scheme_skaane.id,
            municipality_id=cls.municipality_b.id,
            case_worker_id=False,
            rate_level=False,
        )
        cls.not_claimed = cls._placement(person(180.0))  # §103: billed, not claimed

    def _generate(self, month=NOV):
        return self.Claim._generate_claims(self.company, month)

    def _claim_line(self, claims, placement):
        return claims.line_ids.filtered(lambda line: line.placement_id == placement)

    def test_claims_per_municipality_and_month(self):
        claims = self._generate()
        self.assertEqual(len(claims), 2)
        self.assertEqual(
            set(claims.mapped("municipality_id")),
            {self.municipality, self.municipality_b},
        )
        self.assertEqual(set(claims.mapped("period_start")), {NOV})
        self.assertEqual(set(claims.mapped("state")), {"draft"})
        self.assertFalse(self._claim_line(claims, self.not_claimed))
        line = self._claim_line(claims, self.skaane)
        # 45 paid hours × 29.71 kr; the cap (75 % of 45 × 180 kr) does not bite.
        self.assertEqual(
            (line.hours, line.rate, line.gross_amount, line.wage_cost, line.amount),
            (45.0, 29.71, 1336.95, 8100.0, 1336.95),
        )
        self.assertEqual(line.claim_type, "hourly_subsidy")
        self.assertEqual(line.person_ref, self.skaane.person_ref)
        self.assertIn("45.0 paid hours", line.explanation)
        claim_a = claims.filtered(lambda c: c.municipality_id == self.municipality)
        self.assertEqual(
            claim_a.amount_expected, round(sum(claim_a.line_ids.mapped("amount")), 2)
        )

    def test_skaanejob_capped_at_75_percent_of_wage_cost(self):
        line = self._claim_line(self._generate(), self.skaane_cheap)
        # 75 % of 45 h × 35 kr = 1,181.25 kr, less than 1,336.95 kr.
        self.assertEqual((line.gross_amount, line.cap_amount), (1336.95, 1181.25))
        self.assertEqual(line.amount, 1181.25)
        self.assertIn("cap 75.0 % this month", line.explanation)

    def test_wage_subsidy_capped_over_a_year(self):
        employee = self._person(hourly_cost=200.0)
        self._attend(employee, OCT_DAYS + NOV_DAYS)
        placement = self._placement(
            employee,
            scheme_id=self.scheme_wage_private.id,
            rate_level=False,
            date_start=date(2026, 9, 1),
            date_end=date(2027, 2, 28),
        )
        october = self._claim_line(self._generate(OCT), placement)
        # 45 h × 86.16 kr = 3,877.20 kr, under 50 % of 9,000 kr.
        self.assertEqual((october.gross_amount, october.amount), (3877.2, 3877.2))
        # In November the wage falls to 160 kr/h: alone, 50 % of 7,200 kr would cap
        # the month at 3,600 kr; over the year the room left is 8,100 − 3,877.20.
        employee.hourly_cost = 160.0
        november = self._claim_line(self._generate(), placement)
        self.assertEqual(november.cap_amount, 4222.8)
        self.assertEqual(november.amount, 3877.2)
        self.assertIn("over 12 months", november.explanation)
        # With 160 kr/h all year the yearly cap bites in both months.
        employee.hourly_cost = 160.0
        self.Claim.search(
            [("company_id", "=", self.company.id), ("period_start", "=", OCT)]
        ).unlink()
        october = self._claim_line(self._generate(OCT), placement)
        november = self._claim_line(self._generate(), placement)
        self.assertEqual((october.amount, november.amount), (3600.0, 3600.0))

    def test_old_flexjob_refund(self):
        line = self._claim_line(self._generate(), self.flex_old)
        # ½ of the lowest collective wage, 141.50 kr/h: 70.75 kr × 45 h.
        self.assertEqual(line.claim_type, "refund")
        self.assertEqual((line.rate, line.amount), (70.75, 3183.75))
        self.assertIn("refund per hour", line.explanation)

    def test_hours_outside_the_placement_are_not_claimed(self):
        self.skaane._end(date(2026, 11, 5), "completed")
        line = self._claim_line(self._generate(), self.skaane)
        self.assertEqual(line.hours, 4 * 4.5)  # 2-5 November

    def test_missing_hourly_cost_blocks_the_claim(self):
        self.skaane.employee_id.hourly_cost = 0.0
        claims = self._generate()
        line = self._claim_line(claims, self.skaane)
        self.assertFalse(line.cap_checked)
        self.assertIn("NOT checked", line.explanation)
        claim = line.claim_id
        with (
            self.assertRaisesRegex(UserError, "set the hourly cost"),
            self.cr.savepoint(),
        ):
            claim.action_confirm()
        self.assertFalse(claim.move_id)

    def test_confirm_books_a_receivable_expected_vs_received(self):
        claims = self._generate()
        claim = claims.filtered(lambda c: c.municipality_id == self.municipality)
        self.assertEqual(claim.account_id.code, "1545")
        claim.action_confirm()
        move = claim.move_id
        self.assertEqual((move.state, move.move_type), ("posted", "entry"))
        self.assertEqual(claim.state, "claimed")
        receivable = move.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        self.assertEqual(receivable.debit, claim.amount_expected)
        self.assertEqual(receivable.partner_id, self.municipality)
        income = move.line_ids - receivable
        stream = self.env.ref("social_enterprise.account_analytic_account_wage_subsidy")
        self.assertEqual(
            set(income.mapped(lambda line: str(line.analytic_distribution))),
            {str({str(stream.id): 100.0})},
        )
        self.assertIn(self.skaane.person_ref, " ".join(income.mapped("name")))
        self.assertEqual(claim.amount_received, 0.0)
        # The municipality pays 1,000 kr, then the rest.
        register = self.env["account.payment.register"].with_context(
            active_model="account.move.line", active_ids=receivable.ids
        )
        register.create(
            {"amount": 1000.0, "payment_date": date(2026, 12, 10)}
        )._create_payments()
        self.assertEqual(claim.amount_received, 1000.0)
        self.assertEqual(claim.state, "claimed")
        register.create({"payment_date": date(2026, 12, 20)})._create_payments()
        self.assertEqual(claim.amount_received, claim.amount_expected)
        self.assertEqual(claim.state, "received")
        with (
            self.assertRaisesRegex(UserError, "unreconcile the payment"),
            self.cr.savepoint(),
        ):
            claim.action_reset_draft()

    def test_generating_again_refreshes_drafts_only(self):
        first = self._generate()
        claim_b = first.filtered(lambda c: c.municipality_id == self.municipality_b)
        claim_a = first - claim_b
        claim_b.action_confirm()
        amount_b = claim_b.amount_expected
        # One more day in November for everybody.
        for placement in (self.skaane, self.skaane_b):
            self._attend(placement.employee_id, [date(2026, 11, 16)])
        again = self._generate()
        self.assertEqual(again, first)
        self.assertEqual(self._claim_line(claim_a, self.skaane).hours, 49.5)
        self.assertEqual(claim_b.amount_expected, amount_b)  # booked: untouched
        # Reset to draft, the claim is recomputed.
        claim_b.action_reset_draft()
        self.assertFalse(claim_b.move_id)
        claim_b.action_refresh()
        self.assertEqual(self._claim_line(claim_b, self.skaane_b).hours, 49.5)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(UniqueViolation),
            self.cr.savepoint(),
        ):
            self.Claim.create(
                {"municipality_id": self.municipality.id, "period_start": NOV}
            )

    def test_claims_from_the_billing_run(self):
        run = self._run(NOV)
        action = run.action_compute_subsidy_claims()
        self.assertEqual(action["res_model"], "social.subsidy.claim")
        self.assertEqual(len(run.claim_ids), 2)
