from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain
from odoo.tools.misc import format_amount, format_date

from ..tools import billing

CLAIM_STATES = [
    ("draft", "Draft"),
    ("claimed", "Claimed"),
    ("received", "Received"),
    ("cancel", "Cancelled"),
]


class SocialSubsidyClaim(models.Model):
    """What the enterprise claims from one municipality for one month as employer:
    løntilskud and skånejob subsidies (hours × the scheme's dated hourly rate, within
    the scheme's cap on the wage cost) and refunds for flexjobs from before 2013.

    Confirming books the claim as a receivable from the municipality (a journal
    entry tagged with the wage-subsidies revenue stream); what the municipality pays
    is reconciled against it, so expected and received amounts stay side by side.
    """

    _name = "social.subsidy.claim"
    _description = "Subsidy Claim"
    _inherit = ["mail.thread"]
    _order = "period_start desc, municipality_id"
    _check_company_auto = True

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    municipality_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        domain=[("is_municipality", "=", True)],
    )
    period_start = fields.Date("Month", required=True)
    period_end = fields.Date(
        "Month End", compute="_compute_period_end", store=True, precompute=True
    )
    run_id = fields.Many2one(
        "social.billing.run", "Billing Run", index="btree_not_null", copy=False
    )
    line_ids = fields.One2many("social.subsidy.claim.line", "claim_id", "Lines")
    amount_expected = fields.Monetary(
        "Expected", compute="_compute_amount_expected", store=True
    )
    amount_received = fields.Monetary("Received", compute="_compute_state", store=True)
    date = fields.Date("Claim Date", default=fields.Date.context_today, required=True)
    journal_id = fields.Many2one(
        "account.journal",
        check_company=True,
        domain=[("type", "=", "general")],
        compute="_compute_accounting",
        store=True,
        readonly=False,
    )
    account_id = fields.Many2one(
        "account.account",
        "Income Account",
        check_company=True,
        compute="_compute_accounting",
        store=True,
        readonly=False,
        help="Where the subsidies are booked as income; by default the Danish "
        "chart's 'Public subsidies' account.",
    )
    move_id = fields.Many2one(
        "account.move",
        "Journal Entry",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
    )
    state = fields.Selection(
        CLAIM_STATES,
        compute="_compute_state",
        store=True,
        tracking=True,
        default="draft",
    )

    _month_unique = models.UniqueIndex(
        "(company_id, municipality_id, period_start) WHERE state != 'cancel'",
        "There is already a subsidy claim for this municipality and month.",
    )

    @api.depends("period_start")
    def _compute_period_end(self):
        for claim in self:
            claim.period_end = (
                billing.month_bounds(claim.period_start)[1]
                if claim.period_start
                else False
            )

    @api.depends("line_ids.amount")
    def _compute_amount_expected(self):
        for claim in self:
            claim.amount_expected = billing.round_money(
                sum(claim.line_ids.mapped("amount"))
            )

    @api.depends("company_id")
    def _compute_accounting(self):
        for claim in self:
            template = self.env["account.chart.template"].with_company(claim.company_id)
            claim.journal_id = claim.journal_id or self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(
                        claim.company_id
                    ),
                    ("type", "=", "general"),
                ],
                limit=1,
            )
            claim.account_id = claim.account_id or template.ref(
                "dk_coa_1545", raise_if_not_found=False
            )

    @api.depends("move_id.state", "move_id.line_ids.amount_residual", "amount_expected")
    def _compute_state(self):
        for claim in self:
            move = claim.move_id
            receivable = move.line_ids.filtered(
                lambda line: line.account_id.account_type == "asset_receivable"
            )
            if not move:
                claim.state = "draft"
                claim.amount_received = 0.0
            elif move.state == "cancel":
                claim.state = "cancel"
                claim.amount_received = 0.0
            else:
                residual = sum(receivable.mapped("amount_residual"))
                claim.amount_received = claim.amount_expected - residual
                received = move.state == "posted" and claim.currency_id.is_zero(
                    residual
                )
                claim.state = "received" if received else "claimed"

    @api.depends("name", "municipality_id", "period_start")
    def _compute_display_name(self):
        for claim in self:
            month = (
                format_date(self.env, claim.period_start, date_format="MMMM y")
                if claim.period_start
                else ""
            )
            claim.display_name = (
                f"{claim.name} {claim.municipality_id.name or ''} {month}".strip()
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("period_start"):
                vals["period_start"] = billing.month_bounds(
                    fields.Date.to_date(vals["period_start"])
                )[0]
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("social.subsidy.claim") or "/"
                )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(claim.move_id for claim in self):
            raise UserError(
                self.env._("A claim booked as a receivable cannot be deleted.")
            )

    # --------------------------------------------------------------- generation
    @api.model
    def _get_placements_to_claim_domain(self, company, month_start, municipalities):
        """Placements that bring the employer a subsidy or a refund in the month."""
        month_end = billing.month_bounds(month_start)[1]
        domain = Domain(
            [
                ("company_id", "=", company.id),
                ("municipality_id", "!=", False),
                ("scheme_id.payment_flow", "in", ("wage_subsidy", "wage_refund")),
            ]
        ) & self.env["social.placement"]._get_running_domain(month_start, month_end)
        if municipalities:
            domain &= Domain("municipality_id", "in", municipalities.ids)
        return domain

    @api.model
    def _get_paid_hours(self, employees, month_start, month_end):
        """{employee id: {day: hours}} from Attendances, one query.

        Attendance is HR data: read with sudo, only these sums."""
        return (
            self.env["hr.attendance"]
            .sudo()
            ._get_hours_by_day(employees, month_start, month_end)
        )

    @api.model
    def _get_prior_claimed(self, placements, month_start):
        """{placement id: (wage cost, claimed)} over the 11 months before the month,
        for caps counted over a year. Draft and booked claims count."""
        groups = self.env["social.subsidy.claim.line"]._read_group(
            [
                ("placement_id", "in", placements.ids),
                ("claim_id.state", "!=", "cancel"),
                ("claim_id.period_start", ">=", month_start - relativedelta(months=11)),
                ("claim_id.period_start", "<", month_start),
            ],
            ["placement_id"],
            ["wage_cost:sum", "amount:sum"],
        )
        return {placement.id: (cost, amount) for placement, cost, amount in groups}

    @api.model
    def _generate_claims(self, company, period_start, municipalities=None, run=None):
        """Create or refresh the draft claims of a month; booked claims are left
        alone. Returns the claims of the month."""
        month_start, month_end = billing.month_bounds(period_start)
        municipalities = municipalities or self.env["res.partner"]
        placements = self.env["social.placement"].search(
            self._get_placements_to_claim_domain(company, month_start, municipalities)
        )
        existing = self.search(
            [
                ("company_id", "=", company.id),
                ("period_start", "=", month_start),
                ("state", "!=", "cancel"),
            ]
        )
        by_municipality = {claim.municipality_id: claim for claim in existing}
        hours = self._get_paid_hours(placements.employee_id, month_start, month_end)
        # The hourly wage cost is HR data (hr.group_hr_user): read with sudo.
        costs = {
            employee.id: employee.hourly_cost
            for employee in placements.employee_id.sudo()
        }
        prior = self._get_prior_claimed(placements, month_start)
        new_vals, claims = [], self.browse()
        for municipality, group in placements.grouped("municipality_id").items():
            line_vals = [
                vals
                for placement in group
                if (
                    vals := self._prepare_claim_line_vals(
                        placement,
                        month_start,
                        hours.get(placement.employee_id.id, {}),
                        costs.get(placement.employee_id.id, 0.0),
                        prior.get(placement.id, (0.0, 0.0)),
                    )
                )
            ]
            claim = by_municipality.get(municipality)
            if claim and claim.state != "draft":
                claims |= claim
                continue
            if claim:
                claim.write(
                    {
                        "line_ids": [Command.clear()]
                        + [Command.create(v) for v in line_vals],
                        "run_id": run.id if run else claim.run_id.id,
                    }
                )
                claims |= claim
            elif line_vals:
                new_vals.append(
                    {
                        "company_id": company.id,
                        "municipality_id": municipality.id,
                        "period_start": month_start,
                        "run_id": run.id if run else False,
                        "line_ids": [Command.create(v) for v in line_vals],
                    }
                )
        return claims | self.create(new_vals)

    @api.model
    def _prepare_claim_line_vals(
        self, placement, month_start, hours, hourly_cost, prior
    ):
        """Values of the claim line of ``placement`` for the month, or None when the
        person worked no hours in it."""
        month_end = billing.month_bounds(month_start)[1]
        span = self.env["social.billing.line"]._get_placement_span(
            placement, month_start
        )
        days = {d: h for d, h in hours.items() if span and span[0] <= d <= span[1]}
        total_hours = round(sum(days.values()), 2)
        if not total_hours:
            return None
        scheme = placement.scheme_id
        refund = scheme.payment_flow == "wage_refund"
        gross, rates, missing = 0.0, set(), []
        for day, day_hours in sorted(days.items()):
            rate = self._get_subsidy_rate(placement, day)
            if rate is None:
                missing.append(day)
                continue
            rates.add(rate)
            gross += day_hours * rate
        gross = billing.round_money(gross)
        wage_cost = billing.round_money(total_hours * hourly_cost)
        cap_share = scheme._get_rate("subsidy_cap_share", month_end).amount
        cap = False
        if cap_share and hourly_cost:
            if scheme.subsidy_cap_period == "year":
                cap = cap_share / 100.0 * (wage_cost + prior[0]) - prior[1]
            else:
                cap = cap_share / 100.0 * wage_cost
            cap = billing.round_money(max(cap, 0.0))
        amount = min(gross, cap) if cap is not False else gross
        return {
            "placement_id": placement.id,
            "scheme_id": scheme.id,
            "claim_type": "refund" if refund else "hourly_subsidy",
            "hours": total_hours,
            "rate": max(rates) if len(rates) == 1 else 0.0,
            "gross_amount": gross,
            "hourly_cost": hourly_cost,
            "wage_cost": wage_cost,
            "cap_share": cap_share,
            "cap_amount": cap if cap is not False else 0.0,
            "cap_checked": bool(not cap_share or hourly_cost),
            "amount": amount,
            "person_ref": False
            if billing.looks_like_cpr(placement.person_ref)
            else placement.person_ref,
            "explanation": self._explain_claim_line(
                placement, total_hours, rates, gross, wage_cost, cap_share, cap, amount,
                missing,
            ),
        }  # fmt: skip

    @api.model
    def _get_subsidy_rate(self, placement, day):
        """What the employer receives per paid hour on ``day``, or None without a
        rate: the hourly subsidy, or for refund schemes (old flexjob) the refund
        share of the lowest collective hourly wage."""
        scheme = placement.scheme_id
        if scheme.payment_flow == "wage_refund":
            share = scheme._get_rate("refund_share", day)
            wage = scheme._get_rate("minimum_wage", day)
            if not share or not wage:
                return None
            return billing.round_money(wage.amount * share.amount / 100.0)
        rate = scheme._get_rate("hourly_subsidy", day)
        return rate.amount if rate else None

    @api.model
    def _explain_claim_line(
        self, placement, hours, rates, gross, wage_cost, share, cap, amount, missing
    ):
        scheme = placement.scheme_id
        money = self.env.company.currency_id

        def fmt(value):
            return format_amount(self.env, value, money)

        if scheme.payment_flow == "wage_refund":
            text = self.env._(
                "%(hours)s paid hours × refund per hour %(rates)s (share of the lowest "
                "collective hourly wage) = %(gross)s.",
                hours=hours,
                rates=" / ".join(fmt(r) for r in sorted(rates)) or "-",
                gross=fmt(gross),
            )
        else:
            text = self.env._(
                "%(hours)s paid hours × %(rates)s per hour = %(gross)s.",
                hours=hours,
                rates=" / ".join(fmt(r) for r in sorted(rates)) or "-",
                gross=fmt(gross),
            )
        if missing:
            text += " " + self.env._(
                "No rate on %(days)s: those hours are not claimed.",
                days=", ".join(format_date(self.env, d) for d in missing[:5]),
            )
        if share and cap is False:
            text += " " + self.env._(
                "Cap of %(share)s %% of the wage cost NOT checked: the person has no "
                "hourly cost.",
                share=share,
            )
        elif share:
            period = (
                self.env._("over 12 months")
                if scheme.subsidy_cap_period == "year"
                else self.env._("this month")
            )
            text += " " + self.env._(
                "Wage cost %(cost)s; cap %(share)s %% %(period)s leaves %(cap)s; "
                "claimed %(amount)s.",
                cost=fmt(wage_cost),
                share=share,
                period=period,
                cap=fmt(cap),
                amount=fmt(amount),
            )
        return text

    # ------------------------------------------------------------------ actions
    def action_confirm(self):
        """Book the claims as receivables from the municipalities."""
        for claim in self:
            claim._check_can_confirm()
        moves = self.env["account.move"].create(
            [claim._prepare_move_vals() for claim in self]
        )
        for claim, move in zip(self, moves, strict=True):
            claim.move_id = move
        moves.action_post()
        return True

    def _check_can_confirm(self):
        self.ensure_one()
        if self.move_id:
            raise UserError(
                self.env._("%(claim)s is already booked.", claim=self.display_name)
            )
        if not self.line_ids or not self.amount_expected:
            raise UserError(
                self.env._("%(claim)s claims nothing.", claim=self.display_name)
            )
        unchecked = self.line_ids.filtered(lambda line: not line.cap_checked)
        if unchecked:
            raise UserError(
                self.env._(
                    "%(claim)s: set the hourly cost of %(people)s (Employees ▸ HR "
                    "settings) so that the cap on the subsidy can be checked.",
                    claim=self.display_name,
                    people=", ".join(unchecked.placement_id.mapped("name")),
                )
            )
        if not self.journal_id or not self.account_id:
            raise UserError(
                self.env._(
                    "%(claim)s: choose the journal and the income account.",
                    claim=self.display_name,
                )
            )

    def _prepare_move_vals(self):
        """A journal entry: receivable from the municipality against subsidy
        income, each line tagged with the wage-subsidies revenue stream."""
        self.ensure_one()
        partner = self.municipality_id.with_company(self.company_id)
        stream = self.env["account.analytic.account"]._get_revenue_stream_account(
            "wage_subsidy", self.company_id
        )
        month = format_date(self.env, self.period_start, date_format="MMMM y")
        income_lines = [
            Command.create(
                {
                    "name": line._get_entry_label(month),
                    "account_id": self.account_id.id,
                    "partner_id": partner.id,
                    "credit": line.amount,
                    "analytic_distribution": {str(stream.id): 100.0}
                    if stream
                    else False,
                }
            )
            for line in self.line_ids
            if line.amount
        ]
        return {
            "move_type": "entry",
            "company_id": self.company_id.id,
            "journal_id": self.journal_id.id,
            "date": self.date,
            "ref": self.env._(
                "Subsidy claim %(name)s, %(month)s", name=self.name, month=month
            ),
            "line_ids": [
                Command.create(
                    {
                        "name": self.env._(
                            "Subsidy claim %(name)s, %(month)s",
                            name=self.name,
                            month=month,
                        ),
                        "account_id": partner.property_account_receivable_id.id,
                        "partner_id": partner.id,
                        "debit": self.amount_expected,
                        "date_maturity": self.date + relativedelta(days=30),
                    }
                ),
                *income_lines,
            ],
        }

    def action_reset_draft(self):
        for claim in self:
            move = claim.move_id
            if move and move.line_ids.filtered("reconciled"):
                raise UserError(
                    self.env._(
                        "%(claim)s is (partly) received: unreconcile the payment "
                        "first.",
                        claim=claim.display_name,
                    )
                )
        moves = self.move_id
        self.move_id = False
        # Draft entries are deleted, posted ones reversed (audit trail).
        moves._unlink_or_reverse()
        return True

    def action_refresh(self):
        """Recompute the draft claims from the current hours and rates."""
        for claim in self:
            if claim.state != "draft":
                raise UserError(
                    self.env._(
                        "%(claim)s is booked: reset it to draft to recompute it.",
                        claim=claim.display_name,
                    )
                )
            self._generate_claims(
                claim.company_id, claim.period_start, claim.municipality_id
            )
        return True

    def _action_open(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_subsidy_claim_action"
        )
        action["domain"] = [("id", "in", self.ids)]
        return action
