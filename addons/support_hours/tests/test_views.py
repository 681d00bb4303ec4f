from datetime import date

from odoo.tests import Form, tagged

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
