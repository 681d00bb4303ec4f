from odoo import api, fields, models

MEANS = [
    ("bus", "Bus"),
    ("train", "Train"),
    ("car", "Car"),
    ("moped", "Moped or motorcycle"),
    ("bicycle", "Bicycle"),
]
PUBLIC = ("bus", "train")


class SocialPayTransport(models.Model):
    """A participant's way to work from a date: distance one way and means."""

    _name = "social.pay.transport"
    _description = "Transport to Work (§103)"
    _inherit = ["social.pay.participant.mixin"]
    _order = "placement_id, date_from desc"

    date_from = fields.Date("Valid From", required=True)
    date_to = fields.Date("Valid To")
    distance_km = fields.Float("Distance (km, one way)", required=True, digits=(16, 1))
    means = fields.Selection(MEANS, required=True, default="bus")
    rate_kind = fields.Selection(
        [("public", "Public transport"), ("km", "Own vehicle")],
        "Rate",
        compute="_compute_rate_kind",
    )

    _distance_sane = models.Constraint(
        "CHECK(distance_km >= 0 AND distance_km <= 500)",
        "The distance to work must be between 0 and 500 km.",
    )
    _dates_sane = models.Constraint(
        "CHECK(date_to IS NULL OR date_to >= date_from)",
        "A transport record cannot end before it starts.",
    )

    @api.depends("means")
    def _compute_rate_kind(self):
        for transport in self:
            transport.rate_kind = "public" if transport.means in PUBLIC else "km"

    @api.model
    def _get_for_month(self, placements, date_from, date_to):
        """{placement_id: the transport record valid on the last day it covers}."""
        result = {}
        for transport in self.search(
            [("placement_id", "in", placements.ids)]
            + self.env["social.pay.trade.wage"]._get_valid_domain(date_from, date_to),
            order="date_from",
        ):
            result[transport.placement_id.id] = transport
        return result
