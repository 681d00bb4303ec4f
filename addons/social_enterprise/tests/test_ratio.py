from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestRatioRule(SocialEnterpriseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["res.partner"].create({"name": "Unit Test Workshop"})
        Employee = cls.env["hr.employee"]
        cls.ordinary = Employee.create(
            [{"name": f"Ordinary {i}", "address_id": cls.unit.id} for i in range(6)]
        )
        cls.subsidised = Employee.create(
            [{"name": f"Subsidised {i}", "address_id": cls.unit.id} for i in range(2)]
        )

    def _row(self):
        self.env.invalidate_all()
        return self.env["social.ratio.report"].search(
            [("work_address_id", "=", self.unit.id)]
        )

    def test_used_vs_allowed_and_warning(self):
        first = self._placement(
            employee_id=self.subsidised[0].id,
            scheme_id=self.scheme_wage_private.id,
            date_start=date.today(),
            weekly_hours=30,
            days_per_week=5,
        )
        self.assertEqual(first.work_address_id, self.unit)
        self.assertFalse(first.ratio_warning, "8 ordinary employees allow 1")
        first.action_activate()
        row = self._row()
        # The second person has no placement yet: still an ordinary employee.
        self.assertEqual(
            (row.ordinary_count, row.used_count, row.allowed_count), (7, 1, 1)
        )
        self.assertFalse(row.over_limit)
        second = self._placement(
            employee_id=self.subsidised[1].id,
            scheme_id=self.scheme_praktik.id,
            date_start=date.today(),
            weekly_hours=20,
        )
        self.assertIn("allows 1", second.ratio_warning)
        second.action_activate()
        self.env.invalidate_all()
        self.assertTrue(self._row().over_limit)
        # A sheltered-employment person does not count in the rule and is not ordinary.
        sheltered = self.env["hr.employee"].create(
            {"name": "S", "address_id": self.unit.id}
        )
        self._placement(
            employee_id=sheltered.id, date_start=date.today()
        ).action_activate()
        self.env.invalidate_all()
        self.assertEqual((self._row().ordinary_count, self._row().used_count), (6, 2))

    def test_company_parameters(self):
        self.env.company.ratio_per_small = 3
        self.assertEqual(self.env.company._ratio_allowed(6), 2)

    def test_report_not_for_supervisors(self):
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.env["social.ratio.report"].with_user(self.user_supervisor).search([])
