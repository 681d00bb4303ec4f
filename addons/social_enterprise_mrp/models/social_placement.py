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
        domain = [
            ("date", ">=", fields.Date.to_date(date_from)),
            ("date", "<=", fields.Date.to_date(date_to)),
            ("placement_id", "!=", False),
        ]
        if self:
            domain.append(("placement_id", "in", self.ids))
        groups = self.env["social.production.output"]._read_group(
            domain, ["placement_id"], ["units:sum"]
        )
        return {placement.id: round(units or 0.0, 4) for placement, units in groups}
