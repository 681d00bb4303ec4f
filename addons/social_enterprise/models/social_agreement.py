from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import street_split

from ..tools import billing, identifiers

BILLING_BASES = [
    ("calendar", "Calendar days (365-day convention)"),
    ("attended", "Attended days or hours"),
    ("contracted", "Contracted days or hours"),
]
BILLING_TIMINGS = [("arrears", "In arrears"), ("advance", "In advance, true-up after")]
PRORATIONS = [
    ("calendar", "Days present / days in the month"),
    ("days_30", "Days present / 30"),
    ("none", "A started month is a whole month"),
]


PRIVACY_ROLES = [
    ("controller", "Controller: the enterprise decides"),
    ("processor", "Processor: the municipality is data controller"),
]


class SocialAgreement(models.Model):
    """What a municipality pays for the places and support it buys (takstaftale)."""

    _name = "social.agreement"
    _description = "Municipal Agreement"
    _inherit = ["mail.thread"]
    _order = "municipality_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    municipality_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_municipality", "=", True)],
    )
    invoice_partner_id = fields.Many2one(
        "res.partner",
        "EAN Unit",
        compute="_compute_invoice_partner_id",
        store=True,
        readonly=False,
        tracking=True,
        domain="['|', ('id', '=', municipality_id), "
        "('parent_id', '=', municipality_id)]",
        help="The municipality or the unit of it that receives the invoices, with "
        "its EAN/GLN location number (Peppol endpoint, scheme 0088).",
    )
    scheme_ids = fields.Many2many(
        "social.scheme",
        string="Schemes Covered",
        compute="_compute_scheme_ids",
        store=True,
    )
    line_ids = fields.One2many(
        "social.agreement.line", "agreement_id", "Prices", copy=True
    )
    factor_ids = fields.One2many(
        "social.agreement.factor", "agreement_id", "Part-time Factors", copy=True
    )
    billing_basis = fields.Selection(
        BILLING_BASES,
        required=True,
        default="calendar",
        tracking=True,
        help="Calendar days: every day of the place is billed, weekends included "
        "(365 days a year), at the part-time factor of the place. Attended: the days "
        "or hours the person checked in (Attendances). Contracted: the days or hours "
        "agreed on the placement.",
    )
    billing_timing = fields.Selection(
        BILLING_TIMINGS,
        required=True,
        default="arrears",
        tracking=True,
        help="In advance: a month is billed at its start from the plan and trued up "
        "with the actual figures in the next month's run.",
    )
    month_proration = fields.Selection(
        PRORATIONS,
        "Partial Months",
        required=True,
        default="calendar",
        help="How a month price is prorated when a place starts or ends in the month.",
    )
    bill_leap_day = fields.Boolean(
        "Bill 29 February",
        default=True,
        help="On (the default): every calendar day is billed, 29 February included, "
        "the plain reading of 'all calendar days'. Off: 29 February is left out in "
        "leap years, so a full-time place is billed 365 days every year. No source "
        "settles it: follow what the municipality's contract says.",
    )
    payment_term_id = fields.Many2one(
        "account.payment.term",
        check_company=True,
        default=lambda s: s.env.ref(
            "account.account_payment_term_30days", raise_if_not_found=False
        ),
    )
    journal_id = fields.Many2one(
        "account.journal",
        "Sales Journal",
        check_company=True,
        domain=[("type", "=", "sale")],
        help="Leave empty for the company's default sales journal.",
    )
    tax_ids = fields.Many2many(
        "account.tax",
        string="Taxes",
        check_company=True,
        domain=[("type_tax_use", "=", "sale")],
        default=lambda s: s._default_tax_ids(),
        help="Social services are VAT exempt (momsfritaget): by default the Danish "
        "chart's exempt sales tax.",
    )
    personreference = fields.Char(
        help="The code the municipality gives its suppliers to route their invoices "
        "(its own reference for the buying unit or case worker). Exported on the "
        "OIOUBL invoice as the buyer's contact ID (AccountingCustomerParty/Party/"
        "Contact/ID). Never a CPR number.",
    )
    order_ref = fields.Char(
        "Framework Order No.",
        help="The municipality's order number for the agreement, used on invoices "
        "when a placement has none of its own.",
    )
    require_order_ref = fields.Boolean("Order Number Required", default=True)
    require_person_ref = fields.Boolean("Person Reference Required", default=True)
    require_ean = fields.Boolean("EAN Required", default=True)
    invoice_per_order = fields.Boolean(
        "One Invoice per Order",
        help="The municipality wants one invoice per order (visitation) number.",
    )
    note = fields.Html()

    @api.model
    def _default_tax_ids(self):
        tax = self.env["account.chart.template"].ref(
            "tax_smf", raise_if_not_found=False
        )
        return tax.ids if tax else []

    @api.depends("municipality_id")
    def _compute_invoice_partner_id(self):
        for agreement in self:
            if agreement.invoice_partner_id.commercial_partner_id != (
                agreement.municipality_id.commercial_partner_id
            ):
                agreement.invoice_partner_id = agreement.municipality_id

    @api.depends("line_ids.scheme_id")
    def _compute_scheme_ids(self):
        for agreement in self:
            agreement.scheme_ids = agreement.line_ids.scheme_id

    # --------------------------------------------------------------- constraints
    @api.constrains("line_ids")
    def _check_price_overlap(self):
        for agreement in self:
            lines = [
                billing.PriceLine(
                    line,
                    line.scheme_id.id,
                    line.rate_level,
                    line.date_from,
                    line.date_to,
                )
                for line in agreement.line_ids
            ]
            overlaps = billing.find_overlaps(lines)
            if overlaps:
                first, second = overlaps[0]
                raise ValidationError(
                    self.env._(
                        "Agreement %(agreement)s has two prices for %(scheme)s "
                        "%(level)s valid at the same time (%(first)s and %(second)s): "
                        "end the old price (Valid To) before the new one starts.",
                        agreement=agreement.name,
                        scheme=first.scheme_id.name,
                        level=first._level_label(),
                        first=first._validity_label(),
                        second=second._validity_label(),
                    )
                )

    @api.constrains("line_ids", "municipality_id", "company_id", "active")
    def _check_one_agreement_per_scheme(self):
        for agreement in self.filtered("active"):
            others = self.search(
                [
                    ("id", "!=", agreement.id),
                    ("municipality_id", "=", agreement.municipality_id.id),
                    ("company_id", "=", agreement.company_id.id),
                    ("scheme_ids", "in", agreement.line_ids.scheme_id.ids),
                ],
                limit=1,
            )
            if others:
                schemes = others.scheme_ids & agreement.line_ids.scheme_id
                raise ValidationError(
                    self.env._(
                        "%(municipality)s already pays for %(schemes)s under the "
                        "agreement %(other)s: add the prices there or archive it.",
                        municipality=agreement.municipality_id.name,
                        schemes=", ".join(schemes.mapped("name")),
                        other=others.name,
                    )
                )

    @api.constrains("factor_ids")
    def _check_factor_overlap(self):
        for agreement in self:
            rows = sorted(agreement.factor_ids, key=lambda f: f.min_days)
            for row, following in zip(rows, rows[1:], strict=False):
                if following.min_days <= row.max_days:
                    raise ValidationError(
                        self.env._(
                            "Agreement %(agreement)s: the part-time factors for "
                            "%(a)s and %(b)s days a week overlap.",
                            agreement=agreement.name,
                            a=row._days_label(),
                            b=following._days_label(),
                        )
                    )

    @api.constrains("invoice_partner_id", "require_ean")
    def _check_ean(self):
        for agreement in self:
            if agreement.require_ean and not agreement._has_valid_ean():
                raise ValidationError(
                    self.env._(
                        "Agreement %(agreement)s requires an EAN number, but "
                        "%(partner)s has no EAN/GLN location number (Peppol endpoint "
                        "with scheme 0088).",
                        agreement=agreement.name,
                        partner=agreement.invoice_partner_id.display_name,
                    )
                )

    @api.constrains("order_ref", "personreference")
    def _check_order_ref(self):
        for agreement in self:
            if billing.looks_like_cpr(agreement.order_ref) or billing.looks_like_cpr(
                agreement.personreference
            ):
                raise ValidationError(
                    self.env._(
                        "The order number or personreference of %(agreement)s looks "
                        "like a CPR number. "
                        "Invoices carry the municipality's references, never a CPR "
                        "number.",
                        agreement=agreement.name,
                    )
                )

    # ------------------------------------------------------------------ helpers
    def _get_oioubl_missing(self):
        """What the receiving unit lacks for a valid OIOUBL invoice, as labels a
        manager understands: the structured Danish address (street with building
        number, postcode, city, country), the CVR number and, where required, a
        13-digit EAN/GLN. An empty list when nothing is missing."""
        self.ensure_one()
        partner = self.invoice_partner_id
        commercial = partner.commercial_partner_id
        missing = []
        if not street_split(partner.street or "").get("street_number"):
            missing.append(self.env._("street and building number"))
        if not partner.zip:
            missing.append(self.env._("postcode"))
        if not partner.city:
            missing.append(self.env._("city"))
        if not partner.country_id:
            missing.append(self.env._("country"))
        if not commercial.vat:
            missing.append(self.env._("CVR number (Tax ID)"))
        if self.require_ean and not self._has_valid_ean():
            missing.append(
                self.env._("EAN/GLN location number (13 digits, scheme 0088)")
            )
        return missing

    def _has_valid_ean(self):
        self.ensure_one()
        partner = self.invoice_partner_id
        return partner.peppol_eas == "0088" and identifiers.is_valid_gln(
            partner.peppol_endpoint
        )

    def _part_time_factor(self, days_per_week):
        self.ensure_one()
        return billing.part_time_factor(
            days_per_week,
            [(f.min_days, f.max_days, f.percent) for f in self.factor_ids],
        )

    def _find_price_line(self, scheme, level, day):
        """The price line for ``scheme`` and rate ``level`` valid on ``day``."""
        self.ensure_one()
        lines = [
            billing.PriceLine(
                line, scheme.id, line.rate_level, line.date_from, line.date_to
            )
            for line in self.line_ids
            if line.scheme_id == scheme
        ]
        found = billing.select_price(lines, day, level)
        return found.ident if found else self.env["social.agreement.line"]

    def action_view_billing_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_billing_line_action"
        )
        action["domain"] = [("agreement_id", "=", self.id)]
        return action

    # -------------------------------------------------------------- privacy
    privacy_role = fields.Selection(
        PRIVACY_ROLES,
        "Our Role (GDPR)",
        required=True,
        default="controller",
        tracking=True,
        help="For the people this municipality places: does the enterprise decide "
        "about their data (controller), or does it process it on the "
        "municipality's instructions (processor, with a data processing "
        "agreement)? As processor, retention, deletion and export follow the "
        "municipality, and names may go into its reports.",
    )
    privacy_retention_months = fields.Integer(
        "Retention Required (months)",
        tracking=True,
        help="Months the municipality requires the health data of the people it "
        "placed to be kept after their last placement and support end. Empty: the "
        "enterprise's retention rule. Name and CPR are never kept shorter than the "
        "bookkeeping law requires.",
    )
    privacy_terms = fields.Char(
        "Data Processing Agreement",
        help="Reference of the data processing agreement (databehandleraftale).",
    )

    @api.constrains("privacy_retention_months")
    def _check_privacy_retention_months(self):
        for agreement in self:
            if agreement.privacy_retention_months < 0:
                raise ValidationError(
                    self.env._(
                        "%(agreement)s: a retention period cannot be negative.",
                        agreement=agreement.name,
                    )
                )
