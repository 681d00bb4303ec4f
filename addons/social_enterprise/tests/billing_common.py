from datetime import date, datetime, timedelta

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

# Sample GLN location numbers with a valid GS1 check digit.
GLN_A = "5798000416604"
GLN_B = "5798000200807"
CPR = "0101901234"


def municipal_address(env):
    """What an OIOUBL invoice needs of the receiving unit besides its EAN: a street
    with a building number, postcode, city, country and CVR number."""
    return {
        "street": "Torvet 1",
        "zip": "4000",
        "city": "Roskilde",
        "country_id": env.ref("base.dk").id,
        "vat": "DK29189404",
    }


class BillingCase(AccountTestInvoicingCommon):
    """A Danish company (l10n_dk chart) with one municipality, its agreement and
    placements on §103/§104, mentor support and employment schemes. No demo data."""

    @classmethod
    def get_default_groups(cls):
        # The fixtures create people, attendances and timesheets as well.
        ref = cls.env.ref
        return (
            super().get_default_groups()
            | ref("social_enterprise.social_enterprise_group_manager")
            | ref("hr.group_hr_manager")
            | ref("hr_attendance.group_hr_attendance_manager")
            | ref("hr_timesheet.group_timesheet_manager")
            | ref("project.group_project_manager")
        )

    @classmethod
    @AccountTestInvoicingCommon.setup_country("dk")
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.company_data["company"]
        cls.company.write(
            {
                "vat": "DK38112236",
                "street": "Rentemestervej 12",
                "zip": "2400",
                "city": "København NV",
            }
        )
        ref = cls.env.ref
        cls.scheme_103 = ref("social_enterprise.social_scheme_sheltered_103")
        cls.scheme_104 = ref("social_enterprise.social_scheme_activity_104")
        cls.scheme_stu = ref("social_enterprise.social_scheme_stu")
        cls.scheme_mentor = ref("social_enterprise.social_scheme_mentor")
        cls.scheme_skaane = ref("social_enterprise.social_scheme_skaanejob")
        cls.scheme_wage_private = ref(
            "social_enterprise.social_scheme_wage_subsidy_private"
        )
        cls.scheme_flex_old = ref("social_enterprise.social_scheme_flexjob_old")
        cls.exempt_tax = cls.env["account.chart.template"].ref("tax_smf")
        Partner = cls.env["res.partner"]
        cls.municipality = Partner.create(
            {
                "name": "Testrup Kommune",
                "street": "Rådhuspladsen 1",
                "zip": "4000",
                "city": "Testrup",
                "is_company": True,
                "is_municipality": True,
                "municipality_code": "901",
                "country_id": ref("base.dk").id,
                "vat": "DK29189404",
                "peppol_eas": "0088",
                "peppol_endpoint": GLN_A,
            }
        )
        cls.municipality_b = Partner.create(
            {
                "name": "Prøvested Kommune",
                "street": "Rådhuspladsen 1",
                "zip": "4000",
                "city": "Prøvested",
                "is_company": True,
                "is_municipality": True,
                "municipality_code": "902",
                "country_id": ref("base.dk").id,
                "vat": "DK64942212",
                "peppol_eas": "0088",
                "peppol_endpoint": GLN_B,
            }
        )
        cls.case_worker = Partner.create(
            {"name": "Sagsbehandler", "parent_id": cls.municipality.id}
        )
        cls.agreement = cls._agreement(
            cls.municipality,
            [
                (cls.scheme_103, "1", "day", 557.0),
                (cls.scheme_103, "2", "day", 366.0),
                (cls.scheme_103, "3", "day", 237.0),
                (cls.scheme_104, "1", "day", 773.0),
                (cls.scheme_mentor, False, "hour", 350.0, "contracted"),
            ],
            factors=[(1, 2, 60.0), (3, 3, 85.0), (4, 7, 100.0)],
            name="Testrup: §103, §104, mentor",
        )
        cls.agreement_b = cls._agreement(
            cls.municipality_b,
            [(cls.scheme_stu, False, "month", 17500.0)],
            name="Prøvested: STU",
            invoice_per_order=True,
        )
        cls.user_coordinator = new_test_user(
            cls.env,
            login="bl_coordinator",
            groups="base.group_user,social_enterprise.social_enterprise_group_user",
            company_id=cls.company.id,
        )
        cls.user_supervisor = new_test_user(
            cls.env,
            login="bl_supervisor",
            groups="base.group_user,"
            "social_enterprise.social_enterprise_group_supervisor",
            company_id=cls.company.id,
        )
        cls.user_se_manager = new_test_user(
            cls.env,
            login="bl_se_manager",
            groups="base.group_user,social_enterprise.social_enterprise_group_manager",
            company_id=cls.company.id,
        )
        cls.user_accountant = new_test_user(
            cls.env,
            login="bl_accountant",
            groups="base.group_user,account.group_account_invoice",
            company_id=cls.company.id,
        )
        cls.user_plain = new_test_user(
            cls.env,
            login="bl_plain",
            groups="base.group_user",
            company_id=cls.company.id,
        )
        cls._counter = 0

    @classmethod
    def _agreement(cls, municipality, prices, factors=(), **vals):
        lines = []
        date_from = vals.pop("date_from", date(2020, 1, 1))
        for price in prices:
            scheme, level, unit, amount = price[:4]
            lines.append(
                Command.create(
                    {
                        "scheme_id": scheme.id,
                        "rate_level": level,
                        "unit": unit,
                        "price": amount,
                        "date_from": date_from,
                        "billing_basis": price[4] if len(price) > 4 else False,
                    }
                )
            )
        return cls.env["social.agreement"].create(
            {
                "name": vals.pop("name", municipality.name),
                "company_id": cls.company.id,
                "municipality_id": municipality.id,
                "line_ids": lines,
                "factor_ids": [
                    Command.create({"min_days": a, "max_days": b, "percent": p})
                    for a, b, p in factors
                ],
                "tax_ids": [Command.set(cls.exempt_tax.ids)],
                **vals,
            }
        )

    @classmethod
    def _person(cls, name=None, **vals):
        cls._counter += 1
        return cls.env["hr.employee"].create(
            {
                "name": name or f"Person {cls._counter}",
                "company_id": cls.company.id,
                **vals,
            }
        )

    @classmethod
    def _placement(cls, employee=None, activate=True, **vals):
        cls._counter += 1
        defaults = {
            "employee_id": (employee or cls._person()).id,
            "scheme_id": cls.scheme_103.id,
            "municipality_id": cls.municipality.id,
            "case_worker_id": cls.case_worker.id,
            "order_ref": f"ORD-{cls._counter:04d}",
            "person_ref": f"SAG-{cls._counter:05d}",
            "date_start": date(2026, 1, 1),
            "weekly_hours": 25,
            "days_per_week": 5,
            "rate_level": "1",
        }
        defaults.update(vals)
        placement = cls.env["social.placement"].create(defaults)
        if activate:
            placement.action_activate()
        return placement

    @classmethod
    def _run(cls, month, day=None, **vals):
        """A billing run for ``month``, dated after its end unless ``day``."""
        month = month.replace(day=1)
        next_month = (month + timedelta(days=32)).replace(day=1)
        return cls.env["social.billing.run"].create(
            {
                "company_id": cls.company.id,
                "period_start": month,
                "date": day or next_month,
                **vals,
            }
        )

    def _stu_preview(self, count, month, name="Baggrundskommune"):
        """A computed run of ``count`` STU places in ``month`` at a municipality
        that wants one invoice per order: ``count`` invoices of 17,500.00."""
        municipality = self.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "is_municipality": True,
                **municipal_address(self.env),
                "peppol_eas": "0088",
                "peppol_endpoint": "5798000300033",
            }
        )
        self._agreement(
            municipality,
            [(self.scheme_stu, False, "month", 17500.0)],
            invoice_per_order=True,
        )
        for _i in range(count):
            self._placement(
                scheme_id=self.scheme_stu.id,
                municipality_id=municipality.id,
                rate_level=False,
            )
        run = self._run(month, municipality_ids=municipality.ids)
        run.action_compute()
        self.assertEqual(run.line_count, count)
        return run

    @classmethod
    def _attend(cls, employee, days, hours=4.5):
        """Attendance of ``hours`` on each of ``days`` from 5:00 UTC (ends before
        the lunch break of the working schedule, summer time too)."""
        return cls.env["hr.attendance"].create(
            [
                {
                    "employee_id": employee.id,
                    "check_in": datetime(d.year, d.month, d.day, 5, 0),
                    "check_out": datetime(d.year, d.month, d.day, 5, 0)
                    + timedelta(hours=hours),
                }
                for d in days
            ]
        )

    def _bill(self, month, **vals):
        run = self._run(month, **vals)
        run.action_compute()
        moves = run.action_create_invoices() if run.state == "preview" else None
        return run, moves
