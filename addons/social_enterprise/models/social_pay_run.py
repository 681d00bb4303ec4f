from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command, Domain
from odoo.tools import format_date

from ..tools import billing, pay

RUN_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("exported", "Exported"),
]
BOOKING_GROUPS = (
    "social_enterprise.social_enterprise_group_manager",
    "account.group_account_user",
)


class SocialPayRun(models.Model):
    """A month of pay for the §103 participants of one company.

    1. ``_get_run`` finds or creates the one run of a company and month.
    2. ``action_compute`` derives what each participant is owed
       (``_prepare_expected``: attended hours × the pay basis, effort units × the unit
       rate, transport per attended day) and keeps one open line per person and pay
       type for the difference to what is already booked: computing twice changes
       nothing, a correction after booking is a difference line.
    3. ``action_confirm`` books the open lines in one journal entry
       (``_prepare_move_vals``) on the participants' accounts and revenue stream.
    4. The pay-basis export (``social.payroll.export.wizard``) hands the booked lines
       to the payroll system and marks the run exported.
    """

    _name = "social.pay.run"
    _description = "Participant Pay Run"
    _inherit = ["mail.thread"]
    _order = "period_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period_start = fields.Date(
        "Month", required=True, help="Any day of the month; stored as its first day."
    )
    period_end = fields.Date(compute="_compute_period_end", store=True)
    date = fields.Date(
        "Booking Date", help="Date of the journal entry; the month's last day if empty."
    )
    state = fields.Selection(
        RUN_STATES, required=True, default="draft", tracking=True, copy=False
    )
    line_ids = fields.One2many("social.pay.line", "run_id", "Lines")
    journal_id = fields.Many2one(
        "account.journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        default=lambda self: self._default_from_last_run("journal_id"),
    )
    expense_account_id = fields.Many2one(
        "account.account",
        "Pay Expense Account",
        check_company=True,
        default=lambda self: self._default_from_last_run("expense_account_id"),
        help="Participants' pay (arbejdsdusør), kept apart from staff wages.",
    )
    transport_account_id = fields.Many2one(
        "account.account",
        "Transport Expense Account",
        check_company=True,
        default=lambda self: self._default_from_last_run("transport_account_id"),
    )
    payable_account_id = fields.Many2one(
        "account.account",
        "Pay Payable Account",
        check_company=True,
        default=lambda self: self._default_from_last_run("payable_account_id"),
        help="What is owed to the participants until paid out by the payroll.",
    )
    move_ids = fields.Many2many(
        "account.move", compute="_compute_move_ids", string="Journal Entries"
    )
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    participant_count = fields.Integer(compute="_compute_amount_total", store=True)

    _month_unique = models.UniqueIndex(
        "(company_id, period_start)",
        "A company has one pay run a month: open the existing one.",
    )

    # ------------------------------------------------------------------ defaults
    def _default_from_last_run(self, field):
        last = self.search(
            [("company_id", "=", self.env.company.id), (field, "!=", False)],
            order="period_start desc",
            limit=1,
        )
        return last[field]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("period_start"):
                day = fields.Date.to_date(vals["period_start"])
                vals["period_start"] = day.replace(day=1)
        return super().create(vals_list)

    # ------------------------------------------------------------------ computes
    @api.depends("period_start")
    def _compute_name(self):
        for run in self:
            run.name = (
                self.env._(
                    "Pay %(month)s",
                    month=format_date(self.env, run.period_start, date_format="MMMM y"),
                )
                if run.period_start
                else False
            )

    @api.depends("period_start")
    def _compute_period_end(self):
        for run in self:
            run.period_end = (
                billing.month_bounds(run.period_start)[1] if run.period_start else False
            )

    @api.depends("line_ids.move_id")
    def _compute_move_ids(self):
        for run in self:
            run.move_ids = run.line_ids.move_id

    @api.depends("line_ids.amount", "line_ids.employee_id")
    def _compute_amount_total(self):
        for run in self:
            run.amount_total = sum(run.line_ids.mapped("amount"))
            run.participant_count = len(run.line_ids.employee_id)

    # ------------------------------------------------------------------ pipeline
    @api.model
    def _get_run(self, company, month):
        """The pay run of ``company`` for the month of ``month``, created if missing:
        asking twice gives the same run."""
        first = month.replace(day=1)
        run = self.search(
            [("company_id", "=", company.id), ("period_start", "=", first)], limit=1
        )
        return run or self.create({"company_id": company.id, "period_start": first})

    def _get_placements_domain(self):
        self.ensure_one()
        return Domain(
            [
                ("company_id", "=", self.company_id.id),
                ("scheme_type", "=", "sheltered_103"),
                ("state", "in", ("active", "ended")),
                ("date_start", "<=", self.period_end),
            ]
        ) & Domain(
            [
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", self.period_start),
            ]
        )

    def _get_placements(self):
        return self.env["social.placement"].search(self._get_placements_domain())

    def _prepare_expected(self, placements):
        """What each placement is owed for the month:
        ``{(placement_id, pay_type): line values}``.

        Raises a ``UserError`` naming everyone who attended but cannot be paid (no
        pay basis, or a pay below the floor)."""
        self.ensure_one()
        start, end = self.period_start, self.period_end
        hours = placements._get_hours_data(start, end)
        bases = self.env["social.pay.basis"]._get_for_month(placements, start, end)
        units = self.env["social.pay.effort"]._get_effort_units(placements, start, end)
        transports = self.env["social.pay.transport"]._get_for_month(
            placements, start, end
        )
        expected, refused = {}, []
        for placement in placements:
            data = hours.get(placement.id, {})
            if not data.get("attended_hours") and not units.get(placement.id):
                continue
            basis = bases.get(placement.id)
            try:
                vals = self._prepare_pay_vals(
                    placement, basis, data, units.get(placement.id, 0.0)
                )
            except UserError as error:
                refused.append(error.args[0])
                continue
            expected[placement.id, "pay"] = vals
            transport = transports.get(placement.id)
            if transport:
                trans_vals = self._prepare_transport_vals(
                    placement, transport, data, vals["amount"]
                )
                if trans_vals:
                    expected[placement.id, "transport"] = trans_vals
        if refused:
            raise UserError(
                self.env._(
                    "%(run)s cannot be computed:\n%(reasons)s",
                    run=self.display_name,
                    reasons="\n".join(refused),
                )
            )
        return expected

    def _prepare_pay_vals(self, placement, basis, data, units):
        """The pay line of one placement; ``UserError`` (one line of text) if it
        cannot be paid."""
        name = placement.employee_id.name
        if not basis:
            raise UserError(
                self.env._(
                    "%(name)s: no pay basis (work assessment or effort rate) covers "
                    "this month.",
                    name=name,
                )
            )
        wage = basis.trade_wage_id._get_at(self.period_end)
        if not wage:
            raise UserError(
                self.env._(
                    "%(name)s: no lowest wage of %(trade)s is valid this month.",
                    name=name,
                    trade=basis.trade_wage_id.trade,
                )
            )
        hours = data.get("attended_hours", 0.0)
        try:
            if basis.method == "hourly":
                result = pay.hourly_pay(hours, basis.hourly_rate, wage.floor_rate)
                explanation = self.env._(
                    "%(hours).2f attended hours × %(rate).2f kr/h (work assessment "
                    "of %(date)s, capacity %(capacity)s %%)",
                    hours=hours,
                    rate=basis.hourly_rate,
                    date=format_date(self.env, basis.assessment_date),
                    capacity=basis.assessed_capacity,
                )
            else:
                result = pay.effort_pay(
                    units, basis.effort_rate, hours, wage.floor_rate
                )
                explanation = self.env._(
                    "%(units).2f × %(unit)s at %(rate).2f kr (pay by effort)",
                    units=units,
                    unit=basis.effort_unit or self.env._("unit"),
                    rate=basis.effort_rate,
                )
        except ValueError:
            raise UserError(
                self.env._(
                    "%(name)s: the pay is below the floor of %(floor).2f kr an hour "
                    "(%(percent)s %% of the lowest wage of %(trade)s): reassess the "
                    "pay.",
                    name=name,
                    floor=wage.floor_rate,
                    percent=wage.floor_percent,
                    trade=wage.trade,
                )
            ) from None
        return {
            "days": data.get("attended_days", 0.0),
            "hours": hours,
            "quantity": result.quantity,
            "rate": result.rate,
            "amount": result.amount,
            "explanation": explanation,
            "basis_id": basis.id,
        }

    def _prepare_transport_vals(self, placement, transport, data, earnings):
        Rate = self.env["social.pay.transport.rate"]
        rate = Rate._get_at(transport.rate_kind, self.period_end, self.company_id)
        if not rate:
            raise UserError(
                self.env._(
                    "%(name)s: no transport rate for %(kind)s is valid this month.",
                    name=placement.employee_id.name,
                    kind=transport.rate_kind,
                )
            )
        days = int(data.get("attended_days", 0))
        result = pay.transport(
            transport.distance_km,
            rate.rate_per_km,
            days,
            earnings,
            own_km=rate.own_km,
            max_share=rate.max_share_percent,
        )
        if not result.amount:
            return None
        return {
            "days": days,
            "hours": 0.0,
            "quantity": days,
            "rate": 0.0,
            "amount": result.amount,
            "explanation": self.env._(
                "%(days)s attended days × 2 × %(km).1f km × %(rate).2f kr/km = "
                "%(full).2f kr, less your own share %(own).2f kr (the first "
                "%(own_km).0f km each way, at most %(share).0f %% of your earnings)",
                days=days,
                km=transport.distance_km,
                rate=rate.rate_per_km,
                full=result.full_cost,
                own=result.own_share,
                own_km=rate.own_km,
                share=rate.max_share_percent,
            ),
        }

    def action_compute(self):
        """Bring the open lines in line with what is owed (idempotent)."""
        for run in self:
            run._sync_lines(run._prepare_expected(run._get_placements()))
        return True

    def _sync_lines(self, expected):
        """Keep one open line per (placement, pay type) for expected minus booked;
        manual ('other') lines are left alone. A booked run that gets a difference
        line goes back to draft."""
        self.ensure_one()
        Line = self.env["social.pay.line"]
        booked, open_lines = {}, {}
        for line in self.line_ids.filtered(lambda ln: not ln.manual):
            key = (line.placement_id.id, line.pay_type)
            if line.move_id:
                totals = booked.setdefault(key, {"quantity": 0.0, "amount": 0.0})
                totals["quantity"] += line.quantity
                totals["amount"] += line.amount
            else:
                open_lines[key] = open_lines.get(key, Line) | line
        to_create, keep = [], Line
        for key in set(expected) | set(booked):
            vals = dict(expected.get(key) or self._prepare_zero_vals(key))
            done = booked.get(key)
            if done:
                vals = self._prepare_difference_vals(vals, done)
            if not vals:
                continue
            existing = open_lines.get(key, Line)[:1]
            if existing:
                existing.write(vals)
                keep |= existing
            else:
                to_create.append(
                    dict(vals, run_id=self.id, placement_id=key[0], pay_type=key[1])
                )
        stale = Line.union(*open_lines.values()) - keep
        stale.unlink()
        created = Line.create(to_create)
        if (created or stale) and self.state != "draft":
            self.state = "draft"
        return created

    def _prepare_zero_vals(self, key):
        return {
            "days": 0.0,
            "hours": 0.0,
            "quantity": 0.0,
            "rate": 0.0,
            "amount": 0.0,
            "explanation": "",
        }

    def _prepare_difference_vals(self, vals, booked):
        """The difference line to what is already booked, or None if nothing is."""
        amount = billing.round_money(vals["amount"] - booked["amount"])
        if not amount:
            return None
        return dict(
            vals,
            quantity=vals["quantity"] - booked["quantity"],
            amount=amount,
            is_correction=True,
            explanation=self.env._(
                "Correction: %(new).2f kr owed, %(old).2f kr already booked. %(why)s",
                new=vals["amount"],
                old=booked["amount"],
                why=vals.get("explanation") or "",
            ),
        )

    # ------------------------------------------------------------------ booking
    def _check_booking_rights(self):
        if not any(self.env.user.has_group(g) for g in BOOKING_GROUPS):
            raise AccessError(
                self.env._(
                    "Only managers and accountants confirm and export participant pay."
                )
            )

    def action_confirm(self):
        self._check_booking_rights()
        for run in self:
            lines = run.line_ids.filtered(lambda ln: not ln.move_id and ln.amount)
            if run.state != "draft" or not lines:
                raise UserError(
                    self.env._(
                        "%(run)s has nothing to confirm: compute it first.",
                        run=run.display_name,
                    )
                )
            missing = [
                run._fields[f]._description_string(self.env)
                for f in (
                    "journal_id",
                    "expense_account_id",
                    "transport_account_id",
                    "payable_account_id",
                )
                if not run[f]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(run)s: choose %(fields)s before confirming.",
                        run=run.display_name,
                        fields=", ".join(missing),
                    )
                )
            move = self.env["account.move"].create(run._prepare_move_vals(lines))
            move.action_post()
            lines.move_id = move
            run.line_ids.filtered(lambda ln: not ln.amount and not ln.move_id).unlink()
            run.state = "confirmed"
        return True

    def _prepare_move_vals(self, lines):
        """One entry: each line's expense against the participant's payable, tagged
        with the revenue stream of the participant's scheme (social services), so
        that participants' pay never mixes with staff wages."""
        self.ensure_one()
        Analytic = self.env["account.analytic.account"]
        items = []
        for line in lines:
            # Narrow read: the participant's contact for the partner of the entry;
            # managers without HR rights see employees' public profiles only.
            partner = line.employee_id.sudo().work_contact_id
            stream = Analytic._get_revenue_stream_account(
                line.placement_id.scheme_id.revenue_stream, self.company_id
            )
            account = (
                self.transport_account_id
                if line.pay_type == "transport"
                else self.expense_account_id
            )
            debit, credit = max(line.amount, 0.0), max(-line.amount, 0.0)
            items += [
                Command.create(
                    {
                        "name": f"{line.employee_id.name}: {line.explanation or ''}"[
                            :250
                        ],
                        "account_id": account.id,
                        "partner_id": partner.id,
                        "debit": debit,
                        "credit": credit,
                        "analytic_distribution": {str(stream.id): 100.0}
                        if stream
                        else False,
                    }
                ),
                Command.create(
                    {
                        "name": self.name,
                        "account_id": self.payable_account_id.id,
                        "partner_id": partner.id,
                        "debit": credit,
                        "credit": debit,
                    }
                ),
            ]
        return {
            "move_type": "entry",
            "company_id": self.company_id.id,
            "journal_id": self.journal_id.id,
            "date": self.date or self.period_end,
            "ref": self.name,
            "line_ids": items,
        }

    def _mark_exported(self, lines):
        """Called by the export: the lines went to the payroll system."""
        self._check_booking_rights()
        lines.write({"exported": True, "export_date": fields.Datetime.now()})
        for run in self:
            if run.state == "confirmed" and all(
                ln.exported for ln in run.line_ids if ln.move_id
            ):
                run.state = "exported"

    def action_export(self):
        """Open the pay-basis export for this run's month."""
        self.ensure_one()
        self._check_booking_rights()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_payroll_export_wizard_action"
        )
        action["context"] = {
            "default_company_id": self.company_id.id,
            "default_period_start": self.period_start,
        }
        return action

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_journal_line"
        )
        action["domain"] = [("id", "in", self.move_ids.ids)]
        return action

    @api.model
    def _cron_prepare_last_month(self):
        """Create and compute last month's draft run of every company with §103
        placements."""
        month = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        for company in self.env["social.placement"]._read_group(
            [("scheme_type", "=", "sheltered_103"), ("state", "=", "active")],
            ["company_id"],
        ):
            run = self.with_company(company[0])._get_run(company[0], month)
            if run.state == "draft":
                run.action_compute()
