from odoo import api, fields, models
from odoo.tools import SQL


class SocialRatioReport(models.Model):
    """The ratio rule (rimelighedskrav) per production unit: used vs allowed, today.

    Ordinary employees are the active employees whose work address is the unit, who
    hold no active placement on a scheme other than ordinary wage (ordinary employment
    or small job), so no subsidised staff (flexjob, løntilskud, skånejob), and who are
    not hired for a fixed term (their current contract has an end date). Used are the
    active placements at the unit on schemes that count in the ratio rule (wage
    subsidy, work placement), except people on førtidspension in løntilskud, who are
    outside the rule. Allowed follows the company's ratio parameters, with the law's
    floor of one person in every unit.
    """

    _name = "social.ratio.report"
    _description = "Ratio Rule per Production Unit"
    _auto = False
    _rec_name = "work_address_id"
    _order = "company_id, work_address_id"
    _depends = {
        "social.placement": [
            "employee_id", "work_address_id", "state", "date_start", "date_end",
            "scheme_id", "company_id", "disability_pension",
        ],
        "social.scheme": ["counts_in_ratio_rule", "scheme_type"],
        "hr.employee": ["active", "company_id", "current_version_id"],
        "hr.version": ["address_id", "contract_date_end"],
    }  # fmt: skip

    work_address_id = fields.Many2one("res.partner", "Production Unit", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    ordinary_count = fields.Integer("Ordinary Employees", readonly=True)
    used_count = fields.Integer("Subsidised and Praktik", readonly=True)
    allowed_count = fields.Integer("Allowed", compute="_compute_allowed")
    over_limit = fields.Boolean(compute="_compute_allowed")

    @property
    def _table_query(self):
        today = SQL("CURRENT_DATE")
        running = self.env["social.placement"]._get_running_sql("p", today, today)
        return SQL(
            """
            WITH placed AS (
                SELECT p.employee_id, p.work_address_id,
                       s.counts_in_ratio_rule AND NOT (
                           COALESCE(p.disability_pension, FALSE)
                           AND s.scheme_type IN (
                               'wage_subsidy_private', 'wage_subsidy_public')
                       ) AS counts_in_ratio_rule,
                       s.scheme_type IN ('ordinary', 'small_job') AS ordinary_wage
                FROM social_placement p
                JOIN social_scheme s ON s.id = p.scheme_id
                WHERE p.state = 'active' AND %(running)s
            ),
            staff AS (
                SELECT e.id, e.company_id, v.address_id,
                       v.contract_date_end IS NOT NULL AS fixed_term
                FROM hr_employee e
                JOIN hr_version v ON v.id = e.current_version_id
                WHERE e.active
            ),
            units AS (
                SELECT s.address_id AS unit_id, s.company_id FROM staff s
                WHERE s.address_id IS NOT NULL
                UNION
                SELECT pl.work_address_id, p.company_id FROM placed pl
                JOIN social_placement p ON p.employee_id = pl.employee_id
                WHERE pl.work_address_id IS NOT NULL
            )
            SELECT
                (u.unit_id::bigint << 16) + u.company_id AS id,
                u.unit_id AS work_address_id,
                u.company_id AS company_id,
                (SELECT COUNT(*) FROM staff e
                  WHERE e.address_id = u.unit_id
                    AND e.company_id = u.company_id
                    AND NOT e.fixed_term
                    AND NOT EXISTS (
                        SELECT 1 FROM placed pl
                        WHERE pl.employee_id = e.id AND NOT pl.ordinary_wage)
                ) AS ordinary_count,
                (SELECT COUNT(*) FROM placed pl
                  JOIN hr_employee e ON e.id = pl.employee_id
                  WHERE pl.work_address_id = u.unit_id AND pl.counts_in_ratio_rule
                    AND e.company_id = u.company_id
                ) AS used_count
            FROM (SELECT DISTINCT unit_id, company_id FROM units) u
            """,
            running=running,
        )

    @api.depends("ordinary_count", "used_count", "company_id")
    def _compute_allowed(self):
        for row in self:
            row.allowed_count = row.company_id._ratio_allowed(row.ordinary_count)
            row.over_limit = row.used_count > row.allowed_count
