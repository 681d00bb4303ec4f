from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.fields import Domain
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestViewsDefaults(SocialEnterpriseCase):
    """Views open where the work is: the activity menu's counts open exactly the
    records they count, and the kanban groups by a field that varies."""

    def _filter_domain(self, arch, name, user):
        node = etree.fromstring(arch).xpath(f"//filter[@name='{name}']")
        self.assertTrue(node, f"the search view has no filter {name}")
        return Domain(safe_eval(node[0].get("domain"), {"uid": user.id}))

    def test_activity_menu_counts_open_those_records(self):
        user = self.user_coordinator
        today = fields.Date.context_today(self.env["social.placement"])
        todo = self.env.ref("mail.mail_activity_data_todo")
        people = self.env["hr.employee"].create(
            [{"name": f"Activity Person {i}"} for i in range(4)]
        )
        placements = [self._placement(employee_id=person.id) for person in people]
        for placement, days in zip(placements, (0, 0, 5, -3), strict=True):
            placement.activity_schedule(
                activity_type_id=todo.id,
                user_id=user.id,
                date_deadline=today + timedelta(days=days),
            )
        groups = {
            g["model"]: g
            for g in self.env["res.users"].with_user(user)._get_activity_groups()
        }
        counts = groups["social.placement"]
        Placement = self.env["social.placement"].with_user(user)
        arch = Placement.get_views([(False, "search")])["views"]["search"]["arch"]
        mine = self._filter_domain(arch, "filter_activities_my", user)
        for name, key in (
            ("activities_today", "today_count"),
            ("activities_upcoming_all", "planned_count"),
            ("activities_overdue", "overdue_count"),
        ):
            domain = mine & self._filter_domain(arch, name, user)
            self.assertEqual(Placement.search_count(domain), counts[key], name)
        self.assertEqual(counts["today_count"], 2)
        self.assertEqual(counts["planned_count"], 1)

    def test_kanban_groups_by_scheme(self):
        arch = self.env["social.placement"].get_views([(False, "kanban")])["views"]
        kanban = etree.fromstring(arch["kanban"]["arch"])
        self.assertEqual(kanban.get("default_group_by"), "scheme_id")

    def test_municipality_fields_are_labelled(self):
        """The municipality's fields sit in the form's group (with their labels),
        not in base_vat's label-less VAT container; the Tax ID reads CVR."""
        views = self.env["res.partner"].get_views([(False, "form")])["views"]
        form = etree.fromstring(views["form"]["arch"])
        for name in ("is_municipality", "municipality_code", "is_data_controller"):
            node = form.xpath(f"//field[@name='{name}']")
            self.assertTrue(node, name)
            self.assertEqual(node[0].getparent().tag, "group", name)
        self.assertTrue(form.xpath("//label[@for='vat'][@string='CVR']"))

    def test_preview_explanation_has_room(self):
        """Long explanations get a wide column instead of a line per word."""
        views = self.env["social.billing.run"].get_views([(False, "form")])["views"]
        form = etree.fromstring(views["form"]["arch"])
        node = form.xpath("//field[@name='line_ids']//field[@name='explanation']")[0]
        self.assertGreaterEqual(int(node.get("width", "0").removesuffix("px")), 300)
