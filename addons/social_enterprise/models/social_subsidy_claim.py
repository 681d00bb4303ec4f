from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain
from odoo.tools.misc import format_amount, format_date

from ..tools import billing, subsidy

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

    correction_of_id = fields.Many2one(
        "social.subsidy.claim",
        "Corrects",
        readonly=True,
        index="btree_not_null",
        copy=False,
        help="A month already claimed is corrected by a claim of the difference.",
    )
    correction_ids = fields.One2many(
        "social.subsidy.claim", "correction_of_id", "Corrections"
    )

    _month_unique = models.UniqueIndex(
        "(company_id, municipality_id, period_start) "
        "WHERE state != 'cancel' AND correction_of_id IS NULL",
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
    def _get_attended_hours(self, employees, month_start, month_end):
        """{employee id: {day: hours}} from Attendances, one query: shown beside the
        paid hours as a plausibility check, never the basis of a claim.

        Attendance is HR data: read with sudo, only these sums."""
        return (
            self.env["hr.attendance"]
            .sudo()
            ._get_hours_by_day(employees, month_start, month_end)
        )

    @api.model
    def _get_prior_claimed(self, placements, month_start):
        """{placement id: (wage cost, claimed)} earlier in the placement's year of
        employment (from its start), for caps counted over a year. Draft, booked and
        correction claims count; the month itself does not."""
        groups = self.env["social.subsidy.claim.line"]._read_group(
            [
                ("placement_id", "in", placements.ids),
                ("claim_id.state", "!=", "cancel"),
                ("claim_id.period_start", ">=", month_start - relativedelta(months=12)),
                ("claim_id.period_start", "<", month_start),
            ],
            ["placement_id", "claim_id.period_start:month"],
            ["wage_cost:sum", "amount:sum"],
        )
        prior = {}
        for placement, month, cost, amount in groups:
            year = subsidy.cap_year_start(placement.date_start, month_start)
            if subsidy.cap_year_start(placement.date_start, month) == year:
                old = prior.get(placement.id, (0.0, 0.0))
                prior[placement.id] = (old[0] + cost, old[1] + amount)
        return prior

    @api.model
    def _generate_claims(self, company, period_start, municipalities=None, run=None):
        """Create or refresh the draft claims of a month. A month already claimed is
        not rewritten: the difference goes into a correction claim. Returns the
        claims of the month (corrections included)."""
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
                ("correction_of_id", "=", False),
            ]
        )
        by_municipality = {claim.municipality_id: claim for claim in existing}
        wages = self.env["social.wage.period"]._get_by_employee(
            placements.employee_id, month_start
        )
        attended = self._get_attended_hours(
            placements.employee_id, month_start, month_end
        )
        prior = self._get_prior_claimed(placements, month_start)
        employer = company._get_employer_status(month_end)
        new_vals, claims = [], self.browse()
        for municipality, group in placements.grouped("municipality_id").items():
            claim_self = self.with_context(lang=municipality.lang or self.env.lang)
            line_vals = [
                vals
                for placement in group
                if (
                    vals := claim_self._prepare_claim_line_vals(
                        placement,
                        month_start,
                        wages.get(placement.employee_id.id),
                        attended.get(placement.employee_id.id, {}),
                        prior.get(placement.id, (0.0, 0.0)),
                        employer,
                    )
                )
            ]
            claim = by_municipality.get(municipality)
            if claim and claim.state != "draft":
                correction = claim._correct(line_vals, run)
                claims |= claim | correction
                claims |= claim.correction_ids.filtered(lambda c: c.state != "cancel")
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

    def _correct(self, line_vals, run=None):
        """The draft correction of a booked claim: per placement, what it should be
        minus what was claimed (the claim and its earlier corrections). Returns the
        correction claim, or an empty recordset when nothing changed."""
        self.ensure_one()
        done = self | self.correction_ids.filtered(
            lambda c: c.state not in ("draft", "cancel")
        )
        draft = self.correction_ids.filtered(lambda c: c.state == "draft")[:1]
        claimed = defaultdict(lambda: defaultdict(float))
        for line in done.line_ids:
            for name in ("hours", "wage_cost", "amount"):
                claimed[line.placement_id.id][name] += line[name]
        wanted = {vals["placement_id"]: vals for vals in line_vals}
        diffs = []
        for placement_id in set(wanted) | set(claimed):
            vals = dict(wanted.get(placement_id) or {})
            old = claimed.get(placement_id, {})
            amount = billing.round_money(
                vals.get("amount", 0.0) - old.get("amount", 0.0)
            )
            if self.currency_id.is_zero(amount):
                continue
            if not vals:
                placement = self.env["social.placement"].browse(placement_id)
                vals = {
                    "placement_id": placement_id,
                    "scheme_id": placement.scheme_id.id,
                    "claim_type": "hourly_subsidy",
                    "explanation": "",
                }
            vals.update(
                hours=round(vals.get("hours", 0.0) - old.get("hours", 0.0), 2),
                wage_cost=billing.round_money(
                    vals.get("wage_cost", 0.0) - old.get("wage_cost", 0.0)
                ),
                amount=amount,
                gross_amount=amount,
                cap_checked=vals.get("cap_checked", True),
                explanation=self._explain_correction(
                    vals.get("amount", 0.0), old.get("amount", 0.0), amount
                )
                + " "
                + (vals.get("explanation") or ""),
            )
            diffs.append(vals)
        if draft:
            draft.write(
                {"line_ids": [Command.clear()] + [Command.create(v) for v in diffs]}
            )
            return draft
        if not diffs:
            return self.browse()
        return self.create(
            {
                "company_id": self.company_id.id,
                "municipality_id": self.municipality_id.id,
                "period_start": self.period_start,
                "correction_of_id": self.id,
                "run_id": run.id if run else False,
                "line_ids": [Command.create(v) for v in diffs],
            }
        )

    def _explain_correction(self, now, before, difference):
        money = self.currency_id

        def fmt(value):
            return format_amount(self.env, value, money)

        return self.env._(
            "Correction of %(claim)s: now %(now)s, already claimed %(before)s, "
            "difference %(diff)s.",
            claim=self.name,
            now=fmt(now),
            before=fmt(before),
            diff=fmt(difference),
        )

    @api.model
    def _prepare_claim_line_vals(
        self, placement, month_start, wage, attended, prior, employer
    ):
        """Values of the claim line of ``placement`` for the month from its wage
        basis ``wage``, or None when there is nothing to claim or report."""
        month_end = billing.month_bounds(month_start)[1]
        span = self.env["social.billing.line"]._get_placement_span(
            placement, month_start
        )
        if not span:
            return None
        attended_hours = round(
            sum(h for d, h in attended.items() if span[0] <= d <= span[1]), 2
        )
        if not wage and not attended_hours:
            return None
        day = min(span[1], month_end)
        kind = employer.employer_kind or "private"
        scheme = placement.scheme_id
        rate_scheme = placement._get_subsidy_scheme(kind)
        refund = scheme.payment_flow == "wage_refund"
        hours = wage.subsidy_hours if wage else 0.0
        wage_cost = wage.wage_cost if wage else 0.0
        rate = self._get_subsidy_rate(placement, day, kind)
        cap_line = rate_scheme._get_rate("subsidy_cap_share", day, kind)
        cap_share = cap_line.amount if cap_line else None
        gross, cap, amount = subsidy.hourly_claim(
            hours,
            rate or 0.0,
            wage_cost,
            cap_share,
            prior_cost=prior[0] if rate_scheme.subsidy_cap_period == "year" else 0.0,
            prior_claimed=prior[1] if rate_scheme.subsidy_cap_period == "year" else 0.0,
        )
        checked = bool(wage) and (cap_share is None or bool(wage_cost))
        if not checked:
            amount = 0.0
        return {
            "placement_id": placement.id,
            "scheme_id": rate_scheme.id,
            "claim_type": "refund" if refund else "hourly_subsidy",
            "wage_period_id": wage.id if wage else False,
            "hours": hours,
            "attended_hours": attended_hours,
            "rate": rate or 0.0,
            "gross_amount": gross,
            "hourly_cost": billing.round_money(wage_cost / hours) if hours else 0.0,
            "wage_cost": wage_cost,
            "cap_share": cap_share or 0.0,
            "cap_amount": cap or 0.0,
            "cap_checked": checked,
            "employer_kind": kind,
            "amount": amount,
            "person_ref": False
            if billing.looks_like_cpr(placement.person_ref)
            else placement.person_ref,
            "explanation": self._explain_claim_line(
                placement, wage, rate, gross, cap_share, cap, amount, prior,
                attended_hours, employer,
            ),
        }  # fmt: skip

    @api.model
    def _get_subsidy_rate(self, placement, day, employer_kind="private"):
        """What the employer receives per paid hour on ``day``, or None without a
        rate: the hourly subsidy of the scheme for this kind of employer, or for an
        old flexjob the refund share of the lowest collective hourly wage, at most
        the dated maximum hourly wage base."""
        scheme = placement._get_subsidy_scheme(employer_kind)
        if scheme.payment_flow == "wage_refund":
            share = placement._get_refund_share(day)
            wage = placement.collective_minimum_wage or (
                scheme._get_rate("minimum_wage", day).amount
            )
            if not share or not wage:
                return None
            ceiling = scheme._get_rate("refund_wage_ceiling", day).amount
            return subsidy.refund_rate(wage, ceiling, share)
        rate = scheme._get_rate("hourly_subsidy", day, employer_kind)
        return rate.amount if rate else None

    @api.model
    def _explain_claim_line(
        self, placement, wage, rate, gross, share, cap, amount, prior, attended,
        employer,
    ):  # fmt: skip
        """The arithmetic of a claim line in words, in the municipality's language."""
        scheme = placement.scheme_id
        money = self.env.company.currency_id

        def fmt(value):
            return format_amount(self.env, value, money)

        if not wage:
            return self.env._(
                "No wage basis for the month (%(attended)s hours attended): enter or "
                "import the payroll before claiming.",
                attended=attended,
            )
        parts = [
            self.env._(
                "Paid hours %(paid)s + paid absence %(absence)s − refunded hours "
                "%(refunded)s = %(hours)s hours.",
                paid=wage.paid_hours,
                absence=wage.absence_hours,
                refunded=wage.refund_hours,
                hours=wage.subsidy_hours,
            )
        ]
        if scheme.payment_flow == "wage_refund":
            parts.append(
                self.env._(
                    "%(hours)s hours × refund %(rate)s per hour (%(share)s of the "
                    "lowest collective hourly wage, at most the maximum hourly wage "
                    "base) = %(gross)s.",
                    hours=wage.subsidy_hours,
                    rate=fmt(rate or 0.0),
                    share=dict(
                        placement._fields["refund_share"]._description_selection(
                            self.env
                        )
                    ).get(placement._get_refund_share(wage.period_start), "-"),
                    gross=fmt(gross),
                )
            )
        else:
            parts.append(
                self.env._(
                    "%(hours)s hours × %(rate)s per hour (%(kind)s) = %(gross)s.",
                    hours=wage.subsidy_hours,
                    rate=fmt(rate or 0.0),
                    kind=self.env._("public employer")
                    if employer.employer_kind == "public"
                    else self.env._("private employer"),
                    gross=fmt(gross),
                )
            )
        if rate is None:
            parts.append(self.env._("No rate in force: nothing is claimed."))
        if share is not None:
            parts.append(
                self.env._(
                    "Wage cost %(cost)s (wage, holiday pay, pension, ATP, minus "
                    "refunds); earlier this year of employment %(prior_cost)s wage "
                    "cost and %(prior)s claimed; cap %(share)s %% leaves %(cap)s.",
                    cost=fmt(wage.wage_cost),
                    prior_cost=fmt(prior[0]),
                    prior=fmt(prior[1]),
                    share=share,
                    cap=fmt(cap or 0.0),
                )
            )
            if not wage.wage_cost:
                parts.append(self.env._("No wage cost: the cap cannot be checked."))
        parts.append(self.env._("Claimed %(amount)s.", amount=fmt(amount)))
        total = round(wage.paid_hours + wage.absence_hours, 2)
        if attended and abs(attended - total) > max(0.1 * total, 1.0):
            parts.append(
                self.env._(
                    "Check: %(attended)s hours attended against %(paid)s hours paid.",
                    attended=attended,
                    paid=total,
                )
            )
        return " ".join(parts)

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
        if not self.line_ids or self.currency_id.is_zero(self.amount_expected):
            raise UserError(
                self.env._("%(claim)s claims nothing.", claim=self.display_name)
            )
        unchecked = self.line_ids.filtered(lambda line: not line.cap_checked)
        if unchecked:
            raise UserError(
                self.env._(
                    "%(claim)s: enter or import the wage basis (paid hours and wage "
                    "cost) of %(people)s for the month so that the claim and its "
                    "cap can be checked.",
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
                    "balance": -line.amount,
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
                        "balance": self.amount_expected,
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
