from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools import billing, periods
from .social_agreement import BILLING_BASES
from .social_agreement_line import UNITS

LINE_KINDS = [
    ("regular", "Billed"),
    ("advance", "Billed in advance"),
    ("true_up", "True-up"),
    ("correction", "Correction"),
]
LINE_STATES = [
    ("preview", "Preview"),
    ("draft", "Draft Invoice"),
    ("posted", "Invoiced"),
    ("paid", "Paid"),
    ("cancel", "Invoice Cancelled"),
]
QUANTITY_RULES = [
    ("month", "Month, prorated"),
    ("calendar_days", "Calendar days"),
    ("contracted_days", "Contracted days"),
    ("attended_days", "Attended days"),
    ("contracted_hours", "Contracted hours"),
    ("attended_hours", "Attended hours"),
]


class SocialBillingLine(models.Model):
    """What one placement is billed for one month: a first bill, an advance, a
    true-up or a correction. A placement-month holds revisions 0, 1, 2…; revision 0
    is the first bill and exists once (unique index), each later revision bills the
    difference between a recomputation and what was billed before."""

    _name = "social.billing.line"
    _description = "Billing Line"
    _order = "period_start desc, municipality_id, placement_id, revision"
    _check_company_auto = True
    _rec_names_search = ["placement_id", "person_ref", "order_ref"]

    run_id = fields.Many2one(
        "social.billing.run",
        "Billing Run",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    placement_id = fields.Many2one(
        "social.placement",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    employee_id = fields.Many2one(
        related="placement_id.employee_id", store=True, string="Person"
    )
    scheme_id = fields.Many2one("social.scheme", required=True, ondelete="restrict")
    municipality_id = fields.Many2one(
        "res.partner", required=True, index=True, ondelete="restrict"
    )
    agreement_id = fields.Many2one(
        "social.agreement", required=True, ondelete="restrict", check_company=True
    )
    agreement_line_id = fields.Many2one(
        "social.agreement.line", "Price", ondelete="restrict"
    )
    period_start = fields.Date("Month", required=True, index=True)
    period_end = fields.Date("Month End", required=True)
    date_from = fields.Date("Served From")
    date_to = fields.Date("Served To")
    revision = fields.Integer(required=True, default=0)
    kind = fields.Selection(LINE_KINDS, required=True, default="regular")
    unit = fields.Selection(UNITS)
    billing_basis = fields.Selection(BILLING_BASES)
    quantity_rule = fields.Selection(QUANTITY_RULES)
    quantity = fields.Float(digits=(16, 4))
    price_unit = fields.Monetary("Unit Price")
    factor = fields.Float("Part-time Factor (%)", digits=(5, 2), default=100.0)
    amount = fields.Monetary()
    invoice_quantity = fields.Float(digits=(16, 2))
    invoice_price_unit = fields.Monetary()
    due_quantity = fields.Float("Recomputed Quantity", digits=(16, 4))
    due_amount = fields.Monetary("Recomputed Amount")
    billed_before = fields.Monetary()
    explanation = fields.Text(
        help="How the quantity and the price were found, in plain words."
    )
    order_ref = fields.Char("Order No.")
    person_ref = fields.Char("Person Reference")
    move_id = fields.Many2one(
        "account.move",
        "Invoice",
        index=True,
        readonly=True,
        copy=False,
        ondelete="cascade",
        check_company=True,
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    move_name = fields.Char("Invoice No.", related="move_id.name", store=True)
    move_line_ids = fields.One2many(
        "account.move.line",
        "social_billing_line_id",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    state = fields.Selection(
        LINE_STATES, compute="_compute_state", store=True, index=True
    )

    _placement_month_revision_unique = models.UniqueIndex(
        "(placement_id, period_start, revision)",
        "This placement is already billed for this month: a month is billed once, "
        "later changes are billed as corrections.",
    )
    _period_idx = models.Index("(company_id, period_start)")

    @api.depends("move_id.state", "move_id.payment_state")
    def _compute_state(self):
        for line in self:
            move = line.sudo().move_id
            if not move:
                line.state = "preview"
            elif move.state == "cancel":
                line.state = "cancel"
            elif move.state == "draft":
                line.state = "draft"
            elif move.payment_state in ("paid", "in_payment", "reversed"):
                line.state = "paid"
            else:
                line.state = "posted"

    @api.depends("placement_id", "period_start", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for line in self:
            line.display_name = (
                f"{line.placement_id.name} {line.period_start:%Y-%m} "
                f"{kinds.get(line.kind, '')}"
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        if any(line.sudo().move_id for line in self):
            raise UserError(
                self.env._(
                    "A billing line on an invoice cannot be deleted: cancel or "
                    "delete the invoice, or bill a correction."
                )
            )

    @api.model
    def _get_placement_span(self, placement, month_start):
        """The days of the month of ``month_start`` the placement ran (active or
        ended), or None."""
        if placement.state not in ("active", "ended"):
            return None
        first, last = billing.month_bounds(month_start)
        span = periods.overlap(first, last, placement.date_start, placement.date_end)
        if not span:
            return None
        return span[0], span[1] or last

    def _is_billed(self):
        """Counts as billed: on a live invoice, or waiting in a preview."""
        self.ensure_one()
        return self.state != "cancel"

    # ------------------------------------------------------------------ invoice
    def _get_invoice_grouping_key(self):
        """Lines with the same key go on the same invoice or credit note."""
        self.ensure_one()
        agreement = self.agreement_id
        order = (self.order_ref or "") if agreement.invoice_per_order else ""
        return (agreement.id, agreement.invoice_partner_id.id, order, self.amount < 0)

    def _get_invoice_label(self):
        """The invoice line text: scheme, period and the municipality's references.
        Never the person's name or CPR number."""
        self.ensure_one()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        level = (
            self.env._(" level %(level)s", level=self.placement_id.rate_level)
            if self.placement_id.rate_level
            else ""
        )
        lines = [
            self.env._(
                "%(scheme)s%(level)s, %(date_from)s to %(date_to)s",
                scheme=self.scheme_id.name,
                level=level,
                date_from=format_date(self.env, self.date_from or self.period_start),
                date_to=format_date(self.env, self.date_to or self.period_end),
            )
        ]
        refs = []
        if self.person_ref:
            refs.append(self.env._("Person ref. %(ref)s", ref=self.person_ref))
        if self.order_ref:
            refs.append(self.env._("Order %(ref)s", ref=self.order_ref))
        if refs:
            lines.append(" · ".join(refs))
        if self.kind != "regular":
            lines.append(kinds[self.kind])
        return "\n".join(lines)

    def _prepare_invoice_line_vals(self, accounts=None):
        """Values of the invoice line; ``accounts`` caches the revenue-stream
        analytic accounts, {(stream, company): account}, across an invoice batch."""
        self.ensure_one()
        accounts = {} if accounts is None else accounts
        key = (self.scheme_id.revenue_stream, self.company_id)
        if key not in accounts:
            accounts[key] = self.env[
                "account.analytic.account"
            ]._get_revenue_stream_account(*key)
        account = accounts[key]
        # Credit notes carry positive quantities and prices: the document type
        # holds the sign.
        vals = {
            "name": self._get_invoice_label(),
            "quantity": abs(self.invoice_quantity),
            "price_unit": abs(self.invoice_price_unit),
            "tax_ids": [fields.Command.set(self.agreement_id.tax_ids.ids)],
            "social_billing_line_id": self.id,
        }
        product = self.agreement_line_id.product_id
        if product:
            vals["product_id"] = product.id
            vals["product_uom_id"] = product.uom_id.id
        if account:
            vals["analytic_distribution"] = {str(account.id): 100.0}
        vals.update(self._precompute_invoice_line_figures(vals, product))
        return vals

    def _precompute_invoice_line_figures(self, vals, product):
        """The line's balance and base tax tags as account.move computes them.

        A new invoice recomputes its taxes from quantities and prices and then
        writes each product line whose balance or tags differ from the result: one
        write per line, the most expensive part of a billing run's invoices. Lines
        created with these values already are left alone, so a run's invoices cost
        one batched create. Wrong figures are only slower, never wrong: core still
        recomputes them and writes where they differ. Nothing is precomputed for a
        sales journal in a foreign currency (its rate is the invoice's business)."""
        self.ensure_one()
        company = self.company_id
        journal_currency = self.agreement_id.journal_id.currency_id
        if journal_currency and journal_currency != company.currency_id:
            return {}
        refund = self.amount < 0
        taxes = self.agreement_id.tax_ids
        result = taxes.compute_all(
            vals["price_unit"],
            currency=company.currency_id,
            quantity=vals["quantity"],
            product=product,
            partner=self.agreement_id.invoice_partner_id,
            is_refund=refund,
        )
        # Customer invoices credit their product lines, credit notes debit them.
        balance = result["total_excluded"] if refund else -result["total_excluded"]
        return {
            "balance": balance,
            "amount_currency": balance,
            "tax_tag_ids": [fields.Command.set(result["base_tags"])],
        }

    @api.model
    def _invoice_figures(self, quantity, price_unit, amount):
        """Quantity and unit price as they go on the invoice line."""
        return billing.invoice_quantity(quantity, price_unit, amount)
