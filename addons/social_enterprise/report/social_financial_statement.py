from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain

from ..models.social_scheme import REVENUE_STREAMS
from ..tools import financial, periods

INCOME_TYPES = ("income", "income_other")
EXPENSE_TYPES = ("expense", "expense_direct_cost", "expense_depreciation")
# Danish chart (l10n_dk): the account group "Personaleomkostninger" (personnel costs)
# spans the codes from 2841 up to the depreciation group at 2991.
WAGE_CODE_RANGE = ("2841", "2991")


class SocialFinancialStatement(models.AbstractModel):
    """The financial statement for accountants: revenue by stream, social services by
    scheme and municipality, personnel costs split by target group and staff, other
    costs, the result per month and social notes.

    ``_get_statement_data`` returns a plain dict (see ``tools/financial.py``) consumed
    by the xlsx renderer and by the drill-down list. Every money row carries the
    ``account.move.line`` domain whose journal items make up its figure, so an
    accountant can open exactly those items. Each measure is one ``_read_group``
    grouped by month (and by stream, scheme, municipality or person), so the report
    costs a fixed number of queries whatever the number of journal items.
    """

    _name = "social.financial.statement"
    _description = "Financial Statement by Revenue Stream"

    # ------------------------------------------------------------ domains (hooks)
    @api.model
    def _get_base_domain(self, company, date_from, date_to):
        return [
            ("company_id", "=", company.id),
            ("parent_state", "=", "posted"),
            ("date", ">=", fields.Date.to_string(date_from)),
            ("date", "<=", fields.Date.to_string(date_to)),
        ]

    @api.model
    def _get_wage_accounts(self, company):
        """Expense accounts of the personnel-cost group (override for other charts)."""
        accounts = (
            self.env["account.account"]
            .with_company(company)
            .with_context(active_test=False)  # archived accounts have history too
            .search([("account_type", "in", EXPENSE_TYPES)])
        )
        low, high = WAGE_CODE_RANGE
        return accounts.filtered(lambda a: a.code and low <= a.code < high)

    @api.model
    def _get_income_domain(self, company, date_from, date_to):
        return self._get_base_domain(company, date_from, date_to) + [
            ("account_id.account_type", "in", INCOME_TYPES)
        ]

    @api.model
    def _get_stream_accounts(self, company):
        return self.env["account.analytic.account"].search(
            [
                ("revenue_stream", "!=", False),
                ("company_id", "in", (False, company.id)),
            ]
        )

    # ------------------------------------------------------------------ engine
    @api.model
    def _get_statement_data(self, company, date_from, date_to):
        months = [start for start, _end in periods.month_ranges(date_from, date_to)]
        ctx = {
            "company": company,
            "date_from": date_from,
            "date_to": date_to,
            "months": months,
        }
        revenue = self._section_revenue(ctx)
        costs = self._section_costs(ctx)
        result = [
            r - c
            for r, c in zip(
                financial.column_totals(revenue["rows"], len(months)),
                financial.column_totals(costs["rows"], len(months)),
                strict=True,
            )
        ]
        return {
            "title": self.env._("Financial statement by revenue stream"),
            "company": company.name,
            "currency": company.currency_id.name,
            "date_from": date_from,
            "date_to": date_to,
            "generated": fields.Date.context_today(self),
            "months": months,
            "sections": [revenue, self._section_social_services(ctx), costs],
            "result": {
                "label": self.env._("Result (revenue - costs)"),
                "values": result,
                "sections": ["revenue", "costs"],
            },
            "notes": self._get_social_notes(ctx),
        }

    @api.model
    def _monthly(self, groups, months, key_count=1):
        """{key: [amount per month]} from ``_read_group`` tuples (keys..., month,
        amount)."""
        index = {m: i for i, m in enumerate(months)}
        result = defaultdict(lambda: [0.0] * len(months))
        for group in groups:
            key = group[:key_count] if key_count > 1 else group[0]
            month, amount = group[key_count], group[key_count + 1]
            if month in index:
                result[key][index[month]] += amount or 0.0
        return result

    @api.model
    def _month_key(self, value):
        return value.date() if hasattr(value, "date") else value

    @api.model
    def _section_revenue(self, ctx):
        company, months = ctx["company"], ctx["months"]
        income_domain = self._get_income_domain(
            company, ctx["date_from"], ctx["date_to"]
        )
        Line = self.env["account.move.line"]
        total = self._monthly(
            [
                (True, self._month_key(m), -b)
                for m, b in Line._read_group(
                    income_domain, ["date:month"], ["balance:sum"]
                )
            ],
            months,
        )[True]
        streams = self._get_stream_accounts(company)
        by_stream = defaultdict(lambda: [0.0] * len(months))
        if streams:
            # Analytic lines carry the share of each journal item's amount that its
            # distribution gives each stream: one query for all streams and months.
            column = streams[0].plan_id._column_name()
            groups = self.env["account.analytic.line"]._read_group(
                [
                    ("company_id", "=", company.id),
                    ("move_line_id", "any", income_domain),
                    (column, "in", streams.ids),
                ],
                [column, "date:month"],
                ["amount:sum"],
            )
            for account, amounts in self._monthly(
                [(a, self._month_key(m), v) for a, m, v in groups], months
            ).items():
                by_stream[account.revenue_stream] = [
                    x + y
                    for x, y in zip(
                        by_stream[account.revenue_stream], amounts, strict=False
                    )
                ]
        labels = dict(
            self.env["social.scheme"]
            ._fields["revenue_stream"]
            ._description_selection(self.env)
        )
        rows = []
        for stream, _label in REVENUE_STREAMS:
            if stream == "none":
                continue
            accounts = streams.filtered(lambda a, s=stream: a.revenue_stream == s)
            rows.append(
                {
                    "key": stream,
                    "label": labels[stream],
                    "values": by_stream[stream],
                    "domain": income_domain
                    + [("analytic_distribution", "in", accounts.ids or [0])],
                }
            )
        assigned = financial.column_totals(rows, len(months))
        rows.append(
            {
                "key": "unassigned",
                "label": self.env._("Unassigned (no revenue stream)"),
                "values": [
                    round(t - a, 2) for t, a in zip(total, assigned, strict=False)
                ],
                "domain": income_domain
                + [("analytic_distribution", "not in", streams.ids or [0])],
            }
        )
        return {
            "key": "revenue",
            "title": self.env._("Revenue by stream"),
            "rows": rows,
            "total_label": self.env._("Total revenue"),
        }

    @api.model
    def _section_social_services(self, ctx):
        company, months = ctx["company"], ctx["months"]
        domain = self._get_income_domain(company, ctx["date_from"], ctx["date_to"]) + [
            ("social_billing_line_id", "!=", False)
        ]
        groups = self.env["account.move.line"]._read_group(
            domain,
            [
                "social_billing_line_id.scheme_id",
                "social_billing_line_id.municipality_id",
                "date:month",
            ],
            ["balance:sum"],
        )
        monthly = self._monthly(
            [(s, mu, self._month_key(m), -b) for s, mu, m, b in groups],
            months,
            key_count=2,
        )
        rows = []
        for (scheme, municipality), values in sorted(
            monthly.items(), key=lambda i: (i[0][0].sequence, i[0][1].name or "")
        ):
            rows.append(
                {
                    "key": f"social_{scheme.id}_{municipality.id}",
                    "label": f"{scheme.name} / {municipality.name}",
                    "values": values,
                    "domain": domain
                    + [
                        ("social_billing_line_id.scheme_id", "=", scheme.id),
                        (
                            "social_billing_line_id.municipality_id",
                            "=",
                            municipality.id,
                        ),
                    ],
                }
            )
        return {
            "key": "social_services",
            "title": self.env._(
                "Social services by scheme and municipality (part of the revenue)"
            ),
            "rows": rows,
            "total_label": self.env._("Total social services billed"),
        }

    @api.model
    def _section_costs(self, ctx):
        company, months = ctx["company"], ctx["months"]
        base = self._get_base_domain(company, ctx["date_from"], ctx["date_to"])
        wage_accounts = self._get_wage_accounts(company)
        wage_domain = base + [("account_id", "in", wage_accounts.ids or [0])]
        Line = self.env["account.move.line"]
        groups = Line._read_group(
            wage_domain, ["partner_id", "date:month"], ["balance:sum"]
        )
        by_partner = self._monthly(
            [(p, self._month_key(m), b) for p, m, b in groups], months
        )
        schemes = self._get_partner_schemes(
            ctx, self.env["res.partner"].union(*by_partner)
        )
        buckets = defaultdict(lambda: {"values": [0.0] * len(months), "partners": []})
        for partner, values in by_partner.items():
            if partner in schemes:
                key = schemes[partner] or "staff"
            else:
                key = "unattributed"
            bucket = buckets[key]
            bucket["values"] = [
                x + y for x, y in zip(bucket["values"], values, strict=False)
            ]
            bucket["partners"].append(partner.id)
        rows = []
        scheme_keys = sorted(
            (k for k in buckets if not isinstance(k, str)), key=lambda s: s.sequence
        )
        for scheme in scheme_keys:
            rows.append(
                {
                    "key": f"wages_{scheme.id}",
                    "label": self.env._(
                        "Wages, target group: %(scheme)s", scheme=scheme.name
                    ),
                    "values": buckets[scheme]["values"],
                    "domain": wage_domain
                    + [("partner_id", "in", buckets[scheme]["partners"])],
                }
            )
        if "staff" in buckets:
            rows.append(
                {
                    "key": "wages_staff",
                    "label": self.env._("Wages, staff"),
                    "values": buckets["staff"]["values"],
                    "domain": wage_domain
                    + [("partner_id", "in", buckets["staff"]["partners"])],
                }
            )
        attributed = [
            pid
            for key, b in buckets.items()
            if not isinstance(key, str) or key != "unattributed"
            for pid in b["partners"]
        ]
        if "unattributed" in buckets:
            rows.append(
                {
                    "key": "wages_other",
                    "label": self.env._("Personnel costs not booked on an employee"),
                    "values": buckets["unattributed"]["values"],
                    "domain": wage_domain + [("partner_id", "not in", attributed)],
                }
            )
        other_domain = base + [
            ("account_id.account_type", "in", EXPENSE_TYPES),
            ("account_id", "not in", wage_accounts.ids or [0]),
        ]
        other = self._monthly(
            [
                (True, self._month_key(m), b)
                for m, b in Line._read_group(
                    other_domain, ["date:month"], ["balance:sum"]
                )
            ],
            months,
        )[True]
        rows.append(
            {
                "key": "other_costs",
                "label": self.env._("Other costs"),
                "values": other,
                "domain": other_domain,
            }
        )
        return {
            "key": "costs",
            "title": self.env._("Costs"),
            "rows": rows,
            "total_label": self.env._("Total costs"),
        }

    @api.model
    def _get_partner_schemes(self, ctx, partners):
        """{partner: scheme or False} for the partners that are employees: the scheme
        of the person's placement in the period (the latest), False for staff."""
        if not partners:
            return {}
        # Only a scheme per person leaves this method, aggregated into totals: an
        # accountant needs no read access to the people and their placements.
        employees = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("work_contact_id", "in", partners.ids),
                    ("company_id", "=", ctx["company"].id),
                ]
            )
        )
        placements = (
            self.env["social.placement"]
            .sudo()
            .search(
                Domain("employee_id", "in", employees.ids)
                & self.env["social.placement"]._get_running_domain(
                    ctx["date_from"], ctx["date_to"]
                ),
                order="date_start",
            )
        )
        scheme_of = {p.employee_id: p.scheme_id for p in placements}
        return {
            employee.work_contact_id.sudo(False): scheme_of.get(employee, False)
            for employee in employees
        }

    # ------------------------------------------------------------ social notes
    @api.model
    def _get_workforce_share(self, company, day):
        """(disadvantaged workers, all workers, share %) on ``day``: see
        ``_get_workforce_details``."""
        details = self._get_workforce_details(company, day)
        return details["target"], details["workers"], details["share"]

    @api.model
    def _get_workforce_details(self, company, day):
        """The reserved-contract share (30 % test) on ``day``, counted on workers only.

        Workers are the employees in force on that day (a version of their
        employment dated on or before it, not ended nor departed before it), so a past
        year keeps its own workforce; people whose only placement on the day is not an
        employment form (§103, §104, STU, praktik...) are not workers. Disadvantaged
        workers hold a placement on an employment-form scheme (``is_employment``).
        Returns {target, workers, share, schemes: names of the schemes counted}.
        """
        # Counts only; accountants have no access to the people themselves.
        versions = (
            self.env["hr.version"]
            .sudo()
            .with_context(active_test=False)
            .search_read(
                [
                    ("employee_id.company_id", "=", company.id),
                    ("date_version", "<=", day),
                ],
                ["employee_id", "date_version", "contract_date_end", "departure_date"],
                order="date_version",
            )
        )
        latest = {v["employee_id"][0]: v for v in versions if v["employee_id"]}
        in_force = {
            employee_id
            for employee_id, v in latest.items()
            if not (v["contract_date_end"] and v["contract_date_end"] < day)
            and not (v["departure_date"] and v["departure_date"] < day)
        }
        placements = (
            self.env["social.placement"]
            .sudo()
            .search(
                Domain("company_id", "=", company.id)
                & self.env["social.placement"]._get_running_domain(day, day)
            )
        )
        employment = placements.filtered(lambda p: p.scheme_id.is_employment)
        other = placements.filtered(
            lambda p: not p.scheme_id.is_employment
            and p.scheme_id.exclusive
            and p.scheme_type != "ordinary"
        )
        target_ids = set(employment.employee_id.ids) & in_force
        not_workers = set(other.employee_id.ids) - set(employment.employee_id.ids)
        workers = len(in_force - not_workers)
        counted = employment.filtered(lambda p: p.employee_id.id in target_ids)
        return {
            "target": len(target_ids),
            "workers": workers,
            "share": financial.share(len(target_ids), workers),
            "schemes": counted.scheme_id.sorted("sequence").mapped("name"),
        }

    @api.model
    def _get_social_notes(self, ctx):
        workforce = self._get_workforce_details(ctx["company"], ctx["date_to"])
        target, employees, share = (
            workforce["target"],
            workforce["workers"],
            workforce["share"],
        )
        passed = financial.reserved_contract_test(share)
        # Aggregated hours by scheme; the production report itself is for coordinators.
        hours = (
            self.env["social.production.report"]
            .sudo()
            ._get_production_hours_by_scheme(
                ctx["date_from"], ctx["date_to"], company=ctx["company"]
            )
        )
        hour_rows = [
            {
                "label": scheme.name if scheme else self.env._("Staff"),
                "value": round(value, 1),
            }
            for scheme, value in sorted(
                hours.items(), key=lambda i: (not i[0], i[0].sequence if i[0] else 0)
            )
        ]
        return {
            "target_group": target,
            "employees": employees,
            "share": share,
            "reserved_test": passed,
            "reserved_label": self.env._("Passed") if passed else self.env._("Failed"),
            "reserved_schemes": ", ".join(workforce["schemes"]),
            "production_hours": hour_rows,
        }
