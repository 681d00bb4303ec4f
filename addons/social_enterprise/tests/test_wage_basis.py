import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import file_open, mute_logger

from .billing_common import BillingCase

NOV = date(2026, 11, 1)
CVR = "38112236"  # the test company's


@tagged("post_install", "-at_install")
class TestWageBasis(BillingCase):
    """The wage basis per employee and month: by hand, by standard import, by a
    payroll file; and the month's payroll posted to the books."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Period = cls.env["social.wage.period"]
        cls.anna = cls._person("Anna Løn", payroll_number="100")
        cls.bo = cls._person("Bo Løn", payroll_number="101")
        PayType = cls.env["social.payroll.import.type"]
        PayType.search([("payroll_format", "=", "danloen")]).unlink()
        PayType.create(
            [
                {"code": "1", "name": "Timer", "target": "paid_hours"},
                {"code": "2", "name": "Sygdom", "target": "absence_hours"},
                {"code": "10", "name": "Løn", "target": "gross_wage"},
                {"code": "30", "name": "Feriepenge", "target": "holiday_pay"},
                {"code": "50", "name": "ATP", "target": "atp"},
                {"code": "99", "name": "Info", "target": "ignore"},
            ]
        )

    def _import(self, text, month=NOV):
        wizard = self.env["social.wage.import.wizard"].create(
            {
                "company_id": self.company.id,
                "month": month,
                "payroll_format": "danloen",
                "file": base64.b64encode(text.encode()),
                "filename": "loen.csv",
            }
        )
        return wizard.action_import()

    def test_danloen_file_fills_the_month(self):
        # Units and money in hundredths: 148 hours, 8 sick hours, 23,680.00 kr...
        action = self._import(
            f"{CVR};100;1;14800\n"
            f"{CVR};100;2;800\n"
            f"{CVR};100;10;100;;2368000\n"
            f"{CVR};100;30;100;;296000\n"
            f"{CVR};100;50;100;;9900\n"
            f"{CVR};100;99;100\n"
            # ...and for Bo 25 hours at 200 kr: the amount is units × rate.
            f"{CVR};101;1;2500\n"
            f"{CVR};101;10;2500;20000\n"
        )
        periods = self.Period.browse(action["domain"][0][2])
        anna = periods.filtered(lambda p: p.employee_id == self.anna)
        self.assertEqual(
            (anna.paid_hours, anna.absence_hours, anna.gross_wage, anna.holiday_pay),
            (148.0, 8.0, 23680.0, 2960.0),
        )
        self.assertEqual(
            (anna.atp, anna.wage_cost, anna.source), (99.0, 26739.0, "payroll_file")
        )
        self.assertEqual(anna.period_start, NOV)
        bo = periods.filtered(lambda p: p.employee_id == self.bo)
        self.assertEqual((bo.paid_hours, bo.gross_wage), (25.0, 5000.0))
        # Importing the month again overwrites it, no duplicate.
        self._import(f"{CVR};100;1;15000\n")
        anna = self.Period.search([("employee_id", "=", self.anna.id)])
        self.assertEqual((len(anna), anna.paid_hours, anna.gross_wage), (1, 150.0, 0.0))

    def test_bad_file_imports_nothing_and_names_line_and_field(self):
        with self.assertRaisesRegex(UserError, r"line 2, field units: '148,00'"):
            self._import(f"{CVR};100;1;14800\n{CVR};101;1;148,00\n")
        with self.assertRaisesRegex(UserError, "line 1, field CVR"):
            self._import("1234;100;1;14800\n")
        with self.assertRaisesRegex(UserError, "expected 4 to 6 fields"):
            self._import(f"{CVR};100;1\n")
        self.assertFalse(
            self.Period.search([("employee_id", "in", (self.anna | self.bo).ids)])
        )

    def test_unknown_employee_number_is_reported_not_guessed(self):
        with self.assertRaisesRegex(
            UserError, "line 2, employee number: 999 matches no employee"
        ):
            self._import(f"{CVR};100;1;14800\n{CVR};999;1;14800\n")
        with self.assertRaisesRegex(UserError, "line 1, pay type: 77 is not mapped"):
            self._import(f"{CVR};100;77;14800\n")
        with self.assertRaisesRegex(UserError, "12345678 is not the CVR"):
            self._import("12345678;100;1;14800\n")
        self.assertFalse(self.Period.search([("employee_id", "=", self.anna.id)]))

    def test_standard_import_matches_the_payroll_number(self):
        template = self.Period.get_import_templates()[0]["template"]
        with file_open(template.lstrip("/")) as handle:
            header = handle.readline().strip().split(",")
        self.assertIn("payroll_number", header)
        result = self.Period.with_context(import_file=True).load(
            ["payroll_number", "period_start", "paid_hours", "gross_wage"],
            [["101", "2026-11-15", "120", "24000"]],
        )
        self.assertFalse(result["messages"])
        period = self.Period.browse(result["ids"])
        self.assertEqual((period.employee_id, period.period_start), (self.bo, NOV))
        self.assertEqual(period.source, "import")
        with mute_logger("odoo.sql_db"):
            result = self.Period.with_context(import_file=True).load(
                ["payroll_number", "period_start", "paid_hours"],
                [["555", "2026-11-01", "10"]],
            )
        self.assertIn("555 matches no employee", str(result["messages"]))

    def test_by_hand_with_checks(self):
        period = self.Period.create(
            {
                "employee_id": self.anna.id,
                "period_start": "2026-11-20",
                "paid_hours": 10,
            }
        )
        self.assertEqual(period.period_start, NOV)
        with self.assertRaisesRegex(ValidationError, "refunded hours"):
            period.refund_hours = 20

    def test_payroll_entry_has_the_employee_on_each_line(self):
        periods = self.Period.create(
            [
                {
                    "employee_id": self.anna.id,
                    "period_start": NOV,
                    "paid_hours": 148,
                    "gross_wage": 23680.0,
                    "holiday_pay": 2960.0,
                    "pension": 0.0,
                    "atp": 99.0,
                    "refund_amount": 500.0,
                },
                {
                    "employee_id": self.bo.id,
                    "period_start": NOV,
                    "paid_hours": 25,
                    "gross_wage": 5000.0,
                },
            ]
        )
        move = periods.action_post_payroll()
        self.assertEqual(len(move), 1)
        self.assertEqual((move.state, move.date), ("posted", date(2026, 11, 30)))
        self.assertEqual(periods.move_id, move)
        expense = move.line_ids.filtered(lambda ml: ml.account_id.code != "7860")
        self.assertEqual(
            set(expense.partner_id.ids),
            {self.anna.work_contact_id.id, self.bo.work_contact_id.id},
        )
        codes = {ml.account_id.code for ml in expense}
        self.assertEqual(codes, {"2845", "2860", "2898", "2885"})
        payable = move.line_ids - expense
        # 26,239.00 kr for Anna (23,680 + 2,960 + 99 − 500) and 5,000.00 kr for Bo.
        self.assertEqual(payable.credit, 31239.0)
        with self.assertRaisesRegex(UserError, "Already posted"):
            periods.action_post_payroll()

    def test_personal_payroll_data_is_restricted(self):
        period = self.Period.create(
            {"employee_id": self.anna.id, "period_start": NOV, "paid_hours": 10}
        )
        self.env.invalidate_all()
        for user in (self.user_coordinator, self.user_supervisor, self.user_plain):
            with self.assertRaises(AccessError):
                period.with_user(user).read(["gross_wage"])
        accountant = self.Period.with_user(self.user_accountant)
        self.assertEqual(accountant.browse(period.id).paid_hours, 10.0)
        with self.assertRaises(AccessError):
            self.env["social.payroll.import.type"].with_user(
                self.user_accountant
            ).create({"code": "5", "name": "X", "target": "pension"})
