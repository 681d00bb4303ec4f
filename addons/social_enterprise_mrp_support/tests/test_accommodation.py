from odoo.tests import new_test_user, tagged

from odoo.addons.support_hours.tests.common import SupportCase


@tagged("post_install", "-at_install")
class TestAccommodationOnWorkorder(SupportCase):
    """The work supervisor sees how to accommodate the person next to the operation
    assigned to them: the accommodation, never the need behind it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.users"].browse(cls.user_supervisor.id).group_ids |= cls.env.ref(
            "mrp.group_mrp_user"
        )
        cls.user_mrp = new_test_user(
            cls.env, login="sh_mrp_only", groups="base.group_user,mrp.group_mrp_user"
        )
        workcenter = cls.env["mrp.workcenter"].create({"name": "Pakning"})
        product = cls.env["product.product"].create({"name": "Børste", "type": "consu"})
        bom = cls.env["mrp.bom"].create(
            {
                "product_tmpl_id": product.product_tmpl_id.id,
                "operation_ids": [
                    (0, 0, {"name": "Pak", "workcenter_id": workcenter.id})
                ],
            }
        )
        production = cls.env["mrp.production"].create(
            {"product_id": product.id, "bom_id": bom.id, "product_qty": 5}
        )
        production.action_confirm()
        cls.workorder = production.workorder_ids
        cls.workorder.social_employee_id = cls.person

    def _seen_by(self, user):
        workorder = self.workorder.with_user(user)
        workorder.invalidate_recordset(["social_accommodation"])
        return workorder.social_accommodation

    def test_supervisor_sees_the_accommodation(self):
        self.assertEqual(
            self._seen_by(self.user_supervisor), "A written plan for the day"
        )

    def test_others_see_nothing(self):
        # Manufacturing users outside the person's team, and a person not in the
        # supervisor's team: no accommodation, no error.
        self.assertFalse(self._seen_by(self.user_mrp))
        self.workorder.social_employee_id = self.person_b
        self.assertFalse(self._seen_by(self.user_supervisor))

    def test_ended_need_is_not_shown(self):
        self.need.state = "closed"
        self.assertFalse(self._seen_by(self.user_supervisor))
