import logging
from collections import defaultdict

import psycopg2
from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain
from odoo.tools.misc import format_amount, format_date

from ..tools import billing

_logger = logging.getLogger(__name__)

RUN_STATES = [("draft", "Draft"), ("preview", "Preview"), ("done", "Invoiced")]


class SocialBillingRun(models.Model):
    """The monthly billing of the places and support municipalities pay for.

    The pipeline follows OCA ``contract``: every step is a hook.

    1. ``action_compute`` finds the placements (``_get_placements_to_bill_domain``),
       loads agreements, earlier billing lines and attendance in a handful of
       queries (``_get_billing_data``), and turns each placement-month into the
       values of one billing line (``_prepare_billing_line_vals``): a first bill,
       an advance, a true-up or a correction, with an explanation in words. The
       lines are the preview.
    2. ``action_create_invoices`` groups the lines per municipality (or per order)
       and creates all draft invoices and credit notes with one
       ``account.move.create`` of ``_prepare_invoice_vals``.

    A placement-month is billed once: revision 0 of a line is unique in the database,
    so two runs computing at the same time cannot both bill it. Running a month
    again bills only differences (credit or debit), and says so when there are none.
    """

    _name = "social.billing.run"
    _description = "Billing Run"
    _inherit = ["mail.thread"]
    _order = "period_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_start = fields.Date(
        "Month",
        required=True,
        default=lambda s: s._default_period_start(),
        help="Any day of the month to bill; the run covers the whole month.",
    )
    period_end = fields.Date(
        "Month End", compute="_compute_period_end", store=True, precompute=True
    )
    date = fields.Date(
        "Invoice Date",
        required=True,
        default=fields.Date.context_today,
        help="Date of the invoices. A month not over on this date is billed from "
        "the plan (advance), to be trued up later.",
    )
    municipality_ids = fields.Many2many(
        "res.partner",
        string="Municipalities",
        domain=[("is_municipality", "=", True)],
        help="Leave empty to bill every municipality.",
    )
    state = fields.Selection(
        RUN_STATES, required=True, default="draft", tracking=True, copy=False
    )
    line_ids = fields.One2many("social.billing.line", "run_id", "Billing Lines")
    line_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Monetary(compute="_compute_totals")
    move_ids = fields.Many2many(
        "account.move",
        string="Invoices",
        compute="_compute_move_ids",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    move_count = fields.Integer(
        compute="_compute_move_ids",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    claim_ids = fields.One2many(
        "social.subsidy.claim",
        "run_id",
        "Subsidy Claims",
        readonly=True,
        groups="social_enterprise.social_enterprise_group_manager,"
        "account.group_account_invoice",
    )
    summary = fields.Html(readonly=True, copy=False, sanitize=True)
    invoice_queued_by = fields.Many2one(
        "res.users",
        "Invoices Queued By",
        readonly=True,
        copy=False,
        help="Set while the invoices are created in the background, as this user.",
    )
    invoiced_line_count = fields.Integer(
        "Lines Invoiced", compute="_compute_invoiced_line_count"
    )

    @api.model
    def _default_period_start(self):
        today = fields.Date.context_today(self)
        return (today - relativedelta(months=1)).replace(day=1)

    @api.depends("period_start")
    def _compute_period_end(self):
        for run in self:
            run.period_end = (
                billing.month_bounds(run.period_start)[1] if run.period_start else False
            )

    @api.depends("line_ids.amount")
    def _compute_totals(self):
        for run in self:
            run.line_count = len(run.line_ids)
            run.amount_total = sum(run.line_ids.mapped("amount"))

    @api.depends("line_ids.move_id")
    def _compute_move_ids(self):
        for run in self:
            run.move_ids = run.line_ids.move_id
            run.move_count = len(run.move_ids)

    @api.depends("name", "period_start")
    def _compute_display_name(self):
        for run in self:
            month = format_date(self.env, run.period_start, date_format="MMMM y")
            run.display_name = f"{run.name} ({month})" if run.period_start else run.name

    @api.onchange("period_start")
    def _onchange_period_start(self):
        """Show the month's first day as soon as a day is typed or picked, so the
        field shows what will be billed (create and write normalise it too)."""
        for run in self.filtered("period_start"):
            run.period_start = billing.month_bounds(run.period_start)[0]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("period_start"):
                vals["period_start"] = billing.month_bounds(
                    fields.Date.to_date(vals["period_start"])
                )[0]
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("social.billing.run") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("period_start"):
            if any(run.state != "draft" for run in self):
                raise UserError(
                    self.env._("Reset the run to draft before changing its month.")
                )
            vals["period_start"] = billing.month_bounds(
                fields.Date.to_date(vals["period_start"])
            )[0]
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(run.state == "done" for run in self):
            raise UserError(
                self.env._("A billing run that created invoices cannot be deleted.")
            )

    # ------------------------------------------------------------ 1. compute
    def _get_billing_months(self):
        """Months this run may bill: its own month, and the month before for the
        true-up of advance billing."""
        self.ensure_one()
        return [self.period_start - relativedelta(months=1), self.period_start]

    def _get_placements_to_bill_domain(self):
        """Placements the municipality pays for that ran in the run's months."""
        self.ensure_one()
        first = self._get_billing_months()[0]
        domain = Domain(
            [
                ("company_id", "=", self.company_id.id),
                ("municipality_id", "!=", False),
                ("scheme_id.payment_flow", "=", "service_fee"),
            ]
        ) & self.env["social.placement"]._get_running_domain(first, self.period_end)
        if self.municipality_ids:
            domain &= Domain("municipality_id", "in", self.municipality_ids.ids)
        return domain

    def _get_existing_lines_domain(self):
        self.ensure_one()
        domain = Domain(
            [
                ("company_id", "=", self.company_id.id),
                ("period_start", "in", self._get_billing_months()),
            ]
        )
        if self.municipality_ids:
            domain &= Domain("municipality_id", "in", self.municipality_ids.ids)
        return domain

    def _get_billing_data(self):
        """Everything the computation reads, in a fixed number of queries."""
        self.ensure_one()
        Line = self.env["social.billing.line"]
        existing = Line.search(self._get_existing_lines_domain())
        placements = self.env["social.placement"].search(
            self._get_placements_to_bill_domain()
        )
        placements |= existing.placement_id
        agreements = self.env["social.agreement"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("municipality_id", "in", placements.municipality_id.ids),
            ]
        )
        by_key = {}
        for agreement in agreements:
            for scheme in agreement.scheme_ids:
                by_key[agreement.municipality_id.id, scheme.id] = agreement
        lines_by_key = defaultdict(lambda: Line)
        for line in existing:
            lines_by_key[line.placement_id.id, line.period_start] |= line
        needs_attendance = any(
            agreement.billing_basis == "attended"
            or "attended" in agreement.line_ids.mapped("billing_basis")
            for agreement in agreements
        )
        return {
            "placements": placements,
            "agreements": by_key,
            "existing": lines_by_key,
            "attendance": self._get_attendance(placements) if needs_attendance else {},
            "authorisation_periods": placements._get_authorisation_periods(),
        }

    def _get_attended_by_day(self, placement, data):
        """{day: hours} the placement counts as attended or delivered.

        The person's attendance by default; support_hours bills support placements
        (mentor support) by the hours of support actually delivered.
        """
        return data["attendance"].get(placement.employee_id.id, {})

    def _get_attendance(self, placements):
        """{employee id: {day: hours}} over the run's months, one query.

        Attendance is HR data: read with sudo, only these sums."""
        first = self._get_billing_months()[0]
        return (
            self.env["hr.attendance"]
            .sudo()
            ._get_hours_by_day(placements.employee_id, first, self.period_end)
        )

    def action_compute(self):
        """Compute the billing lines of the run: the preview."""
        for run in self:
            if run.state == "done":
                raise UserError(
                    self.env._(
                        "%(run)s already created its invoices: start a new run to "
                        "bill changes.",
                        run=run.display_name,
                    )
                )
            run.line_ids.filtered(lambda line: not line.sudo().move_id).unlink()
            vals_list, report = run._compute_billing_lines_vals()
            run._create_billing_lines(vals_list)
            run.write(
                {
                    "state": "preview" if vals_list else "draft",
                    "summary": run._render_summary(vals_list, report),
                }
            )
        return True

    def _compute_billing_lines_vals(self):
        """Values of the new billing lines and a report of what was left out."""
        self.ensure_one()
        data = self._get_billing_data()
        Line = self.env["social.billing.line"]
        report = {
            "unchanged": 0,
            "waiting": 0,
            "waiting_runs": self.browse(),
            "skipped": [],
        }
        vals_list = []
        today = self.date
        for placement in data["placements"]:
            agreement = data["agreements"].get(
                (placement.municipality_id.id, placement.scheme_id.id)
            )
            if not agreement:
                if Line._get_placement_span(placement, self.period_start):
                    report["skipped"].append(
                        (
                            placement,
                            self.env._(
                                "no agreement with %(municipality)s covers %(scheme)s",
                                municipality=placement.municipality_id.name,
                                scheme=placement.scheme_id.name,
                            ),
                        )
                    )
                continue
            for month in self._get_placement_months(placement, agreement):
                estimate = agreement.billing_timing == "advance" and (
                    today <= billing.month_bounds(month)[1]
                )
                vals, note = self._prepare_billing_line_vals(
                    placement, agreement, month, estimate, data
                )
                if vals:
                    vals_list.append(vals)
                elif note == "unchanged":
                    report["unchanged"] += 1
                elif isinstance(note, tuple):
                    report["waiting"] += 1
                    report["waiting_runs"] |= note[1]
                elif note:
                    report["skipped"].append((placement, note))
        return vals_list, report

    def _get_placement_months(self, placement, agreement):
        """The months a placement is billed for in this run: advance agreements
        bill the run's month and true up the month before; arrears agreements bill
        the run's month (run a past month again to bill what changed in it)."""
        self.ensure_one()
        previous, current = self._get_billing_months()
        if agreement.billing_timing == "advance":
            return [previous, current]
        return [current]

    def _prepare_billing_line_vals(self, placement, agreement, month, estimate, data):
        """Values of the billing line of ``placement`` for ``month``, or None, for
        the days an authorisation covers and no suspension takes (placements
        without authorisations or suspensions bill every day they run).

        Returns (vals, note) as ``_prepare_month_line_vals``."""
        vals, note = self._prepare_month_line_vals(
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

    def _prepare_month_line_vals(self, placement, agreement, month, estimate, data):
        """Values of the billing line of ``placement`` for ``month``, or None.

        Returns (vals, note): note is "unchanged" when the month is billed and
        nothing changed, ("waiting", runs) when another run's preview holds the
        month, a text saying why the placement cannot be billed, or None when
        there is nothing to bill."""
        month_end = billing.month_bounds(month)[1]
        existing = data["existing"][placement.id, month]
        # Lines in another run's preview are not billed yet: they are neither
        # billed again nor corrected until that run is invoiced or reset.
        waiting = existing.filtered(
            lambda line: line.state == "preview" and line.run_id != self
        )
        if waiting:
            return None, ("waiting", waiting.run_id)
        billed = existing.filtered(lambda line: line._is_billed())
        span = self.env["social.billing.line"]._get_placement_span(placement, month)
        if not span and not billed:
            return None, None
        problem = self._check_billable(placement, agreement, span)
        if problem:
            return None, problem
        price_line = agreement._find_price_line(
            placement.scheme_id, placement.rate_level, month
        )
        if span and not price_line:
            return None, self.env._(
                "agreement %(agreement)s has no price for %(scheme)s level "
                "%(level)s in %(month)s",
                agreement=agreement.name,
                scheme=placement.scheme_id.name,
                level=placement.rate_level or "-",
                month=format_date(self.env, month, date_format="MMMM y"),
            )
        # The explanation is a text for the municipality: in its language, whoever
        # computes the run.
        receiver = self.with_context(
            lang=agreement.invoice_partner_id._get_document_lang()
        )
        due, rule, explanation = receiver._compute_due(
            placement, agreement, price_line, month, span, estimate, data
        )
        billed_qty = sum(billed.mapped("quantity"))
        billed_amount = billing.round_money(sum(billed.mapped("amount")))
        if not billed and not due.amount:
            return None, None
        if billed and billing.round_money(due.amount - billed_amount) == 0:
            return None, "unchanged"
        if billed:
            # The line records the true change of quantity at the current price;
            # the invoice shows the difference in the clearest form.
            invoice_figures = billing.difference(
                due, (billed_qty, billed_amount, set(billed.mapped("price_unit")))
            )
            amount = invoice_figures[2]
            quantity = round(due.quantity - billed_qty, 4)
            price_unit = due.price_unit
            explanation += "\n" + receiver.env._(
                "Billed before: %(qty)s for %(amount)s. Difference: %(diff)s.",
                qty=round(billed_qty, 4),
                amount=format_amount(receiver.env, billed_amount, self.currency_id),
                diff=format_amount(receiver.env, amount, self.currency_id),
            )
        else:
            quantity, price_unit, amount = due.quantity, due.price_unit, due.amount
            invoice_figures = (quantity, price_unit, amount)
        invoice_qty, invoice_price = billing.invoice_quantity(*invoice_figures)
        return {
            "run_id": self.id,
            "company_id": self.company_id.id,
            "placement_id": placement.id,
            "scheme_id": placement.scheme_id.id,
            "municipality_id": placement.municipality_id.id,
            "agreement_id": agreement.id,
            "agreement_line_id": price_line.id,
            "period_start": month,
            "period_end": month_end,
            "date_from": span and span[0],
            "date_to": span and span[1],
            "revision": max(existing.mapped("revision"), default=-1) + 1,
            "kind": self._get_line_kind(billed, estimate),
            "unit": price_line.unit,
            "billing_basis": price_line.billing_basis or agreement.billing_basis,
            "quantity_rule": rule,
            "quantity": quantity,
            "price_unit": price_unit,
            "factor": due.factor,
            "amount": amount,
            "invoice_quantity": invoice_qty,
            "invoice_price_unit": invoice_price,
            "due_quantity": due.quantity,
            "due_amount": due.amount,
            "billed_before": billed_amount,
            "explanation": explanation,
            "order_ref": placement.order_ref or agreement.order_ref,
            "person_ref": placement.person_ref,
        }, None

    @api.model
    def _get_line_kind(self, billed, estimate):
        if not billed:
            return "advance" if estimate else "regular"
        kinds = set(billed.mapped("kind"))
        if "advance" in kinds and "true_up" not in kinds and not estimate:
            return "true_up"
        return "correction"

    def _check_billable(self, placement, agreement, span):
        """Why the references do not allow billing this placement, or None."""
        if not span:
            return None
        if agreement.require_order_ref and not (
            placement.order_ref or agreement.order_ref
        ):
            return self.env._("the order number is missing")
        if agreement.require_person_ref and not placement.person_ref:
            return self.env._("the municipal person reference is missing")
        if billing.looks_like_cpr(placement.person_ref) or billing.looks_like_cpr(
            placement.order_ref
        ):
            return self.env._(
                "a reference looks like a CPR number: use the municipality's case "
                "reference"
            )
        if agreement.require_ean and not agreement._has_valid_ean():
            return self.env._(
                "%(partner)s has no EAN/GLN location number",
                partner=agreement.invoice_partner_id.display_name,
            )
        missing = agreement._get_oioubl_missing()
        if missing:
            return self.env._(
                "the OIOUBL invoice to %(partner)s would be refused: %(missing)s "
                "missing",
                partner=agreement.invoice_partner_id.display_name,
                missing=", ".join(missing),
            )
        return None

    def _compute_due(
        self, placement, agreement, price_line, month, span, estimate, data
    ):
        """The charge owed for the month as things stand: (Charge, rule, text).

        Only authorised, unsuspended days are charged: ``_compute_span_due`` runs
        once per sub-span of the month the placement may be billed for
        (``social.placement._get_billable_spans``) and the charges are added up."""
        spans = span and placement._get_billable_spans(
            span[0], span[1], data.get("authorisation_periods")
        )
        if not span or spans == [span]:
            return self._compute_span_due(
                placement, agreement, price_line, month, span, estimate, data
            )
        if not spans:
            return (
                billing.Charge(0, price_line.price, 0.0, 100.0),
                False,
                self.env._("No authorised day in this month."),
            )
        parts = [
            self._compute_span_due(
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

    def _compute_span_due(
        self, placement, agreement, price_line, month, span, estimate, data
    ):
        """The charge for the days of ``span`` in the month: (Charge, rule, text)."""
        if not span:
            return (
                billing.Charge(0, 0.0, 0.0, 100.0),
                False,
                self.env._("The placement no longer runs in this month."),
            )
        basis = price_line.billing_basis or agreement.billing_basis
        attended = None
        if basis == "attended" and not estimate:
            days = {
                day: hours
                for day, hours in self._get_attended_by_day(placement, data).items()
                if span[0] <= day <= span[1]
            }
            attended = (len(days), round(sum(days.values()), 2))
        quantity, exact, rule = billing.quantity(
            price_line.unit,
            basis,
            span[0],
            span[1],
            month,
            plan=(placement.days_per_week, placement.weekly_hours),
            attended=attended,
            options={
                "proration": agreement.month_proration,
                "bill_leap_day": agreement.bill_leap_day,
            },
        )
        factor = 100.0
        if basis == "calendar" and price_line.unit in ("day", "month"):
            factor = agreement._part_time_factor(placement.days_per_week)
        due = billing.charge(quantity, price_line.price, factor, exact_quantity=exact)
        return due, rule, self._explain(placement, price_line, span, rule, due)

    def _explain(self, placement, price_line, span, rule, due):
        rules = dict(
            self.env["social.billing.line"]
            ._fields["quantity_rule"]
            ._description_selection(self.env)
        )
        text = self.env._(
            "%(rule)s %(date_from)s to %(date_to)s: %(qty)s × %(price)s "
            "(%(scheme)s %(level)s, %(unit)s price valid from %(valid)s)",
            rule=rules[rule],
            date_from=format_date(self.env, span[0]),
            date_to=format_date(self.env, span[1]),
            qty=due.quantity,
            price=format_amount(self.env, price_line.price, self.currency_id),
            scheme=placement.scheme_id.name,
            level=price_line._level_label(),
            unit=price_line._unit_label().lower(),
            valid=format_date(self.env, price_line.date_from),
        )
        if due.factor != 100.0:
            text += self.env._(
                " × %(factor)s %% part-time factor (%(days)s days a week)",
                factor=due.factor,
                days=placement.days_per_week,
            )
        if rule == "calendar_days":
            text += self.env._(" — every calendar day of the place (365-day rule)")
        return text + self.env._(
            " = %(amount)s.",
            amount=format_amount(self.env, due.amount, self.currency_id),
        )

    def _create_billing_lines(self, vals_list):
        """Create the lines in one batch; a concurrent run that billed the same
        placement-month first makes the unique index refuse the whole batch."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                return self.env["social.billing.line"].create(vals_list)
        except psycopg2.errors.UniqueViolation as error:
            _logger.info("Billing run %s lost a race: %s", self.name, error)
            raise UserError(
                self.env._(
                    "Another billing run billed some of these placements at the same "
                    "time. Compute %(run)s again: it will bill only what is left.",
                    run=self.display_name,
                )
            ) from error

    def _render_summary(self, vals_list, report):
        self.ensure_one()
        month = format_date(self.env, self.period_start, date_format="MMMM y")
        parts = []
        if vals_list:
            total = sum(v["amount"] for v in vals_list)
            kinds = defaultdict(int)
            for vals in vals_list:
                kinds[vals["kind"]] += 1
            labels = dict(
                self.env["social.billing.line"]
                ._fields["kind"]
                ._description_selection(self.env)
            )
            parts.append(
                self.env._(
                    "%(month)s: %(count)s billing lines, %(total)s in all (%(kinds)s).",
                    month=month,
                    count=len(vals_list),
                    total=format_amount(self.env, total, self.currency_id),
                    kinds=", ".join(
                        f"{labels[k]}: {n}" for k, n in sorted(kinds.items())
                    ),
                )
            )
        else:
            parts.append(
                self.env._(
                    "Nothing new to bill for %(month)s: this run creates nothing.",
                    month=month,
                )
            )
        if report["unchanged"]:
            parts.append(
                self.env._(
                    "%(count)s placement-months are already billed and unchanged.",
                    count=report["unchanged"],
                )
            )
        if report["waiting"]:
            parts.append(
                self.env._(
                    "%(count)s placement-months wait in the preview of %(runs)s: "
                    "create its invoices or reset it first.",
                    count=report["waiting"],
                    runs=", ".join(report["waiting_runs"].mapped("name")),
                )
            )
        html = Markup("").join(Markup("<p>%s</p>") % part for part in parts)
        if report["skipped"]:
            html += Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("Not billed, to fix before invoicing:"),
                Markup("").join(
                    Markup("<li>%s: %s</li>") % (escape(placement.name), escape(reason))
                    for placement, reason in report["skipped"]
                ),
            )
        return html

    # ------------------------------------------------------------ 2. invoice
    def action_create_invoices(self):
        """Create draft invoices and credit notes from the preview, in one batch."""
        moves = self.env["account.move"]
        for run in self:
            run._check_can_invoice()
            moves |= run._create_invoices_chunk()
        return moves

    def action_queue_invoices(self):
        """Create the invoices in the background (a scheduled job in chunks), for
        long runs: nobody waits on a request that can time out. The job acts as the
        user who queued it; the form shows how many lines are invoiced so far."""
        for run in self:
            run._check_can_invoice()
        self.write({"invoice_queued_by": self.env.uid})
        for run in self:
            run.message_post(
                body=self.env._("Invoices queued: they are created in the background.")
            )
        self._trigger_queued_invoicing()
        return True

    def _trigger_queued_invoicing(self):
        """Start the background invoicing of these queued runs: wake the scheduled
        action (social_enterprise_queue_job hands them to OCA's job queue)."""
        if self:
            self.env.ref("social_enterprise.ir_cron_social_billing_invoices")._trigger()
        return True

    def _check_can_invoice(self):
        self.ensure_one()
        if self.state != "preview":
            raise UserError(
                self.env._(
                    "Compute %(run)s first: there is no preview to invoice.",
                    run=self.display_name,
                )
            )
        if not self._try_lock():
            raise UserError(
                self.env._(
                    "%(run)s is being invoiced right now: wait for it to finish.",
                    run=self.display_name,
                )
            )

    def _try_lock(self):
        """Lock the run for invoicing until the transaction ends; False when
        another transaction holds it. One invoicing of a run at a time: a second
        request (a double click, the background job) would bill the same lines
        again."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT id FROM social_billing_run WHERE id = %s FOR UPDATE NOWAIT",
                    (self.id,),
                )
        except psycopg2.errors.LockNotAvailable:
            return False
        return True

    def _lines_to_invoice(self):
        self.ensure_one()
        return self.line_ids.filtered(
            lambda line: not line.sudo().move_id and line.amount
        )

    def _create_invoices_chunk(self, limit=None):
        """Create the invoices of up to ``limit`` invoice groups (all by default)
        in one batched ``account.move.create``; the run is invoiced when no line
        is left. Each chunk is whole: its invoices and the lines they bill."""
        self.ensure_one()
        groups = self._lines_to_invoice().grouped(
            lambda line: line._get_invoice_grouping_key()
        )
        batches = list(groups.values())[:limit]
        accounts = {}
        new_moves = self.env["account.move"].create(
            [self._prepare_invoice_vals(batch, accounts) for batch in batches]
        )
        for move, batch in zip(new_moves, batches, strict=True):
            batch.write({"move_id": move.id})
        if len(batches) == len(groups):
            self.write({"state": "done", "invoice_queued_by": False})
            self.message_post(
                body=self.env._(
                    "%(count)s draft invoices and credit notes created.",
                    count=len(self.sudo().line_ids.move_id),
                )
            )
        return new_moves

    @api.depends("line_ids.move_id")
    def _compute_invoiced_line_count(self):
        for run in self:
            run.invoiced_line_count = len(run.sudo().line_ids.filtered("move_id"))

    @api.model
    def _get_queued_runs_for_cron(self):
        """The queued runs the scheduled action invoices itself."""
        return self.search([("invoice_queued_by", "!=", False)])

    @api.model
    def _cron_create_queued_invoices(self, chunk=50):
        """The background job of ``action_queue_invoices``: each queued run in
        chunks of ``chunk`` invoices, committed one by one with the job's progress,
        so a job stopped half way (a timeout, a restart) goes on where it stopped
        and bills nothing twice."""
        Cron = self.env["ir.cron"]
        runs = self._get_queued_runs_for_cron()
        for run in runs:
            run = run.with_user(run.invoice_queued_by).with_company(run.company_id)
            try:
                while run.state == "preview":
                    with self.env.cr.savepoint():
                        if not run._try_lock():
                            # Another request invoices it (or a killed job's
                            # transaction is not gone yet): try again in a minute.
                            self.env.ref(
                                "social_enterprise.ir_cron_social_billing_invoices"
                            )._trigger(fields.Datetime.now() + relativedelta(minutes=1))
                            break
                        moves = run._create_invoices_chunk(chunk)
                    left = len(run._lines_to_invoice())
                    if Cron._commit_progress(len(moves), remaining=left) <= 0:
                        return  # out of time: the job runs again for the rest
            except Exception as error:  # noqa: BLE001 - reported on the run
                # The savepoint undid the failed chunk; earlier ones stay whole.
                _logger.exception("Queued invoicing of %s failed", run.name)
                run = run.sudo()
                run.invoice_queued_by = False
                run.message_post(
                    body=self.env._(
                        "Creating the invoices in the background failed: %(error)s",
                        error=str(error),
                    )
                )
                Cron._commit_progress()

    def _prepare_invoice_vals(self, lines, accounts=None):
        """One draft invoice (or credit note) for billing lines of one agreement,
        its texts in the receiver's language (see ``_get_document_lang``).
        ``accounts`` caches the revenue-stream accounts across the batch."""
        self.ensure_one()
        lang = lines.agreement_id.invoice_partner_id._get_document_lang()
        return self.with_context(lang=lang)._prepare_invoice_vals_lang(
            lines.with_context(lang=lang), accounts
        )

    def _prepare_invoice_vals_lang(self, lines, accounts=None):
        agreement = lines.agreement_id
        refund = lines[0].amount < 0
        refs = list(dict.fromkeys(lines.mapped("order_ref")))
        if agreement.invoice_per_order or len(refs) == 1:
            ref = refs[0] if refs else False
        else:
            ref = agreement.order_ref or ", ".join(r for r in refs if r)[:120]
        month = format_date(self.env, self.period_start, date_format="MMMM y")
        vals = {
            "move_type": "out_refund" if refund else "out_invoice",
            "company_id": self.company_id.id,
            "partner_id": agreement.invoice_partner_id.id,
            "invoice_date": self.date,
            "ref": ref,
            "invoice_origin": self.name,
            "social_personreference": agreement.personreference,
            "narration": self.env._(
                "Places and support in %(month)s under the agreement %(agreement)s.",
                month=month,
                agreement=agreement.name,
            ),
            "invoice_line_ids": [
                Command.create(line._prepare_invoice_line_vals(accounts))
                for line in lines
            ],
        }
        if agreement.payment_term_id:
            vals["invoice_payment_term_id"] = agreement.payment_term_id.id
        if agreement.journal_id:
            vals["journal_id"] = agreement.journal_id.id
        if refund:
            corrected = (
                self.env["social.billing.line"]
                .search(
                    [
                        ("placement_id", "in", lines.placement_id.ids),
                        ("period_start", "in", lines.mapped("period_start")),
                        ("id", "not in", lines.ids),
                        ("state", "in", ("draft", "posted", "paid")),
                    ]
                )
                .sudo()
                .move_id.filtered(lambda m: m.move_type == "out_invoice")
            )
            if len(corrected) == 1:
                vals["reversed_entry_id"] = corrected.id
        return vals

    # ------------------------------------------------------------------ others
    def action_reset_draft(self):
        for run in self:
            if run.state == "done":
                raise UserError(
                    self.env._(
                        "%(run)s created invoices: delete or cancel them rather "
                        "than resetting the run.",
                        run=run.display_name,
                    )
                )
        self.line_ids.unlink()
        self.write({"state": "draft", "summary": False})
        return True

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice"
        )
        action["domain"] = [("id", "in", self.move_ids.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_billing_line_action"
        )
        action["domain"] = [("run_id", "=", self.id)]
        return action

    def action_compute_subsidy_claims(self):
        self.ensure_one()
        claims = self.env["social.subsidy.claim"]._generate_claims(
            self.company_id, self.period_start, self.municipality_ids, run=self
        )
        return claims._action_open()

    @api.model
    def _cron_prepare_monthly_runs(self):
        """Prepare (compute, not invoice) last month's run for every company with
        agreements, unless one exists."""
        period = self._default_period_start()
        groups = self.env["social.agreement"]._read_group([], ["company_id"])
        companies = self.env["res.company"].union(*(c for (c,) in groups))
        return companies._cron_for_each(
            lambda company: self._prepare_monthly_run(company, period),
            "Monthly billing run",
        )

    @api.model
    def _prepare_monthly_run(self, company, period):
        exists = self.search_count(
            [("company_id", "=", company.id), ("period_start", "=", period)],
            limit=1,
        )
        if not exists:
            run = self.with_company(company).create(
                {"company_id": company.id, "period_start": period}
            )
            run.action_compute()
