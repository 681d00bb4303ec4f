from collections import defaultdict

from odoo import fields, models


class SocialPlacement(models.Model):
    _inherit = "social.placement"

    def _get_effort_units(self, date_from, date_to):
        """{placement id: units produced} in [date_from, date_to] for the placements
        in ``self`` (all placements when ``self`` is empty): the piece output of the
        person's finished work orders while on the placement, for pay by effort.

        One query whatever the number of placements. Placements without output are
        not in the result.
        """
        return {
            placement_id: round(sum(units for _wo, units in lines), 4)
            for placement_id, lines in self._get_effort_output(
                date_from, date_to
            ).items()
        }

    def _get_effort_output(self, date_from, date_to):
        """{placement id: [(work order, units)]}: ``_get_effort_units`` work order by
        work order, for the explanation of the pay. One query."""
        domain = [
            ("date", ">=", fields.Date.to_date(date_from)),
            ("date", "<=", fields.Date.to_date(date_to)),
            ("placement_id", "!=", False),
        ]
        if self:
            domain.append(("placement_id", "in", self.ids))
        groups = self.env["social.production.output"]._read_group(
            domain, ["placement_id", "workorder_id"], ["units:sum"]
        )
        result = defaultdict(list)
        for placement, workorder, units in groups:
            if units:
                result[placement.id].append((workorder, units))
        return dict(result)
