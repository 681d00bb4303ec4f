from odoo import models


class SocialPayRun(models.Model):
    """With manufacturing, computing a pay run first fills the effort units of the
    participants paid by effort from their finished work orders
    (``social.pay.effort._fill_from_production``), and their pay line says which
    work orders the units come from and what was corrected by hand."""

    _inherit = "social.pay.run"

    def _prepare_expected(self, placements):
        self.ensure_one()
        start, end = self.period_start, self.period_end
        bases = self.env["social.pay.basis"]._get_for_month(placements, start, end)
        by_effort = placements.filtered(
            lambda p: bases.get(p.id) and bases[p.id].method == "effort"
        )
        # sudo: the units come from the work orders, not from the user; an
        # accountant who computes the run reads effort units but does not enter them.
        Effort = self.env["social.pay.effort"].sudo()
        Effort._fill_from_production(by_effort, start, end)
        expected = super()._prepare_expected(placements)
        efforts = Effort.search(
            [
                ("placement_id", "in", by_effort.ids),
                ("period_start", "=", start),
                ("production_units", "!=", 0),
            ]
        )
        for effort in efforts:
            vals = expected.get((effort.placement_id.id, "pay"))
            if vals:
                vals["explanation"] = self._prepare_production_explanation(
                    vals["explanation"], effort
                )
        return expected

    def _prepare_production_explanation(self, explanation, effort):
        text = self.env._(
            "%(explanation)s. %(units).2f from work orders:\n%(orders)s",
            explanation=explanation,
            units=effort.production_units,
            orders=effort.production_note or "",
        )
        if effort.correction_units:
            text += "\n" + self.env._(
                "Corrected by hand: %(correction)+.2f",
                correction=effort.correction_units,
            )
        return text
