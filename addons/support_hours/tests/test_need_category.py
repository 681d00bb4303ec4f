from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestNeedCategory(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = new_test_user(
            cls.env,
            login="sh_mentor",
            groups="base.group_user,support_hours.support_hours_group_mentor",
        )
        cls.coordinator = new_test_user(
            cls.env,
            login="sh_coordinator",
            groups="base.group_user,support_hours.support_hours_group_coordinator",
        )
        cls.plain = new_test_user(cls.env, login="sh_plain", groups="base.group_user")

    def test_categories_shipped(self):
        codes = set(self.env["support.need.category"].search([]).mapped("code"))
        self.assertLessEqual({"mentor", "structure", "transport", "physical"}, codes)

    def test_groups_imply(self):
        self.assertIn(
            self.env.ref("support_hours.support_hours_group_mentor"),
            self.env.ref(
                "support_hours.support_hours_group_coordinator"
            ).all_implied_ids,
        )

    def test_access(self):
        Category = self.env["support.need.category"]
        self.assertTrue(Category.with_user(self.mentor).search([]))
        created = Category.with_user(self.coordinator).create(
            {"name": "Sleep", "code": "sleep"}
        )
        self.assertEqual(created.name, "Sleep")
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            Category.with_user(self.mentor).create({"name": "X", "code": "x"})
        with self.assertRaises(AccessError):
            Category.with_user(self.plain).search([])

    @mute_logger("odoo.sql_db")
    def test_code_unique(self):
        with self.assertRaises(UniqueViolation), self.cr.savepoint():
            self.env["support.need.category"].create({"name": "Dup", "code": "mentor"})
            self.env["support.need.category"].flush_model()
