from datetime import date, timedelta

from odoo.tests import new_test_user

from .billing_common import BillingCase

MARCH = date(2026, 3, 1)
# Twelve weekdays of March 2026 (before summer time), 5 hours each = 60 hours.
MARCH_DAYS = [
    d for d in (MARCH + timedelta(days=i) for i in range(1, 20)) if d.weekday() < 5
][:12]


class PayCase(BillingCase):
    """A Danish company with dated pay rules, §103 participants and the accounts
    of the pay run. Every rate is a record made here, with its source."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wage = cls.env["social.pay.trade.wage"].create(
            {
                "trade": "Testfagets overenskomst",
                "hourly_wage": 140.0,
                "floor_percent": 5.0,
                "date_from": date(2020, 1, 1),
                "source": "Test fixture",
            }
        )
        Rate = cls.env["social.pay.transport.rate"]
        cls.rate_public = Rate.create(
            {
                "name": "Bus",
                "company_id": cls.company.id,
                "kind": "public",
                "rate_per_km": 1.60,
                "date_from": date(2020, 1, 1),
                "source": "Test fixture",
            }
        )
        cls.rate_km = Rate.create(
            {
                "name": "Bil",
                "company_id": cls.company.id,
                "kind": "km",
                "rate_per_km": 2.00,
                "date_from": date(2020, 1, 1),
                "source": "Test fixture",
            }
        )
        cls.user_pay_accountant = new_test_user(
            cls.env,
            login="pay_accountant",
            groups="base.group_user,account.group_account_user",
            company_id=cls.company.id,
        )
        cls.user_coordinator_b = new_test_user(
            cls.env,
            login="pay_coordinator_b",
            groups="base.group_user,social_enterprise.social_enterprise_group_user",
            company_id=cls.company.id,
        )
        Account = cls.env["account.account"]
        cls.expense_account = Account.create(
            {"code": "2861", "name": "Arbejdsdusør", "account_type": "expense"}
        )
        cls.transport_account = Account.create(
            {"code": "2862", "name": "Befordring", "account_type": "expense"}
        )
        cls.payable_account = Account.create(
            {
                "code": "7861",
                "name": "Skyldig dusør",
                "account_type": "liability_current",
            }
        )
        cls.journal = cls.company_data["default_journal_misc"]
        PayType = cls.env["social.payroll.pay.type"]
        PayType.create(
            [
                {
                    "company_id": cls.company.id,
                    "payroll_system": "danlon",
                    "category": category,
                    "code": code,
                }
                for category, code in (
                    ("hours_ordinary", "1"),
                    ("hours_flexjob", "2"),
                    ("hours_small_job", "3"),
                    ("hours_wage_subsidy", "4"),
                    ("pay", "40"),
                    ("transport", "41"),
                    ("other", "42"),
                )
            ]
        )
        cls.rasmus = cls._person("Rasmus Test", payroll_number="7")
        cls.placement = cls._placement(
            cls.rasmus, date_start=date(2026, 1, 1), user_id=cls.user_coordinator.id
        )
        cls.basis = cls._basis(cls.placement, 24.0)
        cls.transport = cls.env["social.pay.transport"].create(
            {
                "placement_id": cls.placement.id,
                "date_from": date(2026, 1, 1),
                "distance_km": 25.0,
                "means": "bus",
            }
        )
        cls._attend(cls.rasmus, MARCH_DAYS, hours=5.0)

    @classmethod
    def _basis(cls, placement, rate, **vals):
        return cls.env["social.pay.basis"].create(
            {
                "placement_id": placement.id,
                "date_from": placement.date_start,
                "method": "hourly",
                "trade_wage_id": cls.wage.id,
                "assessment_date": placement.date_start,
                "assessor_id": cls.user_se_manager.id,
                "assessed_capacity": 30.0,
                "hourly_rate": rate,
                **vals,
            }
        )

    @classmethod
    def _pay_run(cls, month=MARCH):
        run = cls.env["social.pay.run"]._get_run(cls.company, month)
        run.write(
            {
                "journal_id": cls.journal.id,
                "expense_account_id": cls.expense_account.id,
                "transport_account_id": cls.transport_account.id,
                "payable_account_id": cls.payable_account.id,
            }
        )
        return run

    def _export(self, month=MARCH, user=None, **vals):
        wizard = (
            self.env["social.payroll.export.wizard"]
            .with_user(user or self.env.user)
            .create({"company_id": self.company.id, "period_start": month, **vals})
        )
        wizard.action_export()
        return wizard
