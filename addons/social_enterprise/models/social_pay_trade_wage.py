from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import pay


class SocialPayTradeWage(models.Model):
    """The lowest collective hourly wage of a trade, dated, with its source: the
    floor of §103 pay is a share of it."""

    _name = "social.pay.trade.wage"
    _description = "Lowest Collective Wage of a Trade"
    _order = "trade, date_from desc"

    trade = fields.Char(
        required=True,
        help="The trade or collective agreement, e.g. 'Industriens Overenskomst'.",
    )
    hourly_wage = fields.Float("Lowest Hourly Wage", required=True, digits=(16, 2))
    floor_percent = fields.Float(
        "Floor (%)",
        default=5.0,
        required=True,
        help="§103 pay is at least this share of the lowest hourly wage.",
    )
    floor_rate = fields.Float(
        "Floor (kr/h)", compute="_compute_floor_rate", digits=(16, 2)
    )
    date_from = fields.Date("Valid From", required=True)
    date_to = fields.Date("Valid To")
    source = fields.Char(required=True, help="Where the wage and the share come from.")

    _wage_positive = models.Constraint(
        "CHECK(hourly_wage > 0 AND floor_percent >= 0 AND floor_percent <= 100)",
        "The lowest wage must be positive and the floor a share between 0 and 100 %.",
    )

    @api.depends("hourly_wage", "floor_percent")
    def _compute_floor_rate(self):
        for wage in self:
            wage.floor_rate = pay.floor_rate(wage.hourly_wage, wage.floor_percent)

    @api.depends("trade", "date_from")
    def _compute_display_name(self):
        for wage in self:
            wage.display_name = f"{wage.trade} ({wage.date_from})"

    @api.constrains("trade", "date_from", "date_to")
    def _check_overlap(self):
        for wage in self:
            if wage.date_to and wage.date_to < wage.date_from:
                raise ValidationError(
                    self.env._("A wage's 'Valid To' cannot be before its 'Valid From'.")
                )
            others = self.search(
                [("id", "!=", wage.id), ("trade", "=", wage.trade)]
                + self._get_valid_domain(wage.date_from, wage.date_to)
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "%(trade)s already has a lowest wage in this period: close it "
                        "(Valid To) before adding a new one.",
                        trade=wage.trade,
                    )
                )

    @api.model
    def _get_valid_domain(self, date_from, date_to=None):
        """Records valid at some day of [date_from, date_to] (one day if no end)."""
        date_to = date_to or date_from
        return [
            ("date_from", "<=", date_to),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", date_from),
        ]

    def _get_at(self, day):
        """The wage of the same trade valid on ``day`` (empty if none)."""
        self.ensure_one()
        return self.search(
            [("trade", "=", self.trade)] + self._get_valid_domain(day),
            order="date_from desc",
            limit=1,
        )
