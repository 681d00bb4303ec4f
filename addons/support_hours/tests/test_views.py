from datetime import date

from lxml import etree

from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestViews(SupportCase):
    """Every main form opens for the role that uses it, with the fields it may read."""

    def test_mentor_opens_the_forms(self):
        session = self._session(note="<p>Note</p>")
        plan = self.env["support.plan"].create(
            {"employee_id": self.person.id, "responsible_id": self.user_mentor.id}
        )
        assessment = self.env["support.assessment"].create(
            {
                "employee_id": self.person.id,
                "instrument_id": self.env.ref(
                    "support_hours.support_assessment_instrument_vum"
                ).id,
            }
        )
        for record in (self.need, session, plan, assessment, self.grant):
            with self.subTest(model=record._name):
                form = Form(record.with_user(self.user_mentor))
                self.assertEqual(form.employee_id, self.person)
        self.assertEqual(
            Form(self.need.with_user(self.user_mentor)).description,
            "<p>Diagnosis X, treated by Dr Y</p>",
        )
        logged = self.env["support.access.log"].search(
            [("user_id", "=", self.user_mentor.id)]
        )
        self.assertEqual(
            set(logged.mapped("res_model")),
            {"support.need", "support.session", "support.plan", "support.assessment"},
        )

    def test_mentor_edits_a_session_form(self):
        form = Form(self.env["support.session"].with_user(self.user_mentor))
        form.employee_id = self.person
        form.start = "2026-03-02 08:00:00"
        form.duration = 1.25
        form.need_ids.add(self.need)
        session = form.save()
        self.assertEqual(session.grant_id, self.grant)
        self.assertEqual(session.date, date(2026, 3, 2))

    def test_supervisor_opens_placement_and_accommodations(self):
        placement = self.env["social.placement"].create(
            {
                "employee_id": self.person.id,
                "scheme_id": self.env.ref(
                    "social_enterprise.social_scheme_sheltered_103"
                ).id,
                "municipality_id": self.municipality.id,
                "date_start": date(2026, 1, 1),
                "weekly_hours": 20,
                "days_per_week": 4,
            }
        )
        form = Form(placement.with_user(self.user_supervisor))
        self.assertEqual(form.accommodation_ids.ids, self.need.ids)
        Accommodation = self.env["support.accommodation"].with_user(
            self.user_supervisor
        )
        views = Accommodation.get_views([(False, "list"), (False, "form")])
        self.assertNotIn(
            "description", views["models"]["support.accommodation"]["fields"]
        )
        self.assertEqual(
            Form(Accommodation.browse(self.need.id)).accommodation,
            "A written plan for the day",
        )

    def test_coordinator_opens_reports(self):
        for model in ("support.hours.report", "support.assessment.score"):
            Model = self.env[model].with_user(self.user_coordinator)
            views = Model.get_views([(False, "pivot"), (False, "graph")])
            self.assertTrue(views["views"]["pivot"]["arch"])
            Model.web_read_group([], ["date:month"], ["__count"])

    def test_hours_report_opens_on_this_year(self):
        """The default filters "this year" and "until today" are in different groups
        (ANDed): in one group they were ORed and the report opened on every month
        since the oldest record."""
        arch = self.env["support.hours.report"].get_views([(False, "search")])
        search = etree.fromstring(arch["views"]["search"]["arch"])
        groups, current = [], []
        for node in search:
            if node.tag == "separator":
                groups.append(current)
                current = []
            elif node.tag == "filter":
                current.append(node.get("name"))
        groups.append(current)
        together = [g for g in groups if {"date", "until_today"} <= set(g)]
        self.assertFalse(together, "this year and until today would be ORed")

    def test_each_role_lands_on_its_work(self):
        """Login lands each role on its work: the home action of its most senior
        role, unless the user chose their own."""
        mentor_home = self.env.ref("support_hours.support_session_action_my_week")
        self.assertEqual(self.user_mentor._get_home_action().id, mentor_home.id)
        coordinator_home = self.env.ref(
            "social_enterprise.social_placement_action_needs_action"
        )
        self.user_mentor.group_ids |= self.env.ref(
            "social_enterprise.social_enterprise_group_user"
        )
        self.assertEqual(self.user_mentor._get_home_action().id, coordinator_home.id)
        own = self.env.ref("support_hours.support_need_action")
        self.user_mentor.action_id = own.id
        self.assertEqual(self.user_mentor._get_home_action().id, own.id)
        self.assertFalse(self.user_plain._get_home_action())

    def test_progression_opens_on_one_instrument(self):
        """Progression shows one instrument (one scale) with a line per dimension
        over time: no default grouping by instrument on the x axis."""
        action = self.env.ref("support_hours.support_assessment_score_action")
        context = safe_eval(action.context)
        self.assertNotIn("search_default_group_instrument", context)
        vum = self.env.ref("support_hours.support_assessment_instrument_vum")
        self.assertEqual(context["search_default_instrument_id"], vum.id)
        graph = self.env["support.assessment.score"].get_views([(False, "graph")])
        arch = etree.fromstring(graph["views"]["graph"]["arch"])
        rows = [n.get("name") for n in arch.xpath("//field[not(@type='measure')]")]
        self.assertEqual(rows, ["date", "dimension_id"])
