from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestNeed(SupportCase):
    def test_display_name_has_no_restricted_content(self):
        self.assertEqual(self.need.display_name, "Person A - Structure")

    def test_planned_hours_out_of_range(self):
        for hours in (-1, 169):
            with (
                self.assertRaisesRegex(ValidationError, "between 0 and 168"),
                self.cr.savepoint(),
            ):
                self.need.write({"planned_hours": hours})
        self.assertEqual(self.need.planned_hours, 2.0)

    def test_period_ends_before_start(self):
        count = self.Need.search_count([])
        with (
            self.assertRaisesRegex(ValidationError, "before it starts"),
            self.cr.savepoint(),
        ):
            self.Need.create(
                {
                    "employee_id": self.person.id,
                    "category_id": self.cat_mentor.id,
                    "date_from": date(2026, 5, 1),
                    "date_to": date(2026, 4, 1),
                }
            )
        self.assertEqual(self.Need.search_count([]), count)

    @freeze_time("2026-06-15")
    def test_close_sets_end_and_hides_accommodation(self):
        accommodation = self.env["support.accommodation"].browse(self.need.id)
        self.assertEqual(accommodation.accommodation, "A written plan for the day")
        self.need.action_close()
        self.assertEqual(self.need.state, "closed")
        self.assertEqual(self.need.date_to, date(2026, 6, 15))
        self.env.invalidate_all()
        self.assertFalse(
            self.env["support.accommodation"].search([("id", "=", self.need.id)])
        )
        with self.assertRaisesRegex(UserError, "already closed"):
            self.need.action_close()
        self.need.action_reopen()
        self.assertEqual(self.need.state, "active")

    def test_activate_only_draft(self):
        need = self.Need.create(
            {
                "employee_id": self.person.id,
                "category_id": self.cat_mentor.id,
                "state": "draft",
            }
        )
        need.action_activate()
        self.assertEqual(need.state, "active")
        with self.assertRaisesRegex(UserError, "Only draft"):
            need.action_activate()

    def test_description_not_tracked_nor_exported(self):
        field = self.Need._fields["description"]
        self.assertFalse(getattr(field, "tracking", None))
        self.assertFalse(field.exportable)
        self.assertEqual(field.groups, "support_hours.support_hours_group_mentor")
        # What the chatter tracks: never a restricted field.
        tracked = self.Need._track_get_fields()
        self.assertIn("planned_hours", tracked)
        self.assertIn("state", tracked)
        self.assertFalse({"description", "accommodation"} & set(tracked))
        self.assertFalse({"note"} & set(self.env["support.plan"]._track_get_fields()))
        described = self.Need.fields_get(
            ["description", "accommodation"], attributes=["exportable"]
        )
        self.assertFalse(described["description"]["exportable"])
        self.assertTrue(described["accommodation"]["exportable"])

    def test_session_count(self):
        self._session(need_ids=[(6, 0, self.need.ids)])
        self.assertEqual(self.need.session_count, 1)
        action = self.need.action_view_sessions()
        self.assertEqual(action["domain"], [("need_ids", "in", self.need.ids)])
