from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .billing_common import BillingCase


@tagged("post_install", "-at_install")
class TestMoneyRules(BillingCase):
    """Public or private employer, durations and extensions, the ratio rule's floor
    and exclusions, the reserved-contract share on workers, the leap day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.scheme_praktik = ref("social_enterprise.social_scheme_work_placement")
        cls.scheme_wage_public = ref(
            "social_enterprise.social_scheme_wage_subsidy_public"
        )
        cls.Status = cls.env["social.employer.status"]
        cls.company.employer_status_ids.unlink()

    # ----------------------------------------------------------- employer status
    def test_public_employer_from_half_public_money(self):
        self.Status.create(
            [
                {"company_id": self.company.id, "date_from": date(2025, 1, 1),
                 "public_share": 49.9},
                {"company_id": self.company.id, "date_from": date(2026, 1, 1),
                 "public_share": 50.0},
            ]
        )  # fmt: skip
        self.assertEqual(self.company._get_employer_kind(date(2024, 6, 1)), "private")
        self.assertEqual(self.company._get_employer_kind(date(2025, 6, 1)), "private")
        self.assertEqual(self.company._get_employer_kind(date(2026, 6, 1)), "public")
        with self.assertRaisesRegex(ValidationError, "first day of a month"):
            self.Status.create(
                {"company_id": self.company.id, "date_from": date(2026, 2, 3),
                 "public_share": 10.0}
            )  # fmt: skip

    def test_employer_status_only_managers_write(self):
        status = self.Status.create(
            {"company_id": self.company.id, "date_from": date(2026, 1, 1),
             "public_share": 20.0}
        )  # fmt: skip
        self.env.invalidate_all()
        self.assertEqual(
            status.with_user(self.user_accountant).employer_kind, "private"
        )
        with self.assertRaises(AccessError):
            status.with_user(self.user_accountant).public_share = 60.0
        with self.assertRaises(AccessError):
            status.with_user(self.user_coordinator).read(["public_share"])

    def test_public_lontilskud_duration_by_benefit_group(self):
        placement = self._placement(
            scheme_id=self.scheme_wage_public.id,
            rate_level=False,
            date_start=date(2026, 1, 1),
            target_group="insured",
            activate=False,
        )
        self.assertEqual(placement.max_end_date, date(2026, 4, 30))  # 4 months
        placement.target_group = "activity_ready"
        self.assertEqual(placement.max_end_date, date(2026, 6, 30))  # 6 months
        placement.target_group = "long_term"
        self.assertEqual(placement.max_end_date, date(2026, 12, 31))  # 12 months

    # ------------------------------------------------------------ extensions
    def test_private_lontilskud_six_months_extendable_by_six(self):
        placement = self._placement(
            scheme_id=self.scheme_wage_private.id,
            rate_level=False,
            date_start=date(2026, 1, 1),
            date_end=date(2026, 6, 30),
        )
        self.assertEqual(placement.max_end_date, date(2026, 6, 30))
        with self.assertRaisesRegex(ValidationError, "must end by 2026-06-30"):
            placement.date_end = date(2026, 9, 30)
        Extension = self.env["social.placement.extension"]
        self.assertTrue(Extension._fields["reason"].required)
        Extension.create(
            {
                "placement_id": placement.id,
                "date": date(2026, 6, 1),
                "duration": 6,
                "duration_unit": "month",
                "reason": "The case worker granted 6 more months.",
            }
        )
        self.assertEqual(placement.max_end_date, date(2026, 12, 31))
        placement.date_end = date(2026, 12, 31)
        with self.assertRaisesRegex(ValidationError, "allows 1 extension"):
            Extension.create(
                {"placement_id": placement.id, "duration": 6, "reason": "Again"}
            )

    def test_praktik_by_target_group_extended_13_weeks(self):
        placement = self._placement(
            scheme_id=self.scheme_praktik.id,
            rate_level=False,
            date_start=date(2026, 1, 5),
            target_group="job_ready",
            activate=False,
        )
        self.assertEqual(placement.max_end_date, date(2026, 2, 1))  # 4 weeks
        placement.target_group = "other"
        self.assertEqual(placement.max_end_date, date(2026, 4, 5))  # 13 weeks
        self.env["social.placement.extension"].create(
            {
                "placement_id": placement.id,
                "duration": 13,
                "duration_unit": "week",
                "reason": "Further clarification",
            }
        )
        self.assertEqual(placement.max_end_date, date(2026, 7, 5))  # 26 weeks

    def test_stu_completed_within_five_years(self):
        placement = self._placement(
            scheme_id=self.scheme_stu.id,
            municipality_id=self.municipality_b.id,
            case_worker_id=False,
            rate_level=False,
            date_start=date(2026, 8, 1),
            activate=False,
        )
        self.assertEqual(placement.max_end_date, date(2029, 7, 31))
        for reason in ("Illness", "Praktik abroad", "Once more"):
            self.env["social.placement.extension"].create(
                {"placement_id": placement.id, "duration": 1,
                 "duration_unit": "year", "reason": reason}
            )  # fmt: skip
        # 3 + 3 years asked, but never beyond 5 years from the start.
        self.assertEqual(placement.max_end_date, date(2031, 7, 31))

    def test_scheme_without_extensions_refuses_one(self):
        placement = self._placement(scheme_id=self.scheme_103.id)
        with self.assertRaisesRegex(ValidationError, "cannot be extended"):
            self.env["social.placement.extension"].create(
                {"placement_id": placement.id, "duration": 1, "reason": "x"}
            )

    def test_extensions_not_for_supervisors(self):
        placement = self._placement(scheme_id=self.scheme_mentor.id, rate_level=False)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.env["social.placement.extension"].with_user(
                self.user_supervisor
            ).create({"placement_id": placement.id, "duration": 6, "reason": "x"})

    # ------------------------------------------------------------ ratio rule
    def test_ratio_rule_floor_and_who_is_ordinary(self):
        unit = self.env["res.partner"].create({"name": "Small unit"})
        Employee = self.env["hr.employee"]
        ordinary = Employee.create(
            [{"name": f"O{i}", "address_id": unit.id, "company_id": self.company.id}
             for i in range(3)]
        )  # fmt: skip
        # A fixed-term hire is not an ordinary employee.
        fixed = Employee.create(
            {"name": "Fixed", "address_id": unit.id, "company_id": self.company.id}
        )
        fixed.current_version_id.write(
            {
                "contract_date_start": date(2026, 1, 1),
                "contract_date_end": date(2027, 6, 30),
            }
        )
        # A flexjob person is subsidised staff, not ordinary.
        flex = Employee.create(
            {"name": "Flex", "address_id": unit.id, "company_id": self.company.id}
        )
        self._placement(
            flex,
            scheme_id=self.env.ref("social_enterprise.social_scheme_flexjob").id,
            municipality_id=False,
            case_worker_id=False,
            rate_level=False,
            date_start=date(2025, 1, 1),
        )
        # A person on førtidspension in løntilskud is outside the rule.
        pension = Employee.create(
            {"name": "Pension", "address_id": unit.id, "company_id": self.company.id}
        )
        self._placement(
            pension,
            scheme_id=self.scheme_wage_private.id,
            rate_level=False,
            date_start=date.today().replace(day=1),
            disability_pension=True,
        )
        praktik_person = Employee.create(
            {"name": "Praktik", "address_id": unit.id, "company_id": self.company.id}
        )
        praktik = self._placement(
            praktik_person,
            scheme_id=self.scheme_praktik.id,
            rate_level=False,
            date_start=date.today().replace(day=1),
            activate=False,
        )
        self.assertFalse(praktik.ratio_warning)
        praktik.action_activate()
        self.env.invalidate_all()
        row = self.env["social.ratio.report"].search(
            [("work_address_id", "=", unit.id)]
        )
        # Worked example: 3 ordinary employees allow one praktik person.
        self.assertEqual(
            (row.ordinary_count, row.used_count, row.allowed_count), (3, 1, 1)
        )
        self.assertFalse(row.over_limit)
        self.assertEqual(len(ordinary), 3)

    # ------------------------------------------------------ reserved contracts
    def test_reserved_contract_share_counts_workers_only(self):
        Statement = self.env["social.financial.statement"]
        day = date(2026, 6, 30)
        base = Statement._get_workforce_details(self.company, day)
        staff = self._person("Staff")
        staff.current_version_id.date_version = date(2025, 1, 1)
        worker = self._person("Skånejob")
        worker.current_version_id.date_version = date(2025, 1, 1)
        self._placement(
            worker, scheme_id=self.scheme_skaane.id, rate_level=False,
            date_start=date(2026, 1, 1),
        )  # fmt: skip
        participant = self._person("Deltager")
        participant.current_version_id.date_version = date(2025, 1, 1)
        self._placement(participant, scheme_id=self.scheme_104.id)
        details = Statement._get_workforce_details(self.company, day)
        # The §104 participant is not a worker: 1 disadvantaged of 2 more workers.
        self.assertEqual(details["target"] - base["target"], 1)
        self.assertEqual(details["workers"] - base["workers"], 2)
        self.assertIn(self.scheme_skaane.name, details["schemes"])
        self.assertNotIn(self.scheme_104.name, details["schemes"])
        # Employees added today do not change a past year's share.
        self._person("New today")
        self.assertEqual(
            Statement._get_workforce_details(self.company, day)["workers"],
            details["workers"],
        )

    # ------------------------------------------------------------- leap day
    def test_agreements_bill_29_february_by_default(self):
        Agreement = self.env["social.agreement"]
        self.assertTrue(Agreement.default_get(["bill_leap_day"])["bill_leap_day"])
        self.assertIn("29 February included", Agreement._fields["bill_leap_day"].help)
