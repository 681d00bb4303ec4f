from odoo import api, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.model
    def _privacy_get_catalogue(self):
        """Who worked on which work order, and how long (the production hours by
        scheme and the piece output of §103 pay by effort)."""
        purpose = self.env._(
            "Production hours by scheme, and piece output for pay by effort."
        )
        basis = self.env._("GDPR art. 6(1)(b) and (c).")
        return [
            *super()._privacy_get_catalogue(),
            {
                "model": "mrp.workorder",
                "person_field": "social_employee_id",
                "fields": ["name", "production_id", "qty_produced", "duration"],
                "purpose": purpose,
                "legal_basis": basis,
                "retention": "identity",
            },
            {
                "model": "mrp.workcenter.productivity",
                "person_field": "employee_id",
                "fields": ["workcenter_id", "date_start", "date_end", "duration"],
                "purpose": purpose,
                "legal_basis": basis,
                "retention": "identity",
            },
        ]
