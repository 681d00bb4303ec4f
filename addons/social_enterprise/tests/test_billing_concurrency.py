from datetime import date

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from .billing_common import municipal_address

NOV = date(2026, 11, 1)


@tagged("post_install", "-at_install")
class TestBillingConcurrency(TransactionCase):
    """Two billing runs computing the same month at the same time, in two real
    transactions: the unique index lets one bill the placement-month, the other
    gets a clear message and, computed again, bills nothing.

    The data is committed by separate cursors (the test transaction cannot be seen
    by them) and removed again at the end of the test."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _create_data(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.ref("base.main_company")
            municipality = env["res.partner"].create(
                {
                    "name": "Samtidig Kommune",
                    "is_company": True,
                    "is_municipality": True,
                    **municipal_address(env),
                    "peppol_eas": "0088",
                    "peppol_endpoint": "5798000416604",
                }
            )
            scheme = env.ref("social_enterprise.social_scheme_sheltered_103")
            agreement = env["social.agreement"].create(
                {
                    "name": "Samtidig",
                    "company_id": company.id,
                    "municipality_id": municipality.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "scheme_id": scheme.id,
                                "unit": "day",
                                "price": 500.0,
                                "date_from": date(2020, 1, 1),
                            },
                        )
                    ],
                }
            )
            employee = env["hr.employee"].create(
                {"name": "Samtidig Person", "company_id": company.id}
            )
            placement = env["social.placement"].create(
                {
                    "employee_id": employee.id,
                    "scheme_id": scheme.id,
                    "municipality_id": municipality.id,
                    "order_ref": "SAM-1",
                    "person_ref": "SAG-SAM-1",
                    "date_start": date(2026, 1, 1),
                    "weekly_hours": 20,
                    "days_per_week": 5,
                    "state": "active",
                }
            )
            runs = env["social.billing.run"].create(
                [
                    {
                        "company_id": company.id,
                        "period_start": NOV,
                        "date": date(2026, 12, 1),
                        "municipality_ids": [(6, 0, municipality.ids)],
                    }
                ]
                * 2
            )
            return {
                "partner": municipality.id,
                "agreement": agreement.id,
                "employee": employee.id,
                "placement": placement.id,
                "runs": runs.ids,
            }

    def _delete_data(self, ids):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["social.billing.line"].search(
                [("placement_id", "=", ids["placement"])]
            ).unlink()
            env["social.billing.run"].browse(ids["runs"]).unlink()
            placement = env["social.placement"].browse(ids["placement"])
            placement.state = "cancelled"
            placement.unlink()
            env["social.agreement"].browse(ids["agreement"]).unlink()
            employee = env["hr.employee"].browse(ids["employee"])
            contact = employee.work_contact_id
            employee.unlink()
            (contact | env["res.partner"].browse(ids["partner"])).unlink()

    def _count_lines(self, placement_id):
        with self.registry.cursor() as cr:
            return self._env(cr)["social.billing.line"].search_count(
                [("placement_id", "=", placement_id)]
            )

    def test_two_runs_at_the_same_time_bill_once(self):
        ids = self._create_data()
        self.addCleanup(self._delete_data, ids)
        cr_a, cr_b = self.registry.cursor(), self.registry.cursor()
        try:
            run_a = self._env(cr_a)["social.billing.run"].browse(ids["runs"][0])
            run_b = self._env(cr_b)["social.billing.run"].browse(ids["runs"][1])
            # B's transaction starts: nothing is billed yet in what it sees.
            self.assertFalse(run_b.line_ids)
            self.assertEqual(
                self._env(cr_b)["social.billing.line"].search_count(
                    [("placement_id", "=", ids["placement"])]
                ),
                0,
            )
            run_a.action_compute()
            self.assertEqual(len(run_a.line_ids), 1)
            cr_a.commit()
            # B computes from its snapshot, then hits A's committed line.
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaisesRegex(UserError, "at the same time"),
            ):
                run_b.action_compute()
            cr_b.rollback()
            # Computed again, B sees A's line and bills nothing.
            run_b.invalidate_recordset()
            run_b.action_compute()
            self.assertFalse(run_b.line_ids)
            self.assertIn("wait in the preview", run_b.summary)
            cr_b.commit()
        finally:
            cr_a.close()
            cr_b.close()
        self.assertEqual(self._count_lines(ids["placement"]), 1)
