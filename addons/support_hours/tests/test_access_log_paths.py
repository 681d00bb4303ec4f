from datetime import datetime, timedelta

import psycopg2

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from .common import MENTOR, SupportCase


@tagged("post_install", "-at_install")
class TestAccessLogPaths(SupportCase):
    """Every interface that reads a need description writes the log."""

    def _lines(self, **extra):
        domain = [("user_id", "=", self.user_mentor.id)]
        domain += [(k, "=", v) for k, v in extra.items()]
        return self.env["support.access.log"].search(domain)

    def test_read_and_search_read_are_logged(self):
        need = self.need.with_user(self.user_mentor)
        need.read(["employee_id", "accommodation"])
        self.assertFalse(self._lines(), "no restricted field, no line")
        values = need.read(["description"])
        self.assertIn("Diagnosis X", values[0]["description"])
        line = self._lines(res_model="support.need")
        self.assertEqual(
            (line.res_id, line.employee_id, line.field_names),
            (self.need.id, self.person, "description"),
        )
        self.assertNotIn("Diagnosis", str(line.read()))
        self.env["support.need"].with_user(self.user_mentor).search_read(
            [("id", "=", self.need.id)], ["description", "category_id"]
        )
        self.assertEqual(len(self._lines(res_model="support.need")), 2)

    def test_web_search_read_logs_one_line_per_record(self):
        session = self._session()
        self.env["support.session"].with_user(self.user_mentor).web_search_read(
            [("id", "=", session.id)], {"note": {}, "duration": {}}
        )
        self.assertEqual(len(self._lines(res_model="support.session")), 1)

    def test_export_data_is_logged(self):
        self.user_mentor.group_ids += self.env.ref("base.group_allow_export")
        self.need.with_user(self.user_mentor).export_data(["description", "state"])
        line = self._lines(res_model="support.need")
        self.assertEqual(line.field_names, "description")

    def test_report_rendering_is_logged(self):
        view = self.env["ir.ui.view"].create(
            {
                "name": "test_need_report",
                "type": "qweb",
                "key": "support_hours.test_need_report",
                "arch": '<t t-name="support_hours.test_need_report">'
                '<t t-foreach="docs" t-as="o"><div t-out="o.description"/></t></t>',
            }
        )
        report = self.env["ir.actions.report"].create(
            {
                "name": "Need report",
                "model": "support.need",
                "report_type": "qweb-html",
                "report_name": view.key,
            }
        )
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_mentor)
            ._render_qweb_html(report.id, self.need.ids)
        )
        self.assertIn("Diagnosis X", html.decode())
        line = self._lines(res_model="support.need")
        self.assertEqual((line.res_id, line.field_names), (self.need.id, "description"))

    def test_superuser_reads_in_code_are_not_logged(self):
        self.need.sudo().read(["description"])
        self.need.with_user(self.user_mentor).sudo().read(["description"])
        self.assertFalse(self._lines())

    def test_one_insert_whatever_the_number_of_records(self):
        def queries_to_read(count, day):
            sessions = self.Session.create(
                [
                    {
                        "employee_id": self.person.id,
                        "staff_id": self.user_mentor.id,
                        "start": datetime(2026, 4, day, 6) + timedelta(hours=i),
                        "duration": 0.5,
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            sessions.with_user(self.user_mentor).read(["note"])
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        queries_to_read(1, 3)  # warm the caches (access rules, prepared views)
        self.assertEqual(queries_to_read(2, 6), queries_to_read(12, 7))
        self.assertEqual(len(self._lines(res_model="support.session")), 15)


@tagged("post_install", "-at_install")
class TestAccessLogIsAppendOnly(SupportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.need.with_user(cls.user_mentor).read(["description"])
        cls.line = cls.env["support.access.log"].search(
            [("user_id", "=", cls.user_mentor.id)]
        )

    def test_nobody_changes_or_deletes_a_line(self):
        self.assertEqual(len(self.line), 1)
        admin = self.env.ref("base.user_admin")
        for env in (self.env, self.env(user=admin), self.env(su=True)):
            line = self.line.with_env(env)
            with self.assertRaises(AccessError):
                line.write({"field_names": "nothing"})
            with self.assertRaises(AccessError):
                line.unlink()
        self.assertEqual(self.line.field_names, "description")

    def test_the_database_refuses_update_delete_truncate(self):
        for query in (
            "UPDATE support_access_log SET field_names = 'x' WHERE id = %s",
            "DELETE FROM support_access_log WHERE id = %s",
            "TRUNCATE support_access_log",
        ):
            with (
                self.subTest(query=query),
                mute_logger("odoo.sql_db"),
                self.assertRaises(psycopg2.errors.RaiseException),
                self.env.cr.savepoint(),
            ):
                self.env.cr.execute(query, [self.line.id] if "%s" in query else None)
        self.env.cr.execute(
            "SELECT field_names FROM support_access_log WHERE id = %s", [self.line.id]
        )
        self.assertEqual(self.env.cr.fetchone()[0], "description")

    def test_retention_deletes_only_lines_past_the_dated_rule(self):
        rule = self.env.ref("social_enterprise.social_retention_rule_access_log_2026")
        self.assertEqual(rule.months, 60)
        # A line of 61 months ago goes, the one of today stays.
        self.env.cr.execute(
            """INSERT INTO support_access_log
                   (user_id, res_model, res_id, field_names, create_date, write_date)
               VALUES (%s, 'support.need', %s, 'description',
                       now() at time zone 'UTC' - interval '61 months',
                       now() at time zone 'UTC' - interval '61 months')
               RETURNING id""",
            [self.user_mentor.id, self.need.id],
        )
        old_id = self.env.cr.fetchone()[0]
        self.env["support.access.log"]._gc_access_log()
        Log = self.env["support.access.log"]
        self.assertFalse(Log.browse(old_id).exists())
        self.assertTrue(self.line.exists())

    def test_a_mentor_cannot_read_the_log(self):
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.env["support.access.log"].with_user(self.user_mentor).search([])


@tagged("post_install", "-at_install")
class TestAccessLogOverRpc(HttpCase):
    """A real XML-RPC and JSON-RPC call of ``read`` is logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = new_test_user(cls.env, login="rpc_mentor", groups=MENTOR)
        cls.person = cls.env["hr.employee"].create({"name": "RPC Person"})
        cls.need = cls.env["support.need"].create(
            {
                "employee_id": cls.person.id,
                "category_id": cls.env.ref(
                    "support_hours.support_need_category_structure"
                ).id,
                "description": "<p>Confidential RPC</p>",
                "responsible_id": cls.mentor.id,
            }
        )

    def _lines(self):
        return self.env["support.access.log"].search(
            [("user_id", "=", self.mentor.id), ("res_id", "=", self.need.id)]
        )

    # Odoo 19 warns that /xmlrpc is deprecated: external clients still use it.
    @mute_logger("odoo.addons.rpc.controllers.xmlrpc")
    def test_xmlrpc_read_is_logged(self):
        [values] = self.xmlrpc_object.execute(
            get_db_name(),
            self.mentor.id,
            "rpc_mentor",
            "support.need",
            "read",
            [self.need.id],
            ["description"],
        )
        self.assertIn("Confidential RPC", values["description"])
        line = self._lines()
        self.assertEqual(
            (line.res_model, line.employee_id, line.field_names),
            ("support.need", self.person, "description"),
        )

    @mute_logger("odoo.addons.rpc.controllers.xmlrpc")
    def test_xmlrpc_search_read_is_logged(self):
        self.xmlrpc_object.execute(
            get_db_name(),
            self.mentor.id,
            "rpc_mentor",
            "support.need",
            "search_read",
            [("id", "=", self.need.id)],
            ["description"],
        )
        self.assertEqual(len(self._lines()), 1)

    def test_jsonrpc_call_kw_read_is_logged(self):
        self.authenticate("rpc_mentor", "rpc_mentor")
        self.make_jsonrpc_request(
            "/web/dataset/call_kw/support.need/read",
            {
                "model": "support.need",
                "method": "read",
                "args": [[self.need.id], ["description"]],
                "kwargs": {},
            },
        )
        self.assertEqual(len(self._lines()), 1)
