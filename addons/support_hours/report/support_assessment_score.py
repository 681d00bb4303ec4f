from odoo import api, fields, models
from odoo.tools import SQL

RATERS = [("staff", "Staff"), ("self", "Own")]


class SupportAssessmentScore(models.Model):
    """Progression: every score given, one row per dimension and rater.

    Unpivots the assessment lines so staff scores and own scores can be compared in
    one graph, and leaves out the scores not given (instead of counting them as 0).
    """

    _name = "support.assessment.score"
    _description = "Assessment Progression"
    _auto = False
    _order = "date desc"

    line_id = fields.Many2one("support.assessment.line", readonly=True)
    assessment_id = fields.Many2one("support.assessment", readonly=True)
    employee_id = fields.Many2one("hr.employee", "Person", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    instrument_id = fields.Many2one("support.assessment.instrument", readonly=True)
    dimension_id = fields.Many2one("support.assessment.dimension", readonly=True)
    date = fields.Date(readonly=True)
    rater = fields.Selection(RATERS, readonly=True)
    score = fields.Float(readonly=True, aggregator="avg", digits=(16, 2))

    @property
    def _table_query(self):
        return SQL(
            "%s UNION ALL %s", self._query_rater("staff"), self._query_rater("self")
        )

    @api.model
    def _query_rater(self, rater):
        level_field = SQL.identifier(f"{rater}_level_id")
        return SQL(
            """
            SELECT l.id * 2 + %(offset)s AS id,
                   l.id AS line_id,
                   l.assessment_id AS assessment_id,
                   l.employee_id AS employee_id,
                   l.company_id AS company_id,
                   l.instrument_id AS instrument_id,
                   l.dimension_id AS dimension_id,
                   l.date AS date,
                   %(rater)s::varchar AS rater,
                   lv.value::float AS score
              FROM support_assessment_line l
              JOIN support_assessment_level lv ON lv.id = l.%(level)s
              JOIN support_assessment a ON a.id = l.assessment_id
             WHERE a.state = 'done'
            """,
            offset=0 if rater == "staff" else 1,
            rater=rater,
            level=level_field,
        )
