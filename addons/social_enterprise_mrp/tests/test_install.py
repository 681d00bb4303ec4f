from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    """The bridges are optional: Social Enterprise itself needs neither
    Manufacturing nor Point of Sale, and the manufacturing bridge needs no Support
    Hours (the accommodations glue installs itself when both are there)."""

    def _closure(self, name):
        Module = self.env["ir.module.module"]
        todo, seen = [name], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            module = Module.search([("name", "=", current)])
            todo += module.dependencies_id.mapped("name")
        return seen

    def test_social_enterprise_does_not_need_the_bridged_apps(self):
        closure = self._closure("social_enterprise")
        self.assertNotIn("mrp", closure)
        self.assertNotIn("point_of_sale", closure)
        self.assertNotIn("support_hours", self._closure("social_enterprise_mrp"))
        glue = self.env["ir.module.module"].search(
            [("name", "=", "social_enterprise_mrp_support")]
        )
        self.assertTrue(glue.auto_install)
        self.assertEqual(
            sorted(glue.dependencies_id.mapped("name")),
            ["social_enterprise_mrp", "support_hours"],
        )
