from collections import defaultdict

from odoo import api, fields, models


class SocialPayEffort(models.Model):
    """Effort units of a participant paid by effort, entered for one month. A
    production bridge can fill the month's units instead through
    ``_get_effort_units``."""

    _name = "social.pay.effort"
    _description = "Effort Units (§103)"
    _inherit = ["social.pay.participant.mixin"]
    _order = "period_start desc, placement_id"

    period_start = fields.Date(
        "Month", required=True, help="Any day of the month; stored as its first day."
    )
    units = fields.Float(required=True, digits=(16, 2))
    note = fields.Char()

    _units_positive = models.Constraint(
        "CHECK(units >= 0)", "Effort units cannot be negative."
    )
    _month_unique = models.UniqueIndex(
        "(placement_id, period_start)",
        "The effort of a participant is entered once a month.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("period_start"):
                day = fields.Date.to_date(vals["period_start"])
                vals["period_start"] = day.replace(day=1)
        return super().create(vals_list)

    @api.model
    def _get_effort_units(self, placements, date_from, date_to):
        """{placement_id: units} for the month: the hook a production bridge extends
        (e.g. with units from manufacturing orders or tasks)."""
        result = defaultdict(float)
        for placement, units in self._read_group(
            [
                ("placement_id", "in", placements.ids),
                ("period_start", ">=", date_from.replace(day=1)),
                ("period_start", "<=", date_to),
            ],
            ["placement_id"],
            ["units:sum"],
        ):
            result[placement.id] += units
        return result
