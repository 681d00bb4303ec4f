from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUiMentor(HttpCase):
    """A mentor logs in (Danish), lands on this week's sessions and logs one."""

    def test_mentor_lands_on_the_week_and_logs_a_session(self):
        self.env["res.lang"]._activate_lang("da_DK")
        self.env["ir.module.module"]._load_module_terms(
            ["social_enterprise", "support_hours"], ["da_DK"], overwrite=True
        )
        mentor = new_test_user(
            self.env,
            login="sh_tour_mentor",
            groups="base.group_user,support_hours.support_hours_group_mentor",
            tz="Europe/Copenhagen",
            lang="da_DK",
        )
        person = self.env["hr.employee"].create({"name": "Mentor Tour Person"})
        self.start_tour("/odoo", "support_hours_mentor_home", login=mentor.login)
        session = self.env["support.session"].search([("employee_id", "=", person.id)])
        self.assertEqual(session.staff_id, mentor)
        self.assertEqual(session.duration, 1.5)
