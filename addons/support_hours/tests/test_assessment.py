from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestAssessment(SupportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vum = cls.env.ref("support_hours.support_assessment_instrument_vum")
        cls.simple = cls.env.ref("support_hours.support_assessment_instrument_simple")
        cls.Assessment = cls.env["support.assessment"]

    def _assessment(self, instrument=None, **vals):
        defaults = {
            "employee_id": self.person.id,
            "instrument_id": (instrument or self.simple).id,
            "date": date(2026, 3, 15),
            "assessor_id": self.user_mentor.id,
        }
        defaults.update(vals)
        return self.Assessment.create(defaults)

    def test_shipped_instruments(self):
        self.assertEqual(len(self.vum.dimension_ids), 10)
        self.assertEqual((self.vum.scale_min, self.vum.scale_max), (0, 4))
        self.assertFalse(self.vum.higher_is_better)
        self.assertEqual(self.vum.level_ids.mapped("value"), [0, 1, 2, 3, 4])
        self.assertEqual(
            self.simple.dimension_ids.mapped("code"),
            ["life_mastery", "wellbeing", "work_skills", "social_relations", "health"],
        )
        self.assertEqual((self.simple.scale_min, self.simple.scale_max), (1, 10))
        self.assertEqual(len(self.simple.level_ids), 10)

    def test_one_line_per_dimension(self):
        assessment = self._assessment()
        self.assertEqual(assessment.line_ids.dimension_id, self.simple.dimension_ids)
        self.assertFalse(assessment.line_ids.staff_level_id)
        with (
            self.assertRaisesRegex(ValidationError, "scored once"),
            self.cr.savepoint(),
        ):
            assessment.line_ids = [
                Command.create({"dimension_id": self.simple.dimension_ids[0].id})
            ]

    def test_form_fills_lines_from_instrument(self):
        form = Form(self.Assessment.with_user(self.user_mentor))
        form.employee_id = self.person
        form.instrument_id = self.vum
        self.assertEqual(len(form.line_ids), 10)
        form.instrument_id = self.simple
        self.assertEqual(len(form.line_ids), 5)

    def test_staff_and_own_scores_side_by_side(self):
        assessment = self._assessment()
        line = assessment.line_ids[0]
        line.write({"staff_score": 4, "self_score": 7})
        self.assertEqual(line.staff_level_id.value, 4)
        self.assertEqual(line.self_level_id.value, 7)
        self.assertEqual(line.difference, 3)
        self.assertTrue(line.has_disagreement)
        self.assertEqual(assessment.disagreement_count, 1)
        # The difference never replaces either score.
        line.self_score = 4
        self.assertEqual((line.staff_score, line.self_score), (4, 4))
        self.assertFalse(line.has_disagreement)
        # No own score: no difference, no disagreement.
        line.self_level_id = False
        self.assertEqual(line.difference, 0)
        self.assertFalse(line.has_disagreement)

    def test_score_outside_scale(self):
        assessment = self._assessment(self.vum)
        line = assessment.line_ids[0]
        for field, score, who in (
            ("staff_score", 5, "staff score"),
            ("self_score", -1, "own score"),
        ):
            with (
                self.assertRaisesRegex(
                    ValidationError,
                    f"{line.dimension_id.name}: the {who} {score} is outside the "
                    "scale of VUM 2.0 functioning \\(0 to 4\\)",
                ),
                self.cr.savepoint(),
            ):
                line.write({field: score})
        self.assertFalse(line.staff_level_id or line.self_level_id)
        # A point of another instrument's scale is refused too.
        with (
            self.assertRaisesRegex(ValidationError, "not on the scale"),
            self.cr.savepoint(),
        ):
            line.staff_level_id = self.simple.level_ids[-1]
        # And a level cannot be added outside the scale.
        with (
            self.assertRaisesRegex(ValidationError, "outside the scale"),
            self.cr.savepoint(),
        ):
            self.env["support.assessment.level"].create(
                {"instrument_id": self.vum.id, "value": 9}
            )

    def test_done_needs_every_staff_score(self):
        assessment = self._assessment()
        with self.assertRaisesRegex(UserError, "give a staff score for every"):
            assessment.action_done()
        for line in assessment.line_ids:
            line.staff_score = 6
        assessment.action_done()
        self.assertEqual(assessment.state, "done")

    def test_new_instrument_and_scale_changes(self):
        form = Form(self.env["support.assessment.instrument"])
        form.name = "Wellbeing 0-5"
        form.code = "WB5"
        form.scale_min = 0
        form.scale_max = 5
        with form.dimension_ids.new() as dimension:
            dimension.name = "Mood"
        instrument = form.save()
        self.assertEqual(instrument.level_ids.mapped("value"), [0, 1, 2, 3, 4, 5])
        with (
            self.assertRaisesRegex(ValidationError, "from a lower to a higher"),
            self.cr.savepoint(),
        ):
            instrument.scale_max = 0
        assessment = self._assessment(instrument)
        assessment.line_ids.staff_score = 5
        with (
            self.assertRaisesRegex(ValidationError, "cannot shrink"),
            self.cr.savepoint(),
        ):
            instrument.scale_max = 4
        assessment.line_ids.staff_score = 3
        instrument.scale_max = 4
        self.assertEqual(instrument.level_ids.mapped("value"), [0, 1, 2, 3, 4])

    def test_progression_leaves_out_missing_scores(self):
        first = self._assessment(date=date(2026, 1, 15))
        second = self._assessment(date=date(2026, 4, 15))
        for assessment, staff in ((first, 3), (second, 6)):
            for line in assessment.line_ids:
                line.staff_score = staff
            assessment.line_ids[0].self_score = staff + 2
            assessment.action_done()
        self.env.flush_all()
        Score = self.env["support.assessment.score"]
        wellbeing = self.env.ref(
            "support_hours.support_assessment_dimension_simple_wellbeing"
        )
        groups = Score._read_group(
            [("employee_id", "=", self.person.id), ("dimension_id", "=", wellbeing.id)],
            ["date:quarter", "rater"],
            ["score:avg", "__count"],
        )
        # Own scores were only given on the first dimension: none for wellbeing.
        self.assertEqual(
            [(rater, score, count) for _q, rater, score, count in groups],
            [("staff", 3.0, 1), ("staff", 6.0, 1)],
        )
        own = Score.search(
            [("employee_id", "=", self.person.id), ("rater", "=", "self")]
        )
        self.assertEqual(sorted(own.mapped("score")), [5.0, 8.0])
