from odoo import api, fields, models

from ..tools import payroll_formats

TARGETS = [
    ("paid_hours", "Paid hours"),
    ("absence_hours", "Paid absence hours"),
    ("refund_hours", "Refunded hours"),
    ("gross_wage", "Gross wage"),
    ("holiday_pay", "Holiday pay / allowance"),
    ("pension", "Employer pension"),
    ("atp", "ATP"),
    ("refund_amount", "Refunds received"),
    ("ignore", "Ignore"),
]
HOUR_TARGETS = ("paid_hours", "absence_hours", "refund_hours")


class SocialPayrollImportType(models.Model):
    """Which wage-basis field a pay type (lønart) of a payroll system feeds.

    Payroll systems number their pay types themselves and each enterprise adds its
    own: the mapping is configuration, copied from the payroll system's list. Hour
    fields take the line's units, money fields its amount.
    """

    _name = "social.payroll.import.type"
    _description = "Payroll Import Pay Type"
    _order = "payroll_format, code"

    payroll_format = fields.Selection(
        "_selection_payroll_format", required=True, default="danloen"
    )
    code = fields.Char(required=True, help="The pay type number in the payroll file.")
    name = fields.Char(required=True, translate=True)
    target = fields.Selection(TARGETS, "Wage Basis Field", required=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty for pay types shared by all companies."
    )
    active = fields.Boolean(default=True)

    _code_unique = models.UniqueIndex(
        "(payroll_format, code, COALESCE(company_id, 0)) WHERE active",
        "This pay type is already mapped for this payroll format.",
    )

    @api.model
    def _selection_payroll_format(self):
        return payroll_formats.selection()

    @api.model
    def _get_mapping(self, payroll_format, company):
        """{code: target} for the format; a company's own mapping wins."""
        types = self.search(
            [
                ("payroll_format", "=", payroll_format),
                ("company_id", "in", (False, company.id)),
            ],
            order="company_id desc",
        )
        mapping = {}
        for pay_type in types.sorted(lambda t: bool(t.company_id)):
            mapping[pay_type.code] = pay_type.target
        return mapping
