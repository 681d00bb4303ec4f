import base64
import json
import re
from datetime import date

from odoo.fields import Domain
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.social_enterprise.tests.common import SocialEnterpriseCase


def _dashboard(env):
    record = env.ref("social_enterprise_dashboard.spreadsheet_dashboard_manager")
    return record, json.loads(base64.b64decode(record.spreadsheet_binary_data))


@tagged("post_install", "-at_install")
class TestDashboard(SocialEnterpriseCase):
    """The manager's dashboard: every table is a valid pivot on fields the manager
    may read, each heading opens the same records its table counts, and the
    figures equal the records."""

    def test_pivots_are_valid_and_headings_open_their_records(self):
        record, data = _dashboard(self.env)
        self.assertEqual(
            record.group_ids,
            self.env.ref("social_enterprise.social_enterprise_group_manager"),
        )
        cells = data["sheets"][0]["cells"]
        links = [c for c in cells.values() if c.startswith("[")]
        self.assertEqual(len(links), len(data["pivots"]))
        for pivot_id, pivot in data["pivots"].items():
            Model = self.env[pivot["model"]].with_user(self.user_manager)
            self.assertTrue(Model.has_access("read"), pivot["model"])
            groupby = [r["fieldName"] for r in pivot["rows"] + pivot["columns"]]
            measures = [
                m["fieldName"]
                if m["fieldName"] == "__count"
                else f"{m['fieldName']}:sum"
                for m in pivot["measures"]
            ]
            # Raises on an unknown field, a field that cannot be grouped by or one
            # that cannot be aggregated.
            Model._read_group(Domain(pivot["domain"]), groupby, measures)
            formula = f"=PIVOT({pivot_id}, "
            self.assertTrue(any(c.startswith(formula) for c in cells.values()))
            link = next(
                c for c in links if f"]({'odoo://view/'}" in c and pivot["name"] in c
            )
            action = json.loads(re.fullmatch(r"\[.+\]\(odoo://view/(.+)\)", link)[1])
            self.assertEqual(action["action"]["modelName"], pivot["model"])
            self.assertEqual(action["action"]["domain"], pivot["domain"])

    def test_placements_figures_equal_the_records(self):
        people = self.env["hr.employee"].create(
            [{"name": f"Dashboard Person {i}"} for i in range(3)]
        )
        placements = self.env["social.placement"]
        for person in people:
            placements |= self._placement(
                employee_id=person.id, date_start=date(2026, 1, 5)
            )
        placements[:2].action_activate()
        _record, data = _dashboard(self.env)
        pivot = data["pivots"]["1"]
        Placement = self.env["social.placement"].with_user(self.user_manager)
        groups = Placement._read_group(
            Domain(pivot["domain"]), ["scheme_id", "state"], ["__count"]
        )
        figures = {(scheme.id, state): count for scheme, state, count in groups}
        self.assertEqual(
            figures[self.scheme_103.id, "active"],
            Placement.search_count(
                [("scheme_id", "=", self.scheme_103.id), ("state", "=", "active")]
            ),
        )
        self.assertGreaterEqual(figures[self.scheme_103.id, "active"], 2)
        self.assertGreaterEqual(figures[self.scheme_103.id, "draft"], 1)

    def test_managers_land_on_the_dashboard(self):
        action = self.env.ref(
            "social_enterprise_dashboard.social_enterprise_dashboard_action"
        )
        self.assertEqual(self.user_manager._get_home_action().id, action.id)
        self.assertNotEqual(self.user_coordinator._get_home_action().id, action.id)
        self.assertFalse(
            self.env["spreadsheet.dashboard"]
            .with_user(self.user_coordinator)
            .search([("id", "=", _dashboard(self.env)[0].id)])
        )


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_manager_logs_in_to_the_dashboard(self):
        new_test_user(
            self.env,
            login="se_dash_manager",
            password="se_dash_manager",
            groups="base.group_user,social_enterprise.social_enterprise_group_manager",
        )
        self.start_tour(
            "/odoo", "social_enterprise_dashboard_home", login="se_dash_manager"
        )
