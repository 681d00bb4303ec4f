from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestSupportTimeline(SupportCase):
    """Support on the person's timeline (sessions, assessments, plan reviews) for
    support staff only; the person's own goals and priorities; support staff count
    as contact persons and a plan review as a step forward."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls.Session.create(
            {
                "employee_id": cls.person.id,
                "staff_id": cls.user_mentor.id,
                "start": datetime(2026, 3, 2, 9, 0),
                "duration": 1.5,
            }
        )
        cls.plan = cls.env["support.plan"].create(
            {
                "name": "Udviklingsplan",
                "employee_id": cls.person.id,
                "date_from": date(2026, 1, 1),
                "responsible_id": cls.user_mentor.id,
                "goal_ids": [
                    (0, 0, {"name": "Come three days a week", "state": "achieved"}),
                    (
                        0,
                        0,
                        {
                            "name": "Take the bus alone",
                            "owner": "person",
                            "own_words": "I want to go by bus without help",
                            "own_rating": "3",
                        },
                    ),
                ],
            }
        )

    def test_support_rows_for_support_staff_only(self):
        with freeze_time("2026-04-01"):
            self.plan.action_mark_reviewed()
        review = self.plan.review_ids
        self.assertEqual((review.goals_achieved, review.goals_total), (1, 2))
        review.priorities = "Keep the Tuesday job"
        Timeline = self.env["social.person.timeline"]
        mine = Timeline.with_user(self.user_mentor).search(
            [("employee_id", "=", self.person.id)]
        )
        self.assertEqual(mine.mapped("kind"), ["plan_review", "session"])
        self.assertEqual(mine[1].summary, "Individual session, 1.5 h")
        self.assertEqual(mine[0].summary, "Goals achieved: 1 / 2")
        self.assertTrue(mine[0].is_step_forward)
        # Mentor B's caseload is person B: none of person A's support.
        self.assertFalse(
            Timeline.with_user(self.user_mentor_b).search(
                [("employee_id", "=", self.person.id)]
            )
        )
        # Work supervisors never see support rows, even of their own team.
        self.assertFalse(
            Timeline.with_user(self.user_supervisor).search([("is_support", "=", True)])
        )
        # A social-enterprise coordinator without a support role sees no support.
        se_coordinator = new_test_user(
            self.env,
            login="sh_se_coordinator",
            groups="base.group_user,social_enterprise.social_enterprise_group_user",
        )
        self.assertFalse(
            Timeline.with_user(se_coordinator).search([("is_support", "=", True)])
        )

    def test_own_goals_and_priorities_are_restricted(self):
        goal = self.plan.goal_ids.filtered(lambda g: g.owner == "person")
        self.assertEqual(
            goal.with_user(self.user_mentor).own_words,
            "I want to go by bus without help",
        )
        self.plan.action_mark_reviewed()
        self.plan.review_ids.priorities = "Keep the Tuesday job"
        for user in (self.user_supervisor, self.user_plain):
            with self.assertRaises(AccessError):
                self.plan.review_ids.with_user(user).read(["priorities"])
            with self.assertRaises(AccessError):
                goal.with_user(user).read(["own_words"])

    def test_continuity_counts_support(self):
        with freeze_time("2026-05-04"):
            self.plan.action_mark_reviewed()
        measures = self.env["social.placement.history"]._get_continuity(
            self.person, date(2026, 1, 1), date(2026, 6, 30)
        )[self.person.id]
        # The mentor who gave the session is a contact person; the review is the
        # last step forward (no placement history here).
        self.assertEqual(measures["contacts"], 1)
        self.assertEqual(measures["last_step"], date(2026, 5, 4))
        self.assertEqual(measures["days_since_step"], 57)  # 4 May to 30 June
