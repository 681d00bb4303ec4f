import base64
from datetime import date
from decimal import Decimal

from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..tools import payroll_export
from .pay_common import MARCH, MARCH_DAYS, PayCase


@tagged("post_install", "-at_install")
class TestPayRun(PayCase):
    """§103 pay, transport, the monthly run, its booking and corrections."""

    def _lines(self, run, employee=None):
        lines = run.line_ids
        if employee:
            lines = lines.filtered(lambda ln: ln.employee_id == employee)
        return {ln.pay_type: ln for ln in lines}

    def test_worked_example_pay_and_transport(self):
        # 60 attended hours (12 days × 5 h) at an assessed 24.00 kr/h = 1,440.00 kr.
        # 25 km by bus at 1.60 kr/km over 12 days: full fare 25 × 2 × 1.60 × 12 =
        # 960.00; the first 10 km each way, 10 × 2 × 1.60 × 12 = 384.00, is less
        # than 30 % of 1,440.00 = 432.00, so the fare for 15 km each way is paid:
        # 15 × 2 × 1.60 × 12 = 576.00 kr.
        run = self._pay_run()
        run.action_compute()
        lines = self._lines(run)
        self.assertEqual(set(lines), {"pay", "transport"})
        self.assertEqual(lines["pay"].hours, 60.0)
        self.assertEqual(lines["pay"].days, 12)
        self.assertEqual(lines["pay"].rate, 24.0)
        self.assertEqual(lines["pay"].amount, 1440.0)
        self.assertIn("60.00", lines["pay"].explanation)
        self.assertIn("24.00", lines["pay"].explanation)
        self.assertEqual(lines["transport"].amount, 576.0)
        self.assertIn("960.00", lines["transport"].explanation)
        self.assertIn("384.00", lines["transport"].explanation)
        self.assertEqual(run.amount_total, 2016.0)

    def test_own_share_capped_at_30_percent_of_earnings(self):
        # 60 hours at 9.00 kr/h = 540.00 kr; 30 % of it = 162.00 kr is less than
        # the 384.00 kr of the first 10 km, so 960.00 - 162.00 = 798.00 kr is paid.
        person = self._person("Lav Kapacitet", payroll_number="8")
        placement = self._placement(person, user_id=self.user_coordinator.id)
        self._basis(placement, 9.0, assessed_capacity=8.0)
        self.env["social.pay.transport"].create(
            {
                "placement_id": placement.id,
                "date_from": date(2026, 1, 1),
                "distance_km": 25.0,
                "means": "bus",
            }
        )
        self._attend(person, MARCH_DAYS, hours=5.0)
        run = self._pay_run()
        run.action_compute()
        lines = self._lines(run, person)
        self.assertEqual(lines["pay"].amount, 540.0)
        self.assertEqual(lines["transport"].amount, 798.0)

    def test_short_distance_and_car(self):
        # 8 km: the participant pays it all. 30 km by car at 2.00 kr/km, 12 days:
        # 30 × 2 × 2.00 × 12 = 1,440.00; the first 10 km cost 10 × 2 × 2.00 × 12 =
        # 480.00, but 30 % of the 1,440.00 earned is 432.00, so the participant
        # pays 432.00 and 1,440.00 - 432.00 = 1,008.00 kr is reimbursed.
        self.transport.distance_km = 8.0
        run = self._pay_run()
        run.action_compute()
        self.assertNotIn("transport", self._lines(run))
        self.transport.write({"distance_km": 30.0, "means": "car"})
        run.action_compute()
        self.assertEqual(self._lines(run)["transport"].amount, 1008.0)

    def test_effort_pay(self):
        # 900 brushes at 1.10 kr = 990.00 kr over 60 hours (16.50 kr/h, above the
        # floor of 5 % × 140.00 = 7.00 kr/h).
        person = self._person("Stykløn", payroll_number="9")
        placement = self._placement(person)
        self.env["social.pay.basis"].create(
            {
                "placement_id": placement.id,
                "date_from": placement.date_start,
                "method": "effort",
                "trade_wage_id": self.wage.id,
                "effort_unit": "brush",
                "effort_rate": 1.10,
            }
        )
        Effort = self.env["social.pay.effort"]
        Effort.create(
            {
                "placement_id": placement.id,
                "period_start": date(2026, 3, 15),
                "units": 900,
            }
        )
        self._attend(person, MARCH_DAYS, hours=5.0)
        run = self._pay_run()
        run.action_compute()
        pay_line = self._lines(run, person)["pay"]
        self.assertEqual(pay_line.quantity, 900)
        self.assertEqual(pay_line.amount, 990.0)
        # 100 brushes = 110.00 kr for 60 hours is 1.83 kr/h: below the floor.
        Effort.search([("placement_id", "=", placement.id)]).units = 100
        with self.assertRaisesRegex(UserError, "Stykløn: the pay is below the floor"):
            run.action_compute()

    def test_no_pay_basis_is_refused_and_nothing_written(self):
        person = self._person("Uden Vurdering")
        self._placement(person)
        self._attend(person, MARCH_DAYS[:2], hours=5.0)
        run = self._pay_run()
        with self.assertRaisesRegex(UserError, "Uden Vurdering: no pay basis"):
            run.action_compute()
        self.assertFalse(run.line_ids)

    def test_pay_below_floor_is_refused(self):
        person = self._person("Under Bunden")
        placement = self._placement(person)
        # The floor is 5 % of 140.00 = 7.00 kr/h.
        with (
            self.assertRaisesRegex(ValidationError, "below the floor of 7.00"),
            self.cr.savepoint(),
        ):
            self._basis(placement, 6.50)
        with (
            self.assertRaisesRegex(ValidationError, "work assessment"),
            self.cr.savepoint(),
        ):
            self._basis(placement, 20.0, assessment_date=False)
        # A basis that met the floor is refused once the trade's wage rises.
        self._basis(placement, 7.0)
        self._attend(person, MARCH_DAYS[:2], hours=5.0)
        self.wage.date_to = date(2026, 2, 28)
        self.env["social.pay.trade.wage"].create(
            {
                "trade": self.wage.trade,
                "hourly_wage": 150.0,
                "date_from": date(2026, 3, 1),
                "source": "Test fixture",
            }
        )
        with self.assertRaisesRegex(UserError, "Under Bunden: the pay is below"):
            self._pay_run().action_compute()

    @mute_logger("odoo.sql_db")
    def test_second_run_creates_nothing(self):
        run = self._pay_run()
        run.action_compute()
        lines = run.line_ids
        self.assertEqual(self.env["social.pay.run"]._get_run(self.company, MARCH), run)
        run.action_compute()
        self.assertEqual(run.line_ids, lines)
        with self.assertRaises(UniqueViolation), self.cr.savepoint():
            self.env["social.pay.run"].create(
                {"company_id": self.company.id, "period_start": date(2026, 3, 20)}
            )

    def test_confirm_books_the_participants_apart_from_staff(self):
        run = self._pay_run().with_user(self.user_pay_accountant)
        run.action_compute()
        run.action_confirm()
        self.assertEqual(run.state, "confirmed")
        move = run.move_ids
        self.assertEqual(len(move), 1)
        self.assertEqual(move.state, "posted")
        stream = self.env["account.analytic.account"]._get_revenue_stream_account(
            "social_service", self.company
        )
        by_account = {line.account_id: line for line in move.line_ids if line.debit}
        self.assertEqual(by_account[self.expense_account].debit, 1440.0)
        self.assertEqual(by_account[self.transport_account].debit, 576.0)
        self.assertEqual(
            by_account[self.expense_account].analytic_distribution,
            {str(stream.id): 100.0},
        )
        self.assertEqual(
            by_account[self.expense_account].partner_id, self.rasmus.work_contact_id
        )
        payable = move.line_ids.filtered(
            lambda ln: ln.account_id == self.payable_account
        )
        self.assertEqual(sum(payable.mapped("credit")), 2016.0)
        # Booked lines are history.
        with self.assertRaises(UserError):
            run.line_ids[0].sudo().amount = 1.0
        # Confirming again books nothing.
        with self.assertRaises(UserError):
            run.action_confirm()

    def test_correction_after_export_is_a_difference_line(self):
        run = self._pay_run()
        run.action_compute()
        run.action_confirm()
        self._export()
        self.assertEqual(run.state, "exported")
        self.assertTrue(all(run.line_ids.mapped("exported")))
        # A forgotten day of 5 hours: 65 hours × 24.00 = 1,560.00, 120.00 more.
        # Transport for 13 days: 25 × 2 × 1.60 × 13 = 1,040.00 less 10 × 2 × 1.60
        # × 13 = 416.00 (under 30 % of 1,560.00 = 468.00) = 624.00, 48.00 more.
        self._attend(self.rasmus, [date(2026, 3, 25)], hours=5.0)
        run.action_compute()
        self.assertEqual(run.state, "draft")
        corrections = run.line_ids.filtered("is_correction")
        self.assertEqual(sorted(corrections.mapped("amount")), [48.0, 120.0])
        run.action_compute()
        self.assertEqual(run.line_ids.filtered("is_correction"), corrections)
        run.action_confirm()
        self.assertEqual(len(run.move_ids), 2)
        wizard = self._export(include_hours=False)
        lines = payroll_export.read_danlon(base64.b64decode(wizard.file_data))
        self.assertEqual(
            sorted(line.amount for line in lines), [Decimal(48), Decimal(120)]
        )
        self.assertEqual(run.state, "exported")
        # Nothing changed: checking again adds nothing.
        run.action_compute()
        self.assertEqual(run.state, "exported")

    def test_manual_other_line_survives_recompute(self):
        run = self._pay_run()
        run.action_compute()
        other = self.env["social.pay.line"].create(
            {
                "run_id": run.id,
                "placement_id": self.placement.id,
                "pay_type": "other",
                "amount": 100.0,
                "explanation": "Julegave",
            }
        )
        self.assertTrue(other.manual)
        run.action_compute()
        self.assertIn(other, run.line_ids)

    def test_confirm_needs_accounts(self):
        run = self.env["social.pay.run"]._get_run(self.company, MARCH)
        run.write({"expense_account_id": False, "journal_id": False})
        run.action_compute()
        with self.assertRaisesRegex(UserError, "before confirming"):
            run.action_confirm()


@tagged("post_install", "-at_install")
class TestPayrollExport(PayCase):
    """The pay basis of a month in Danløn's format, read back into the same
    numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.flex_person = cls._person("Fleks Test", payroll_number="12")
        cls._placement(
            cls.flex_person,
            scheme_id=cls.env.ref("social_enterprise.social_scheme_flexjob").id,
            municipality_id=False,
            case_worker_id=False,
            weekly_hours=20,
            work_capacity=50.0,
        )
        # 4 days × 4 hours attended at 50 % capacity = 8 effective hours.
        cls._attend(cls.flex_person, MARCH_DAYS[:4], hours=4.0)

    def test_danlon_file_reads_back_into_the_same_numbers(self):
        run = self._pay_run()
        run.action_compute()
        run.action_confirm()
        wizard = self._export()
        self.assertTrue(wizard.file_name.endswith(".txt"))
        content = base64.b64decode(wizard.file_data)
        self.assertEqual(
            content.decode().splitlines(),
            [
                "38112236;12;2;800",
                "38112236;7;40;6000;2400",
                "38112236;7;41;;;57600",
            ],
        )
        lines = payroll_export.read_danlon(content)
        self.assertEqual(
            [(ln.employee, ln.pay_type, ln.units, ln.rate, ln.amount) for ln in lines],
            [
                ("12", "2", Decimal(8), None, None),
                ("7", "40", Decimal(60), Decimal(24), None),
                ("7", "41", None, None, Decimal(576)),
            ],
        )
        self.assertEqual(run.state, "exported")

    def test_csv_and_xlsx(self):
        run = self._pay_run()
        run.action_compute()
        run.action_confirm()
        wizard = self._export(file_format="csv")
        text = base64.b64decode(wizard.file_data).decode()
        self.assertIn("38112236,7,40,60.00,24.00,", text)
        wizard = self._export(file_format="xlsx", include_exported=True)
        self.assertTrue(wizard.file_name.endswith(".xlsx"))
        self.assertEqual(base64.b64decode(wizard.file_data)[:2], b"PK")

    def test_refuses_people_without_payroll_number(self):
        self.flex_person.payroll_number = False
        nameless = self._person("Uden Lønnummer")
        self._placement(
            nameless,
            scheme_id=self.env.ref("social_enterprise.social_scheme_small_job").id,
            municipality_id=False,
            case_worker_id=False,
        )
        self._attend(nameless, MARCH_DAYS[:1], hours=3.0)
        with self.assertRaisesRegex(UserError, "Fleks Test, Uden Lønnummer"):
            self._export()

    def test_refuses_unconfirmed_run(self):
        self._pay_run().action_compute()
        with self.assertRaisesRegex(UserError, "confirm the pay run"):
            self._export()

    def test_refuses_unmapped_pay_types(self):
        self.env["social.payroll.pay.type"].search(
            [("category", "=", "hours_flexjob"), ("company_id", "=", self.company.id)]
        ).unlink()
        with self.assertRaisesRegex(UserError, "Set the pay types .* flexjob"):
            self._export()

    def test_pay_statement(self):
        run = self._pay_run()
        run.action_compute()
        run.action_confirm()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "social_enterprise.report_pay_statement", run.line_ids.ids
            )[0]
            .decode()
        )
        self.assertIn("Rasmus Test", html)
        self.assertRegex(html, r"1[.,]440[.,]00")
        self.assertIn("576", html)
