from datetime import date

from odoo.fields import Domain
from odoo.tests import tagged
from odoo.tools import SQL

from .billing_common import BillingCase

NOV_1, NOV_30 = date(2026, 11, 1), date(2026, 11, 30)


@tagged("post_install", "-at_install")
class TestRunningDomain(BillingCase):
    """One definition of "the placement runs in [from, to]" for billing, claims,
    hours and reports, in the ORM and in the SQL views."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        P = cls._placement
        cls.open_ended = P()
        cls.ends_first_day = P(date_end=NOV_1)
        cls.starts_last_day = P(date_start=NOV_30)
        cls.ended_before = P(date_start=date(2026, 1, 1), date_end=date(2026, 10, 31))
        cls.starts_after = P(date_start=date(2026, 12, 1))
        cls.draft = P(activate=False, scheme_id=cls.scheme_stu.id, rate_level=False)
        cls.cancelled = P(scheme_id=cls.scheme_stu.id, rate_level=False)
        cls.cancelled.action_cancel()
        cls.mine = (
            cls.open_ended
            | cls.ends_first_day
            | cls.starts_last_day
            | cls.ended_before
            | cls.starts_after
            | cls.draft
            | cls.cancelled
        )
        cls.running = cls.open_ended | cls.ends_first_day | cls.starts_last_day

    def test_domain(self):
        Placement = self.env["social.placement"]
        found = Placement.search(
            Placement._get_running_domain(NOV_1, NOV_30)
            & Domain("id", "in", self.mine.ids)
        )
        self.assertEqual(found, self.running)

    def test_open_end_and_other_states(self):
        Placement = self.env["social.placement"]
        found = Placement.search(
            Placement._get_running_domain(NOV_1, False, states=("draft", "active"))
            & Domain("id", "in", self.mine.ids)
        )
        # No end bound: whatever has not ended before 1 November, drafts included.
        self.assertEqual(
            found,
            self.open_ended
            | self.ends_first_day
            | self.starts_last_day
            | self.starts_after
            | self.draft,
        )

    def test_sql_twin_agrees(self):
        self.env.flush_all()
        sql = self.env["social.placement"]._get_running_sql("p", NOV_1, NOV_30)
        self.env.cr.execute(
            SQL(
                "SELECT p.id FROM social_placement p WHERE %s AND p.id IN %s",
                sql,
                tuple(self.mine.ids),
            )
        )
        ids = {row[0] for row in self.env.cr.fetchall()}
        self.assertEqual(ids, set(self.running.ids))
