from datetime import date, datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestSession(SupportCase):
    def test_date_stop_and_grant_filled_in(self):
        session = self._session(duration=1.5)
        self.assertEqual(session.date, date(2026, 3, 2))
        self.assertEqual(session.stop, datetime(2026, 3, 2, 9, 30))
        self.assertEqual(session.grant_id, self.grant)
        self.assertEqual(session.department_id, self.person.department_id)
        # Late evening in Copenhagen is the next day in UTC terms only.
        late = self._session(start=datetime(2026, 3, 2, 22, 30))
        self.assertEqual(late.date, date(2026, 3, 2))

    def test_no_grant_outside_any_grant(self):
        session = self._session(start=datetime(2026, 2, 2, 8, 0))
        self.assertFalse(session.grant_id)

    def test_grant_choice_prefers_running_and_matching_kind(self):
        mentor_grant = self._grant(category_id=self.cat_mentor.id)
        need_mentor = self.Need.create(
            {
                "employee_id": self.person.id,
                "category_id": self.cat_mentor.id,
                "responsible_id": self.user_mentor.id,
            }
        )
        session = self._session(need_ids=[(6, 0, need_mentor.ids)])
        self.assertEqual(session.grant_id, mentor_grant)
        session = self._session(
            start=datetime(2026, 3, 3, 8, 0), need_ids=[(6, 0, self.need.ids)]
        )
        self.assertEqual(session.grant_id, self.grant)
        # A manual choice within the grant's period stays.
        session.grant_id = mentor_grant
        session.start = datetime(2026, 3, 4, 8, 0)
        self.assertEqual(session.grant_id, mentor_grant)

    def test_bad_durations(self):
        count = self.Session.search_count([])
        for hours in (0, -1, 25):
            with (
                self.assertRaisesRegex(ValidationError, "more than 0 and at most 24"),
                self.cr.savepoint(),
            ):
                self._session(duration=hours)
        self.assertEqual(self.Session.search_count([]), count)

    def test_staff_cannot_overlap(self):
        self._session(duration=2.0)  # 9:00-11:00 local
        with (
            self.assertRaisesRegex(ValidationError, "cannot give two sessions at once"),
            self.cr.savepoint(),
        ):
            self._session(
                employee_id=self.person_b.id, start=datetime(2026, 3, 2, 9, 0)
            )
        # Back to back is fine.
        self._session(employee_id=self.person_b.id, start=datetime(2026, 3, 2, 10, 0))

    def test_person_cannot_overlap(self):
        self._session(duration=2.0)
        with (
            self.assertRaisesRegex(
                ValidationError, "Person A cannot be in two sessions at once"
            ),
            self.cr.savepoint(),
        ):
            self._session(
                staff_id=self.user_mentor_b.id, start=datetime(2026, 3, 2, 9, 0)
            )

    def test_overlap_within_one_batch(self):
        count = self.Session.search_count([])
        with (
            self.assertRaisesRegex(ValidationError, "at once"),
            self.cr.savepoint(),
        ):
            self.Session.create(
                [
                    {
                        "employee_id": self.person.id,
                        "staff_id": self.user_mentor.id,
                        "start": datetime(2026, 3, 2, 8, 0),
                        "duration": 1.0,
                    },
                    {
                        "employee_id": self.person_b.id,
                        "staff_id": self.user_mentor.id,
                        "start": datetime(2026, 3, 2, 8, 30),
                        "duration": 1.0,
                    },
                ]
            )
        self.assertEqual(self.Session.search_count([]), count, "nothing half-written")

    def test_session_outside_grant_period(self):
        with (
            self.assertRaisesRegex(
                ValidationError, "outside the grant .* \\(2026-03-01 to 2026-08-31\\)"
            ),
            self.cr.savepoint(),
        ):
            self._session(start=datetime(2026, 9, 1, 8, 0), grant_id=self.grant.id)
        session = self._session()
        with (
            self.assertRaisesRegex(ValidationError, "outside the grant"),
            self.cr.savepoint(),
        ):
            session.write(
                {"start": datetime(2026, 12, 1, 8, 0), "grant_id": self.grant.id}
            )
        self.assertEqual(session.date, date(2026, 3, 2))

    def test_grant_of_another_person(self):
        other = self._grant(employee_id=self.person_b.id)
        with (
            self.assertRaisesRegex(ValidationError, "belongs to Person B"),
            self.cr.savepoint(),
        ):
            self._session(grant_id=other.id)

    def test_need_of_another_person(self):
        with (
            self.assertRaisesRegex(ValidationError, "own support needs"),
            self.cr.savepoint(),
        ):
            self._session(need_ids=[(6, 0, self.need_b.ids)])

    def test_group_session_splits_hours(self):
        people = (
            self.person
            | self.person_b
            | self.env["hr.employee"].create({"name": "Person C"})
        )
        vals = self.Session._prepare_group_vals(
            self.user_mentor, datetime(2026, 3, 5, 12, 0), 2.0, people
        )
        sessions = self.Session.create(vals)
        self.assertEqual(len(sessions), 3)
        self.assertEqual(len(set(sessions.mapped("group_ref"))), 1)
        self.assertAlmostEqual(sum(sessions.mapped("duration")), 2.0, places=3)
        self.assertEqual(set(sessions.mapped("stop")), {datetime(2026, 3, 5, 14, 0)})
        self.assertEqual(set(sessions.mapped("group_size")), {3})
        # Person A's share counts against Person A's grant, nobody else's.
        self.assertAlmostEqual(
            self.grant.used_hours,
            sessions.filtered(lambda s: s.employee_id == self.person).duration,
            places=2,
        )
        # The group occupies the staff member for its whole length.
        with (
            self.assertRaisesRegex(ValidationError, "at once"),
            self.cr.savepoint(),
        ):
            self._session(
                employee_id=self.person_b.id, start=datetime(2026, 3, 5, 13, 0)
            )
