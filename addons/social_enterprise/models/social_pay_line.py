from odoo import api, fields, models
from odoo.exceptions import UserError

PAY_TYPES = [
    ("pay", "Pay"),
    ("transport", "Transport"),
    ("other", "Other"),
]


class SocialPayLine(models.Model):
    """What one participant gets in one month for one pay type, with the reason."""

    _name = "social.pay.line"
    _description = "Participant Pay Line"
    _order = "run_id desc, employee_id, pay_type, id"
    _check_company_auto = True

    run_id = fields.Many2one(
        "social.pay.run", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="run_id.company_id", store=True)
    period_start = fields.Date(related="run_id.period_start", store=True)
    run_state = fields.Selection(related="run_id.state", string="Status")
    placement_id = fields.Many2one(
        "social.placement",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("scheme_type", "=", "sheltered_103")],
        check_company=True,
    )
    employee_id = fields.Many2one(
        related="placement_id.employee_id", store=True, string="Participant"
    )
    coordinator_id = fields.Many2one(
        related="placement_id.user_id", store=True, string="Coordinator"
    )
    pay_type = fields.Selection(PAY_TYPES, required=True, default="other")
    basis_id = fields.Many2one("social.pay.basis", "Pay Basis", readonly=True)
    days = fields.Float("Attended Days", digits=(16, 0))
    hours = fields.Float("Attended Hours", digits=(16, 2))
    quantity = fields.Float(
        digits=(16, 2), help="Hours or effort units paid; days for transport."
    )
    rate = fields.Float(digits=(16, 2))
    amount = fields.Monetary()
    currency_id = fields.Many2one(related="run_id.currency_id")
    explanation = fields.Text()
    manual = fields.Boolean(
        readonly=True, help="Entered by hand ('other'): a recomputation keeps it."
    )
    is_correction = fields.Boolean("Correction", readonly=True)
    move_id = fields.Many2one(
        "account.move", "Journal Entry", readonly=True, copy=False
    )
    exported = fields.Boolean(readonly=True, copy=False)
    export_date = fields.Datetime(readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("manual", vals.get("pay_type", "other") == "other")
        return super().create(vals_list)

    def write(self, vals):
        if self.filtered("move_id") and set(vals) - {"exported", "export_date"}:
            raise UserError(
                self.env._(
                    "Booked pay lines cannot be changed: recompute the run, which "
                    "adds a difference line."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_booked(self):
        if self.filtered("move_id"):
            raise UserError(self.env._("Booked pay lines cannot be deleted."))
