from odoo import api, fields, models


class SupportAccessLog(models.Model):
    """Who opened which sensitive support record, and when (GDPR art. 9 audit)."""

    _name = "support.access.log"
    _description = "Support Access Log"
    _order = "create_date desc, id desc"
    _log_access = True

    user_id = fields.Many2one(
        "res.users", "Opened By", required=True, index=True, ondelete="restrict"
    )
    res_model = fields.Char("Document Model", required=True, index=True)
    res_id = fields.Many2oneReference("Document ID", model_field="res_model")
    employee_id = fields.Many2one(
        "hr.employee", "Person", index=True, ondelete="set null"
    )
    field_names = fields.Char("Restricted Fields Read")
    model_description = fields.Char("Document", compute="_compute_model_description")

    _model_record_idx = models.Index("(res_model, res_id)")

    @api.depends("res_model")
    def _compute_model_description(self):
        names = {
            model: self.env[model]._description
            for model in set(self.mapped("res_model"))
            if model in self.env
        }
        for log in self:
            log.model_description = names.get(log.res_model, log.res_model)

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    @api.model
    def _gc_access_log(self, days=None):
        """Delete log lines older than the retention period (system parameter
        ``support_hours.access_log_retention_days``, default 5 years)."""
        days = days or int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("support_hours.access_log_retention_days", 1826)
        )
        limit = fields.Datetime.subtract(fields.Datetime.now(), days=days)
        self.sudo().search([("create_date", "<", limit)]).unlink()
        return True
