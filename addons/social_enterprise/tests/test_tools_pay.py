import doctest
from decimal import Decimal

from odoo.tests.common import BaseCase, tagged

from ..tools import pay, payroll_export


@tagged("post_install", "-at_install")
class TestToolsPay(BaseCase):
    """§103 pay, the floor, transport and the pay-basis file formats."""

    def test_doctests(self):
        for module in (pay, payroll_export):
            result = doctest.testmod(module)
            self.assertGreater(result.attempted, 5)
            self.assertEqual(result.failed, 0)

    def test_worked_example_hourly(self):
        # 60 attended hours at an assessed 24.00 kr/h = 1,440.00 kr.
        self.assertEqual(pay.hourly_pay(60.0, 24.0, floor=7.0).amount, 1440.0)

    def test_floor(self):
        # 5 % of a lowest collective wage of 140.00 kr/h = 7.00 kr/h.
        self.assertEqual(pay.floor_rate(140.0, 5.0), 7.0)
        with self.assertRaises(ValueError):
            pay.hourly_pay(10.0, 6.99, floor=7.0)

    def test_transport_worked_example(self):
        # 25 km by bus at 1.60 kr/km, 10 attended days, 1,440.00 kr earned.
        # Full fare: 25 × 2 × 1.60 × 10 = 800.00; own share 10 km each way:
        # 10 × 2 × 1.60 × 10 = 320.00, under 30 % of 1,440.00 = 432.00, so the
        # fare for 15 km each way is paid: 15 × 2 × 1.60 × 10 = 480.00 kr.
        result = pay.transport(25.0, 1.60, 10, 1440.0)
        self.assertEqual(result.full_cost, 800.0)
        self.assertEqual(result.own_share, 320.0)
        self.assertEqual(result.amount, 480.0)
        # Earning 900.00 kr, 30 % = 270.00 is less than 320.00: 800 - 270 = 530.00.
        self.assertEqual(pay.transport(25.0, 1.60, 10, 900.0).amount, 530.0)

    def test_danlon_round_trip(self):
        lines = [
            payroll_export.PayLine(
                "12345678", "100", "1", Decimal("25"), Decimal("200"), None
            ),
            payroll_export.PayLine(
                "12345678", "7", "40", Decimal("60"), Decimal("24"), None
            ),
            payroll_export.PayLine("12345678", "7", "41", None, None, Decimal("480")),
        ]
        content = payroll_export.get_writer("danlon").render(lines)
        self.assertEqual(
            content.decode().splitlines(),
            [
                "12345678;100;1;2500;20000",
                "12345678;7;40;6000;2400",
                "12345678;7;41;;;48000",
            ],
        )
        self.assertEqual(payroll_export.read_danlon(content), lines)

    def test_danlon_reader_refuses_bad_lines(self):
        with self.assertRaises(ValueError):
            payroll_export.read_danlon(b"12345678;100\r\n")

    def test_every_writer_writes(self):
        line = payroll_export.PayLine("1", "2", "3", 1, 2, None)
        for code, _label in payroll_export.formats():
            self.assertTrue(payroll_export.get_writer(code).render([line]))
