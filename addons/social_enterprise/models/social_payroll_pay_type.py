from odoo import fields, models

from ..tools import payroll_export

# What a pay-basis line stands for; each is mapped to a pay type number (løntype) of
# the payroll system.
CATEGORIES = [
    ("hours_ordinary", "Hours: ordinary"),
    ("hours_flexjob", "Hours: flexjob (effective hours)"),
    ("hours_small_job", "Hours: small job"),
    ("hours_wage_subsidy", "Hours: wage subsidy (løntilskud)"),
    ("pay", "§103 pay"),
    ("transport", "§103 transport"),
    ("other", "§103 other"),
]
# The hours category of each scheme type that has a payroll; schemes not listed
# (praktik, §104, STU...) pay no wage.
SCHEME_CATEGORIES = {
    "ordinary": "hours_ordinary",
    "skaanejob": "hours_ordinary",
    "flexjob_old": "hours_ordinary",
    "flexjob": "hours_flexjob",
    "small_job": "hours_small_job",
    "wage_subsidy_private": "hours_wage_subsidy",
    "wage_subsidy_public": "hours_wage_subsidy",
}


def _payroll_systems():
    return [
        (code, label)
        for code, label in payroll_export.formats()
        if code not in ("csv", "xlsx")
    ]


class SocialPayrollPayType(models.Model):
    """The pay type number (løntype) a payroll system uses for one kind of line."""

    _name = "social.payroll.pay.type"
    _description = "Payroll Pay Type"
    _order = "payroll_system, category"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    payroll_system = fields.Selection(_payroll_systems, required=True)
    category = fields.Selection(CATEGORIES, required=True)
    code = fields.Char(
        "Pay Type", required=True, help="The pay type number in the payroll system."
    )
    name = fields.Char("Description", translate=True)

    _category_unique = models.UniqueIndex(
        "(company_id, payroll_system, category)",
        "Each kind of line has one pay type per payroll system.",
    )
