from datetime import date, timedelta

from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .billing_common import BillingCase

OCT = date(2026, 10, 1)
NOV = date(2026, 11, 1)
# Ten working days of November 2026 (attendance: 45 hours).
NOV_DAYS = [NOV + timedelta(days=i) for i in (1, 2, 3, 4, 5, 8, 9, 10, 11, 12)]


@tagged("post_install", "-at_install")
class TestSubsidyClaim(BillingCase):
    """Claims from the wage basis: hours × dated rate minus refunds, capped on the
    wage cost over a year, rate and cap chosen by the employer's dated status."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scheme_wage_public = cls.env.ref(
            "social_enterprise.social_scheme_wage_subsidy_public"
        )
        Rate = cls.env["social.scheme.rate"]
        # The shipped history ends with the public sources (2023-2024); sample data
        # may carry later rates. The tests bring their own 2026 rates.
        schemes = (
            cls.scheme_skaane | cls.scheme_wage_private | cls.scheme_wage_public
        ) | cls.scheme_flex_old
        schemes.rate_ids.filtered(
            lambda r: (not r.date_to or r.date_to >= date(2025, 1, 1))
            and r.rate_type in ("hourly_subsidy", "minimum_wage", "refund_wage_ceiling")
        ).unlink()
        Rate.create(
            [
                {
                    "scheme_id": cls.scheme_skaane.id,
                    "rate_type": "hourly_subsidy",
                    "amount": 31.87,
                    "date_from": date(2026, 1, 1),
                    "note": "test",
                },
                {
                    "scheme_id": cls.scheme_wage_private.id,
                    "rate_type": "hourly_subsidy",
                    "amount": 86.16,
                    "date_from": date(2026, 1, 1),
                    "employer_kind": "private",
                },
                {
                    "scheme_id": cls.scheme_wage_public.id,
                    "rate_type": "hourly_subsidy",
                    "amount": 125.13,
                    "date_from": date(2026, 1, 1),
                    "employer_kind": "public",
                },
                {
                    "scheme_id": cls.scheme_flex_old.id,
                    "rate_type": "minimum_wage",
                    "amount": 141.5,
                    "date_from": date(2020, 1, 1),
                },
                {
                    "scheme_id": cls.scheme_flex_old.id,
                    "rate_type": "refund_wage_ceiling",
                    "amount": 268.56,
                    "date_from": date(2026, 1, 1),
                },
            ]
        )
        cls.company.employer_status_ids.unlink()
        cls.Claim = cls.env["social.subsidy.claim"]
        cls.skaane = cls._placement(
            scheme_id=cls.scheme_skaane.id,
            rate_level=False,
            weekly_hours=15,
            days_per_week=3,
        )
        cls.lontilskud = cls._placement(
            scheme_id=cls.scheme_wage_private.id,
            rate_level=False,
            date_start=date(2026, 9, 1),
            date_end=date(2027, 2, 28),
            weekly_hours=37,
        )
        cls.flex_old = cls._placement(
            scheme_id=cls.scheme_flex_old.id,
            rate_level=False,
            date_start=date(2010, 1, 1),
        )
        cls.not_claimed = cls._placement()  # §103: billed, not claimed

    @classmethod
    def _wage(cls, placement, month=NOV, hours=0.0, hourly=0.0, **vals):
        """Wage basis of the month: ``hours`` paid at a wage cost of ``hourly``."""
        return cls.env["social.wage.period"].create(
            {
                "employee_id": placement.employee_id.id,
                "period_start": month,
                "paid_hours": hours,
                "gross_wage": round(
                    (hours + vals.get("absence_hours", 0.0)) * hourly, 2
                ),
                **vals,
            }
        )

    def _generate(self, month=NOV):
        return self.Claim._generate_claims(self.company, month)

    def _line(self, claims, placement):
        return claims.line_ids.filtered(lambda line: line.placement_id == placement)

    def test_worked_example_private_lontilskud_capped(self):
        """148 paid hours × 86.16 kr = 12,751.68 kr; the wage cost 148 × 160 kr =
        23,680.00 kr caps the subsidy at 50 % = 11,840.00 kr."""
        self._wage(self.lontilskud, hours=148, hourly=160.0)
        line = self._line(self._generate(), self.lontilskud)
        self.assertEqual(
            (line.hours, line.rate, line.gross_amount, line.wage_cost),
            (148.0, 86.16, 12751.68, 23680.0),
        )
        self.assertEqual((line.cap_share, line.cap_amount), (50.0, 11840.0))
        self.assertEqual(line.amount, 11840.0)
        self.assertEqual(line.employer_kind, "private")
        self.assertIn("148.0 hours", line.explanation)
        self.assertIn("cap 50.0 %", line.explanation)

    def test_paid_absence_counts_refunded_hours_do_not(self):
        # 140 worked + 8 paid absence − 16 refunded (sickness benefit) = 132 hours;
        # 132 × 31.87 kr = 4,206.84 kr, the cap 75 % of 30,000 kr does not bite.
        self._wage(
            self.skaane,
            hours=140,
            absence_hours=8,
            refund_hours=16,
            gross_wage=30000.0,
        )
        line = self._line(self._generate(), self.skaane)
        self.assertEqual((line.hours, line.amount), (132.0, 4206.84))
        self.assertIn("− refunded hours 16.0 = 132.0 hours", line.explanation)

    def test_wage_cost_includes_holiday_pay_pension_atp_minus_refunds(self):
        period = self._wage(
            self.skaane,
            hours=100,
            gross_wage=10000.0,
            holiday_pay=1250.0,
            pension=800.0,
            atp=99.0,
            refund_amount=1000.0,
        )
        self.assertEqual(period.wage_cost, 11149.0)

    def test_skaanejob_cap_private_only(self):
        # 100 h × 31.87 kr = 3,187.00 kr; 75 % of a 4,000 kr wage cost is 3,000.00.
        self._wage(self.skaane, hours=100, hourly=40.0)
        line = self._line(self._generate(), self.skaane)
        self.assertEqual((line.gross_amount, line.cap_amount), (3187.0, 3000.0))
        self.assertEqual(line.amount, 3000.0)
        # From 2026 public money covers 62 % of the costs: a public employer, whose
        # skånejob subsidy has no cap.
        self.env["social.employer.status"].create(
            {
                "company_id": self.company.id,
                "date_from": date(2026, 1, 1),
                "public_share": 62.0,
            }
        )
        line = self._line(self._generate(), self.skaane)
        self.assertEqual((line.employer_kind, line.amount), ("public", 3187.0))

    def test_public_employer_gets_the_public_lontilskud_rate(self):
        self.env["social.employer.status"].create(
            {
                "company_id": self.company.id,
                "date_from": date(2026, 11, 1),
                "public_share": 50.0,
            }
        )
        self._wage(self.lontilskud, hours=100, hourly=200.0)
        line = self._line(self._generate(), self.lontilskud)
        # 100 h × 125.13 kr, no cap on the public scheme.
        self.assertEqual(line.scheme_id, self.scheme_wage_public)
        self.assertEqual((line.rate, line.amount), (125.13, 12513.0))
        self.assertIn("public employer", line.explanation)
        # October was still private.
        self._wage(self.lontilskud, month=OCT, hours=100, hourly=200.0)
        october = self._line(self._generate(OCT), self.lontilskud)
        self.assertEqual(october.rate, 86.16)

    def test_lontilskud_cap_over_a_year_of_employment(self):
        self._wage(self.lontilskud, month=OCT, hours=45, hourly=200.0)
        october = self._line(self._generate(OCT), self.lontilskud)
        # 45 h × 86.16 kr = 3,877.20 kr, under 50 % of 9,000 kr.
        self.assertEqual((october.gross_amount, october.amount), (3877.2, 3877.2))
        # November at 160 kr/h: alone 50 % of 7,200 kr would cap it at 3,600 kr; over
        # the year the room left is 50 % × (9,000 + 7,200) − 3,877.20 = 4,222.80 kr.
        self._wage(self.lontilskud, hours=45, hourly=160.0)
        november = self._line(self._generate(), self.lontilskud)
        self.assertEqual((november.cap_amount, november.amount), (4222.8, 3877.2))
        self.assertIn("3,877.20", november.explanation.replace("\xa0", ""))

    def test_old_flexjob_refund_per_placement(self):
        # The scheme's ½ of the sample lowest wage 141.50 kr/h: 70.75 kr × 100 h.
        self._wage(self.flex_old, hours=100, hourly=200.0)
        line = self._line(self._generate(), self.flex_old)
        self.assertEqual(line.claim_type, "refund")
        self.assertEqual((line.rate, line.amount), (70.75, 7075.0))
        # This person has ⅔ of a collective minimum wage of 300 kr/h, above the
        # maximum hourly wage base 268.56 kr: ⅔ × 268.56 = 179.04 kr × 100 h.
        self.flex_old.write(
            {"refund_share": "two_thirds", "collective_minimum_wage": 300.0}
        )
        line = self._line(self._generate(), self.flex_old)
        self.assertEqual((line.rate, line.amount), (179.04, 17904.0))
        self.assertIn("⅔", line.explanation)
        claim = line.claim_id
        claim.action_confirm()
        receivable = claim.move_id.line_ids.filtered(
            lambda ml: ml.account_id.account_type == "asset_receivable"
        )
        self.assertEqual(receivable.debit, claim.amount_expected)

    def test_attendance_is_a_plausibility_check_only(self):
        self._attend(self.skaane.employee_id, NOV_DAYS)  # 45 hours
        self._wage(self.skaane, hours=100, hourly=200.0)
        line = self._line(self._generate(), self.skaane)
        self.assertEqual((line.hours, line.attended_hours), (100.0, 45.0))
        self.assertEqual(line.amount, 3187.0)
        self.assertIn("45.0 hours attended against 100.0 hours paid", line.explanation)

    def test_missing_wage_basis_blocks_the_claim(self):
        self._attend(self.skaane.employee_id, NOV_DAYS)
        self._wage(self.lontilskud, hours=10, hourly=200.0)
        line = self._line(self._generate(), self.skaane)
        self.assertFalse(line.cap_checked)
        self.assertEqual(line.amount, 0.0)
        self.assertIn("No wage basis", line.explanation)
        with (
            self.assertRaisesRegex(UserError, "enter or import the wage basis"),
            self.cr.savepoint(),
        ):
            line.claim_id.action_confirm()
        self.assertFalse(line.claim_id.move_id)
        self.assertFalse(self._line(self._generate(), self.not_claimed))

    def test_month_already_claimed_is_corrected_not_duplicated(self):
        period = self._wage(self.skaane, hours=100, hourly=200.0)
        claim = self._generate()
        claim.action_confirm()
        self.assertEqual(claim.amount_expected, 3187.0)
        # The payroll is corrected: 10 more paid hours (10 × 31.87 = 318.70 kr).
        period.paid_hours = 110
        period.gross_wage = 22000.0
        again = self._generate()
        correction = again - claim
        self.assertEqual(correction.correction_of_id, claim)
        self.assertEqual(claim.amount_expected, 3187.0)  # booked: untouched
        self.assertEqual(correction.amount_expected, 318.7)
        self.assertEqual(correction.line_ids.hours, 10.0)
        self.assertIn("difference", correction.line_ids.explanation)
        # Generating again refreshes the draft correction, no second one.
        self.assertEqual(self._generate(), again)
        correction.action_confirm()
        # Hours go down again: a negative correction, booked as a credit.
        period.paid_hours = 90
        period.gross_wage = 18000.0
        down = self._generate() - again
        self.assertEqual(down.amount_expected, -637.4)
        down.action_confirm()
        receivable = down.move_id.line_ids.filtered(
            lambda ml: ml.account_id.account_type == "asset_receivable"
        )
        self.assertEqual(receivable.credit, 637.4)
        # Without a change nothing new.
        self.assertEqual(self._generate(), claim | correction | down)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(UniqueViolation),
            self.cr.savepoint(),
        ):
            self.Claim.create(
                {"municipality_id": self.municipality.id, "period_start": NOV}
            )

    def test_confirm_books_a_receivable_expected_vs_received(self):
        self._wage(self.skaane, hours=100, hourly=200.0)
        claim = self._generate()
        self.assertEqual(claim.account_id.code, "1545")
        claim.action_confirm()
        move = claim.move_id
        self.assertEqual((move.state, move.move_type), ("posted", "entry"))
        receivable = move.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        self.assertEqual(receivable.debit, 3187.0)
        self.assertEqual(receivable.partner_id, self.municipality)
        income = move.line_ids - receivable
        stream = self.env.ref("social_enterprise.account_analytic_account_wage_subsidy")
        self.assertEqual(
            set(income.mapped(lambda line: str(line.analytic_distribution))),
            {str({str(stream.id): 100.0})},
        )
        self.assertIn(self.skaane.person_ref, " ".join(income.mapped("name")))
        register = self.env["account.payment.register"].with_context(
            active_model="account.move.line", active_ids=receivable.ids
        )
        register.create({"payment_date": date(2026, 12, 20)})._create_payments()
        self.assertEqual(claim.amount_received, claim.amount_expected)
        self.assertEqual(claim.state, "received")

    def test_claims_from_the_billing_run(self):
        self._wage(self.skaane, hours=100, hourly=200.0)
        run = self._run(NOV)
        action = run.action_compute_subsidy_claims()
        self.assertEqual(action["res_model"], "social.subsidy.claim")
        self.assertEqual(len(run.claim_ids), 1)

    def test_coordinator_cannot_read_claims(self):
        self._wage(self.skaane, hours=100, hourly=200.0)
        claim = self._generate()
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            claim.with_user(self.user_coordinator).read(["amount_expected"])

    def test_explanation_in_the_municipality_language(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.municipality.lang = "da_DK"
        self._wage(self.lontilskud, hours=148, hourly=160.0)
        line = self._line(self._generate(), self.lontilskud)
        self.assertIn("Lønnede timer 148.0", line.explanation)
        self.assertIn("Ansøgt", line.explanation)
