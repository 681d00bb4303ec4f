from datetime import date, datetime

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestSessionWizards(SupportCase):
    def _week(self, lines, week=date(2026, 3, 2), user=None):
        Week = self.env["support.session.week"].with_user(user or self.user_mentor)
        return Week.create(
            {
                "week_start": week,
                "line_ids": [Command.create(line) for line in lines],
            }
        )

    def test_log_a_week(self):
        wizard = self._week(
            [
                {
                    "employee_id": self.person.id,
                    "day": date(2026, 3, 2),
                    "time_start": 9,
                },
                {
                    "employee_id": self.person.id,
                    "day": date(2026, 3, 4),
                    "time_start": 13.5,
                    "duration": 1.5,
                    "kind": "phone",
                    "need_ids": [Command.set(self.need.ids)],
                },
            ]
        )
        self.assertEqual(wizard.week_end, date(2026, 3, 8))
        self.assertEqual(wizard.total_hours, 2.5)
        action = wizard.action_confirm()
        sessions = self.Session.browse(action["domain"][0][2])
        self.assertEqual(len(sessions), 2)
        self.assertEqual(sessions.staff_id, self.user_mentor)
        phone = sessions.filtered(lambda s: s.kind == "phone")
        # 13:30 in Copenhagen (winter time) is 12:30 UTC.
        self.assertEqual(phone.start, datetime(2026, 3, 4, 12, 30))
        self.assertEqual(phone.need_ids, self.need)
        self.assertEqual(sessions.grant_id, self.grant)

    def test_copy_last_week(self):
        self._week(
            [
                {
                    "employee_id": self.person.id,
                    "day": date(2026, 3, 2),
                    "time_start": 9,
                },
                {
                    "employee_id": self.person.id,
                    "day": date(2026, 3, 5),
                    "time_start": 10,
                    "duration": 0.5,
                },
            ]
        ).action_confirm()
        wizard = self._week([], week=date(2026, 3, 9))
        wizard.action_copy_previous_week()
        self.assertEqual(
            wizard.line_ids.mapped("day"), [date(2026, 3, 9), date(2026, 3, 12)]
        )
        self.assertEqual(wizard.line_ids.mapped("time_start"), [9.0, 10.0])
        self.assertEqual(wizard.line_ids.mapped("duration"), [1.0, 0.5])
        wizard.action_confirm()
        self.assertEqual(
            self.Session.search_count(
                [
                    ("date", ">=", date(2026, 3, 9)),
                    ("staff_id", "=", self.user_mentor.id),
                ]
            ),
            2,
        )
        empty = self._week([], week=date(2026, 1, 5))
        with self.assertRaisesRegex(UserError, "no individual sessions"):
            empty.action_copy_previous_week()

    def test_copy_last_week_skips_what_is_logged(self):
        """A copied session that would overlap one already logged this week (same
        person, by another staff member; or the wizard's own line) is skipped and
        named, and the rest saves without an overlap error."""
        self._week(
            [
                {
                    "employee_id": self.person.id,
                    "day": date(2026, 3, 2),
                    "time_start": 9,
                },
                {
                    "employee_id": self.person.id,
                    "day": date(2026, 3, 5),
                    "time_start": 10,
                },
            ]
        ).action_confirm()
        # Already logged on Monday of the next week at 9:30 by another mentor.
        self._week(
            [
                {
                    "employee_id": self.person.id,
                    "day": date(2026, 3, 9),
                    "time_start": 9.5,
                }
            ],
            week=date(2026, 3, 9),
            user=self.user_coordinator,
        ).action_confirm()
        wizard = self._week([], week=date(2026, 3, 9))
        wizard.action_copy_previous_week()
        self.assertEqual(wizard.line_ids.mapped("day"), [date(2026, 3, 12)])
        self.assertIn("Person", wizard.copy_note)
        self.assertIn("09:00", wizard.copy_note)
        # Copying again adds nothing: Thursday is in the wizard already.
        wizard.action_copy_previous_week()
        self.assertEqual(len(wizard.line_ids), 1)
        action = wizard.action_confirm()
        self.assertEqual(len(action["domain"][0][2]), 1)

    def test_bad_line_writes_nothing(self):
        count = self.Session.search_count([])
        outside = self._week(
            [
                {"employee_id": self.person.id, "day": date(2026, 3, 2)},
                {"employee_id": self.person.id, "day": date(2026, 3, 9)},
            ]
        )
        with self.assertRaisesRegex(UserError, "not in the week"):
            outside.action_confirm()
        overlapping = self._week(
            [
                {
                    "employee_id": self.person.id,
                    "day": date(2026, 3, 2),
                    "time_start": 9,
                },
                {
                    "employee_id": self.person_b.id,
                    "day": date(2026, 3, 2),
                    "time_start": 9.5,
                },
            ]
        )
        with (
            self.assertRaisesRegex(ValidationError, "at once"),
            self.cr.savepoint(),
        ):
            overlapping.action_confirm()
        self.assertEqual(self.Session.search_count([]), count)
        with self.assertRaisesRegex(UserError, "at least one session"):
            self._week([]).action_confirm()

    def test_group_wizard(self):
        person_c = self.env["hr.employee.public"].browse(
            self.env["hr.employee"].create({"name": "Person C"}).id
        )
        form = Form(self.env["support.session.group"].with_user(self.user_mentor))
        form.start = datetime(2026, 3, 5, 12, 0)
        form.duration = 1.5
        Public = self.env["hr.employee.public"]
        form.employee_ids.add(Public.browse(self.person.id))
        form.employee_ids.add(Public.browse(self.person_b.id))
        form.employee_ids.add(person_c)
        self.assertAlmostEqual(form.share, 0.5)
        wizard = form.save()
        action = wizard.action_confirm()
        sessions = self.Session.browse(action["domain"][0][2])
        self.assertEqual(sorted(sessions.mapped("duration")), [0.5, 0.5, 0.5])
        self.assertEqual(set(sessions.mapped("kind")), {"group"})

    def test_group_wizard_needs_two(self):
        wizard = self.env["support.session.group"].create(
            {
                "start": datetime(2026, 3, 5, 12, 0),
                "employee_ids": [Command.set(self.person.ids)],
            }
        )
        with self.assertRaisesRegex(UserError, "at least two participants"):
            wizard.action_confirm()
        wizard.write({"employee_ids": [Command.link(self.person_b.id)], "duration": 0})
        with self.assertRaisesRegex(UserError, "more than 0"):
            wizard.action_confirm()
