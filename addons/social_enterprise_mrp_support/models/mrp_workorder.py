from odoo import api, fields, models


class MrpWorkorder(models.Model):
    _inherit = "mrp.workorder"

    social_accommodation = fields.Text(
        "Accommodations",
        compute="_compute_social_accommodation",
        help="How to accommodate the person this operation is assigned to, in plain "
        "words (never why). Shown to those who may read the person's "
        "accommodations: their work supervisor and the support staff.",
    )

    @api.depends("social_employee_id")
    @api.depends_context("uid", "date")
    def _compute_social_accommodation(self):
        """The reader's own rights decide: support.accommodation's record rules give
        a work supervisor their team, others nothing."""
        Accommodation = self.env["support.accommodation"]
        self.social_accommodation = False
        employees = self.social_employee_id
        if not employees or not Accommodation.has_access("read"):
            return
        # support.accommodation is an SQL view over support.need: write pending
        # changes of the needs first.
        self.env["support.need"].flush_model()
        today = fields.Date.context_today(self)
        by_employee = {}
        for record in Accommodation.search(
            [
                ("employee_id", "in", employees.ids),
                "|",
                ("date_from", "=", False),
                ("date_from", "<=", today),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", today),
            ]
        ):
            by_employee.setdefault(record.employee_id.id, []).append(
                record.accommodation
            )
        for workorder in self:
            texts = by_employee.get(workorder.social_employee_id.id)
            workorder.social_accommodation = "\n".join(texts) if texts else False
