from odoo import fields, models

from ..tools import ratio


class ResCompany(models.Model):
    _inherit = "res.company"

    # The ratio rule (rimelighedskrav): see tools/ratio.py.
    ratio_per_small = fields.Integer(
        "Ratio: Ordinary Employees per Person",
        default=5,
        help="One person in wage subsidy or work placement per this many ordinary "
        "employees of a production unit...",
    )
    ratio_threshold = fields.Integer(
        "Ratio: Up To", default=50, help="...up to this many ordinary employees..."
    )
    ratio_per_large = fields.Integer(
        "Ratio: Ordinary Employees per Person Above",
        default=10,
        help="...then one per this many ordinary employees beyond.",
    )

    _ratio_positive = models.Constraint(
        "CHECK(ratio_per_small > 0 AND ratio_per_large > 0 AND ratio_threshold >= 0)",
        "The ratio rule needs positive divisors.",
    )

    def _ratio_allowed(self, ordinary):
        """People in wage subsidy or work placement allowed for ``ordinary`` staff."""
        self.ensure_one()
        return ratio.allowed_subsidised(
            ordinary,
            per_small=self.ratio_per_small,
            threshold=self.ratio_threshold,
            per_large=self.ratio_per_large,
        )

    employer_status_ids = fields.One2many(
        "social.employer.status", "company_id", "Public or Private Employer"
    )

    def _get_employer_status(self, day):
        """The status record in force on ``day`` (possibly empty: private)."""
        self.ensure_one()
        # The status is company configuration read by placements and claims of any
        # user; it holds no personal data.
        return (
            self.env["social.employer.status"]
            .sudo()
            .search(
                [("company_id", "=", self.id), ("date_from", "<=", day)],
                order="date_from desc",
                limit=1,
            )
        )

    def _get_employer_kind(self, day):
        self.ensure_one()
        return self._get_employer_status(day).employer_kind or "private"
