from odoo import fields, models
from odoo.tools import SQL


class SupportAccommodation(models.Model):
    """The accommodations of active support needs, and nothing else.

    Work supervisors must know how to accommodate a person but never why. They get no
    access at all to ``support.need``; this read-only view exposes only the person,
    the plain-words accommodations and the period, so no field of it can leak a
    description, a category or a note, whatever view or RPC call is used.
    """

    _name = "support.accommodation"
    _description = "Accommodation"
    _auto = False
    _order = "employee_id, date_from desc"

    employee_id = fields.Many2one("hr.employee", "Person", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", "Team", readonly=True)
    accommodation = fields.Text("Accommodations", readonly=True)
    date_from = fields.Date("From", readonly=True)
    date_to = fields.Date("To", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT n.id AS id,
                   n.employee_id AS employee_id,
                   n.company_id AS company_id,
                   n.department_id AS department_id,
                   n.accommodation AS accommodation,
                   n.date_from AS date_from,
                   n.date_to AS date_to
              FROM support_need n
             WHERE n.state = 'active'
               AND COALESCE(n.accommodation, '') != ''
            """
        )
