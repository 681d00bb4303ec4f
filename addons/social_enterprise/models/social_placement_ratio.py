# One concern a file (demo data, hours, follow-ups, ratio rule) keeps the placement
# model readable; the classes are merged by the registry.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class SocialPlacement(models.Model):
    _inherit = "social.placement"

    counts_in_ratio_rule = fields.Boolean(
        compute="_compute_counts_in_ratio_rule",
        help="Counts in the ratio rule of its production unit: the scheme's setting, "
        "except people on førtidspension in løntilskud, who are outside the rule.",
    )
    disability_pension = fields.Boolean(
        "On Førtidspension",
        tracking=True,
        help="The person receives førtidspension. In løntilskud such a person is "
        "outside the ratio rule.",
    )
    ratio_warning = fields.Char(compute="_compute_ratio_warning")

    @api.depends("scheme_id.counts_in_ratio_rule", "scheme_type", "disability_pension")
    def _compute_counts_in_ratio_rule(self):
        for placement in self:
            placement.counts_in_ratio_rule = (
                placement.scheme_id.counts_in_ratio_rule
                and not (
                    placement.disability_pension
                    and placement.scheme_type
                    in ("wage_subsidy_private", "wage_subsidy_public")
                )
            )

    @api.depends("work_address_id", "scheme_id", "state", "disability_pension")
    def _compute_ratio_warning(self):
        """Warn when the production unit is over the ratio rule (rimelighedskrav).

        One search on the ratio report for all the placements' units.
        """
        self.ratio_warning = False
        candidates = self.filtered(
            lambda p: p.counts_in_ratio_rule
            and p.work_address_id
            and p.state in ("draft", "active")
        )
        if not candidates:
            return
        rows = (
            self.env["social.ratio.report"]
            .sudo()  # aggregated counts only, no personal data
            .search([("work_address_id", "in", candidates.work_address_id.ids)])
        )
        by_unit = {(r.work_address_id.id, r.company_id.id): r for r in rows}
        for placement in candidates:
            row = by_unit.get((placement.work_address_id.id, placement.company_id.id))
            ordinary = row.ordinary_count if row else 0
            used = row.used_count if row else 0
            if placement.state == "draft":
                used += 1  # the placement itself, once activated
            allowed = placement.company_id._ratio_allowed(ordinary)
            if used > allowed:
                placement.ratio_warning = self.env._(
                    "Ratio rule: %(unit)s would have %(used)s people in wage subsidy "
                    "or work placement for %(ordinary)s ordinary employees; the rule "
                    "allows %(allowed)s.",
                    unit=placement.work_address_id.display_name,
                    used=used,
                    ordinary=ordinary,
                    allowed=allowed,
                )
