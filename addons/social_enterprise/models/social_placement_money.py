# One concern a file (demo data, hours, follow-ups, ratio rule, money) keeps the
# placement model readable; the classes are merged by the registry.
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models

REFUND_SHARES = [("half", "½"), ("two_thirds", "⅔")]
WAGE_SUBSIDY_TYPES = ("wage_subsidy_private", "wage_subsidy_public")


class SocialPlacement(models.Model):
    _inherit = "social.placement"

    refund_share = fields.Selection(
        REFUND_SHARES,
        tracking=True,
        help="Old flexjob (before 2013): the municipality refunds ½ or ⅔ of the "
        "lowest collective wage, as decided for this person. Empty: the scheme's "
        "dated share.",
    )
    collective_minimum_wage = fields.Float(
        "Lowest Collective Hourly Wage",
        digits=(16, 2),
        tracking=True,
        help="Old flexjob: the lowest hourly wage of the collective agreement for this "
        "job. The refund is counted on it, at most on the dated maximum hourly wage "
        "base. Empty: the scheme's dated rate.",
    )

    _minimum_wage_positive = models.Constraint(
        "CHECK(collective_minimum_wage IS NULL OR collective_minimum_wage >= 0)",
        "The lowest collective hourly wage cannot be negative.",
    )

    def _get_subsidy_scheme(self, employer_kind):
        """The scheme whose rates a claim uses: løntilskud follows the employer's
        dated status (public at 50 % public money or more), whatever the scheme the
        placement was registered on; other schemes are their own."""
        self.ensure_one()
        scheme = self.scheme_id
        if scheme.scheme_type not in WAGE_SUBSIDY_TYPES:
            return scheme
        wanted = f"wage_subsidy_{employer_kind}"
        if scheme.scheme_type == wanted:
            return scheme
        return (
            self.env["social.scheme"].search([("scheme_type", "=", wanted)], limit=1)
            or scheme
        )

    def _get_refund_share(self, day):
        """'half' or 'two_thirds' for an old flexjob, or False."""
        self.ensure_one()
        if self.refund_share:
            return self.refund_share
        share = self.scheme_id._get_rate("refund_share", day)
        if not share:
            return False
        return "two_thirds" if share.amount > 60 else "half"
