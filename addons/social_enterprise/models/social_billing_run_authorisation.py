# pylint: disable=consider-merging-classes-inherited
from odoo import models
from odoo.tools.misc import format_date

from ..tools import billing


class SocialBillingRun(models.Model):
    """Billing charges only authorised, unsuspended days.

    ``_compute_due`` is called once per sub-span of the month the placement may be
    billed for (``social.placement._get_billable_spans``) and the charges are
    added up; a placement with no billable day in a month it runs in is reported
    as not billed. Placements without authorisations or suspensions bill as before.
    """

    _inherit = "social.billing.run"

    def _get_billing_data(self):
        data = super()._get_billing_data()
        data["authorisation_periods"] = data["placements"]._get_authorisation_periods()
        return data

    def _compute_due(
        self, placement, agreement, price_line, month, span, estimate, data
    ):
        if not span:
            return super()._compute_due(
                placement, agreement, price_line, month, span, estimate, data
            )
        spans = placement._get_billable_spans(
            span[0], span[1], data.get("authorisation_periods")
        )
        if spans == [span]:
            return super()._compute_due(
                placement, agreement, price_line, month, span, estimate, data
            )
        if not spans:
            return (
                billing.Charge(0, price_line.price, 0.0, 100.0),
                False,
                self.env._("No authorised day in this month."),
            )
        parts = [
            super(SocialBillingRun, self)._compute_due(
                placement, agreement, price_line, month, sub, estimate, data
            )
            for sub in spans
        ]
        quantity = round(sum(part[0].quantity for part in parts), 4)
        amount = billing.round_money(sum(part[0].amount for part in parts))
        first = parts[0][0]
        due = billing.Charge(quantity, first.price_unit, amount, first.factor)
        text = "\n".join(part[2] for part in parts)
        return due, parts[0][1], text

    def _prepare_billing_line_vals(self, placement, agreement, month, estimate, data):
        vals, note = super()._prepare_billing_line_vals(
            placement, agreement, month, estimate, data
        )
        span = self.env["social.billing.line"]._get_placement_span(placement, month)
        if not span:
            return vals, note
        spans = placement._get_billable_spans(
            span[0], span[1], data.get("authorisation_periods")
        )
        if vals and spans:
            vals.update(date_from=spans[0][0], date_to=spans[-1][1])
        elif not vals and not note and not spans:
            note = self.env._(
                "no authorisation covers %(month)s (or the place is suspended)",
                month=format_date(self.env, month, date_format="MMMM y"),
            )
        return vals, note
