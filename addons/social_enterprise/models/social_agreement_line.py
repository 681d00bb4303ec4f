from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import billing
from .social_agreement import BILLING_BASES
from .social_placement import RATE_LEVELS

UNITS = [("day", "Day"), ("month", "Month"), ("hour", "Hour")]


class SocialAgreementLine(models.Model):
    """One price of an agreement: a scheme, a rate level and a unit, over a period."""

    _name = "social.agreement.line"
    _description = "Agreement Price"
    _order = "agreement_id, scheme_id, rate_level, date_from desc"
    _check_company_auto = True

    agreement_id = fields.Many2one(
        "social.agreement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="agreement_id.company_id", store=True)
    currency_id = fields.Many2one(related="agreement_id.currency_id")
    scheme_id = fields.Many2one(
        "social.scheme",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("payment_flow", "=", "service_fee")],
    )
    rate_level = fields.Selection(
        RATE_LEVELS, help="Empty: the price of every level without a price of its own."
    )
    unit = fields.Selection(UNITS, required=True, default="day")
    price = fields.Monetary(required=True, currency_field="currency_id")
    date_from = fields.Date("Valid From", required=True)
    date_to = fields.Date("Valid To")
    billing_basis = fields.Selection(
        BILLING_BASES,
        help="Leave empty to use the agreement's billing basis (e.g. contracted hours "
        "for mentor support on an agreement billed on calendar days).",
    )
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        default=lambda s: s.env.ref(
            "social_enterprise.product_product_social_service",
            raise_if_not_found=False,
        ),
        help="The product on the invoice line: its income account and revenue stream.",
    )

    _price_positive = models.Constraint(
        "CHECK(price >= 0)", "An agreement price cannot be negative."
    )
    _dates_sane = models.Constraint(
        "CHECK(date_to IS NULL OR date_to >= date_from)",
        "A price cannot end before it starts.",
    )

    @api.constrains("date_from", "date_to")
    def _check_month_aligned(self):
        for line in self:
            if not billing.is_month_aligned(line.date_from, line.date_to):
                raise ValidationError(
                    self.env._(
                        "The price %(scheme)s %(level)s (%(validity)s) must start on "
                        "the first day of a month and end on the last day of a "
                        "month: a billing month has one price.",
                        scheme=line.scheme_id.name,
                        level=line._level_label(),
                        validity=line._validity_label(),
                    )
                )

    @api.constrains("scheme_id", "rate_level", "date_from", "date_to", "agreement_id")
    def _check_agreement_prices(self):
        """Prices created on their own (import, data files) are checked like those
        edited on the agreement."""
        self.agreement_id._check_price_overlap()
        self.agreement_id._check_one_agreement_per_scheme()

    def _level_label(self):
        self.ensure_one()
        if not self.rate_level:
            return self.env._("(all levels)")
        return dict(self._fields["rate_level"]._description_selection(self.env))[
            self.rate_level
        ]

    def _validity_label(self):
        self.ensure_one()
        return self.env._(
            "%(date_from)s to %(date_to)s",
            date_from=self.date_from,
            date_to=self.date_to or "…",
        )

    def _unit_label(self):
        self.ensure_one()
        return dict(self._fields["unit"]._description_selection(self.env))[self.unit]

    @api.depends("scheme_id", "rate_level", "unit", "price")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.scheme_id.name} {line._level_label()}"
