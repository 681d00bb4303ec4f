from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import MrpCase

NOVEMBER = date(2026, 11, 1)


@tagged("post_install", "-at_install")
class TestPayEffortFromWorkOrders(MrpCase):
    """A §103 participant paid by effort gets the month's effort units from the work
    orders they finished, without anyone typing them.

    Worked example, November 2026: Bo is paid 5.00 kr a brush. He finishes an order of
    40 brushes alone, and shares an order of 30 brushes with Anna, 45 minutes each
    (15 brushes his). He attended 4 mornings of 3 hours (12 h). 40 + 15 = 55 brushes
    x 5.00 kr = 275.00 kr (22.92 kr an hour, above the floor of 5 % x 140.00 = 7.00).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wage = cls.env["social.pay.trade.wage"].create(
            {
                "trade": "Børstebinderiets overenskomst (test)",
                "hourly_wage": 140.0,
                "floor_percent": 5.0,
                "date_from": date(2020, 1, 1),
                "source": "Test fixture",
            }
        )
        cls.env["social.pay.basis"].create(
            {
                "placement_id": cls.bo_placement.id,
                "date_from": cls.bo_placement.date_start,
                "method": "effort",
                "trade_wage_id": cls.wage.id,
                "effort_unit": "børste",
                "effort_rate": 5.0,
            }
        )
        cls.env["hr.attendance"].create(
            [
                {
                    "employee_id": cls.bo.id,
                    "check_in": datetime(2026, 11, day, 7, 0),
                    "check_out": datetime(2026, 11, day, 10, 0),
                }
                for day in (16, 17, 18, 23)
            ]
        )
        cls.alone = cls._finished(40, [(cls.bo, 60)], datetime(2026, 11, 17, 8, 0))
        cls.shared = cls._finished(
            30, [(cls.bo, 45), (cls.anna, 45)], datetime(2026, 11, 18, 8, 0)
        )
        cls.user_pay_accountant = new_test_user(
            cls.env,
            login="mrp_pay_accountant",
            groups="base.group_user,account.group_account_user",
        )

    @classmethod
    def _finished(cls, qty, times, start):
        production = cls._production(qty, start)
        workorder = production.workorder_ids
        for employee, minutes in times:
            cls._time(workorder, employee, start, minutes)
        with freeze_time(start.replace(hour=13)):
            workorder.button_finish()
        return production

    def _compute(self, user=None):
        run = self.env["social.pay.run"]._get_run(self.env.company, NOVEMBER)
        run.with_user(user or self.env.user).action_compute()
        return run, run.line_ids.filtered(
            lambda ln: ln.employee_id == self.bo and ln.pay_type == "pay"
        )

    def _effort(self):
        return self.env["social.pay.effort"].search(
            [("placement_id", "=", self.bo_placement.id)]
        )

    def test_pay_line_from_work_orders(self):
        run, line = self._compute()
        self.assertEqual(line.hours, 12.0)
        self.assertEqual(line.quantity, 55.0)
        self.assertEqual(line.rate, 5.0)
        self.assertEqual(line.amount, 275.0)
        self.assertIn("55.00 × børste at 5.00 kr", line.explanation)
        self.assertIn("55.00 from work orders", line.explanation)
        for production, units in ((self.alone, "40.00"), (self.shared, "15.00")):
            self.assertIn(
                f"{production.name} {production.workorder_ids.name}: {units}",
                line.explanation,
            )
        effort = self._effort()
        self.assertEqual(effort.period_start, NOVEMBER)
        self.assertEqual(
            (effort.production_units, effort.correction_units, effort.units),
            (55.0, 0.0, 55.0),
        )
        # Computing again creates nothing and changes nothing.
        lines = run.line_ids
        self._compute()
        self.assertEqual(run.line_ids, lines)
        self.assertEqual(line.amount, 275.0)
        self.assertEqual(len(self._effort()), 1)

    def test_correction_by_hand_is_kept_and_shown(self):
        self._compute()
        effort = self._effort()
        effort.units = 58.0  # 3 brushes finished after the work order was closed
        self.assertEqual(effort.correction_units, 3.0)
        # Another 10 brushes of Bo's are finished in November: 55 + 10 + 3 = 68
        # brushes x 5.00 kr = 340.00 kr.
        self._finished(10, [(self.bo, 20)], datetime(2026, 11, 24, 8, 0))
        _run, line = self._compute()
        self.assertEqual(
            (effort.production_units, effort.correction_units, effort.units),
            (65.0, 3.0, 68.0),
        )
        self.assertEqual(line.quantity, 68.0)
        self.assertEqual(line.amount, 340.0)
        self.assertIn("65.00 from work orders", line.explanation)
        self.assertIn("Corrected by hand: +3.00", line.explanation)
        # The correction can be entered as such: -8 gives 65 - 8 = 57 brushes.
        effort.correction_units = -8.0
        self.assertEqual(effort.units, 57.0)
        _run, line = self._compute()
        self.assertEqual(line.amount, 285.0)

    def test_month_entered_by_hand_keeps_its_count(self):
        # Entered before the work orders were read: the 50 brushes typed stay what
        # is paid; the difference to the work orders' 55 shows as a correction.
        effort = self.env["social.pay.effort"].create(
            {
                "placement_id": self.bo_placement.id,
                "period_start": NOVEMBER,
                "units": 50,
            }
        )
        _run, line = self._compute()
        self.assertEqual(
            (effort.production_units, effort.correction_units, effort.units),
            (55.0, -5.0, 50.0),
        )
        self.assertEqual(line.amount, 250.0)
        self.assertIn("Corrected by hand: -5.00", line.explanation)

    def test_accountant_computes_without_manufacturing_rights(self):
        _run, line = self._compute(self.user_pay_accountant)
        self.assertEqual(line.amount, 275.0)
        self.assertEqual(self._effort().units, 55.0)
