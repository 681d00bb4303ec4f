"""Cross-addon checks on the installed database: both addons, their apps and their
data."""

from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_both_addons_installed(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", ("social_enterprise", "support_hours"))]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        support = modules.filtered(lambda m: m.name == "support_hours")
        self.assertIn("social_enterprise", support.dependencies_id.mapped("name"))

    def test_app_menus(self):
        root = self.env.ref("social_enterprise.social_enterprise_menu_root")
        self.assertEqual(root.name, "Social Enterprise")
        self.assertFalse(root.parent_id)
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(
            ["social_enterprise", "support_hours"], ["da_DK"], overwrite=True
        )
        self.env.invalidate_all()
        self.assertEqual(root.with_context(lang="da_DK").name, "Socialøkonomi")
        scheme = self.env.ref("social_enterprise.social_scheme_sheltered_103")
        self.assertEqual(
            scheme.with_context(lang="da_DK").name, "Beskyttet beskæftigelse (§103)"
        )

    def test_groups_in_one_category(self):
        category = self.env.ref("social_enterprise.module_category_social_enterprise")
        privileges = self.env["res.groups.privilege"].search(
            [("category_id", "=", category.id)]
        )
        self.assertEqual(len(privileges), 2)
