from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import subsidy

EMPLOYER_KINDS = [("private", "Private employer"), ("public", "Public employer")]


class SocialEmployerStatus(models.Model):
    """From a date, the share of the company's costs covered by public money.

    At 50 % or more the company is a *public* employer for løntilskud: the public
    rate, the public durations, and no skånejob cap (that cap is for private
    employers). Many social-economy enterprises cross the line as grants come and go,
    so the status is dated: each claim month reads the status in force.
    """

    _name = "social.employer.status"
    _description = "Public or Private Employer"
    _order = "company_id, date_from desc"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    date_from = fields.Date("Valid From", required=True)
    public_share = fields.Float(
        "Costs Covered by Public Money (%)",
        digits=(5, 2),
        required=True,
        help="Share of the year's costs paid by public money (grants, municipal "
        "payments for services, subsidies). 50 % or more makes a public employer.",
    )
    employer_kind = fields.Selection(
        EMPLOYER_KINDS, compute="_compute_employer_kind", store=True
    )
    note = fields.Char(
        "Source", help="How the share was found, e.g. the annual report 2025."
    )

    _company_date_unique = models.UniqueIndex(
        "(company_id, date_from)", "The company already has a status from this date."
    )
    _share_sane = models.Constraint(
        "CHECK(public_share >= 0 AND public_share <= 100)",
        "The public share is a percentage between 0 and 100.",
    )

    @api.depends("public_share")
    def _compute_employer_kind(self):
        for status in self:
            status.employer_kind = subsidy.employer_kind(status.public_share)

    @api.constrains("date_from")
    def _check_date(self):
        for status in self:
            if status.date_from.day != 1:
                raise ValidationError(
                    self.env._(
                        "The employer status changes on the first day of a month "
                        "(claims are monthly)."
                    )
                )
