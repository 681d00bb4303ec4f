from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools.misc import formatLang

from ..tools import financial

BODIES = [
    ("board", "Board of directors"),
    ("executive", "Executive management"),
    ("other", "Other"),
]
LINE_KINDS = [
    ("remuneration", "Management remuneration"),
    ("related_party", "Agreement with a related party"),
]


class SocialRsvReport(models.Model):
    """The notes a registered social-economy enterprise (RSV, lov 711/2014) adds to
    its annual report: management remuneration per body, agreements with related
    parties, distributions with the return on the paid-in capital, and a statement
    of how the social purpose was pursued, drafted from the impact numbers.

    They print from the Print menu as PDF (``action_report_social_rsv``) and xlsx
    (``action_report_social_rsv_xlsx``, OCA report_xlsx), both from
    ``_get_notes_data``'s figures and with read access only."""

    _name = "social.rsv.report"
    _description = "RSV Annual Notes"
    _order = "fiscal_year desc, company_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    fiscal_year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year - 1
    )
    date_from = fields.Date(compute="_compute_dates")
    date_to = fields.Date(compute="_compute_dates")
    line_ids = fields.One2many("social.rsv.report.line", "report_id", "Lines")
    remuneration_ids = fields.One2many(
        "social.rsv.report.line",
        "report_id",
        "Management Remuneration",
        domain=[("kind", "=", "remuneration")],
    )
    related_party_ids = fields.One2many(
        "social.rsv.report.line",
        "report_id",
        "Agreements with Related Parties",
        domain=[("kind", "=", "related_party")],
    )
    paid_in_capital = fields.Monetary("Paid-in Capital")
    dividends = fields.Monetary()
    other_distributions = fields.Monetary(
        help="Other distributions to owners, e.g. a capital reduction paid out."
    )
    distributions_total = fields.Monetary(
        "Distributions", compute="_compute_return", store=True
    )
    return_percent = fields.Float(
        "Return on Paid-in Capital (%)",
        compute="_compute_return",
        store=True,
        digits=(16, 2),
    )
    return_cap_percent = fields.Float(
        "Return Cap (%)",
        digits=(16, 2),
        help="The cap on the return the statutes set (profits are mainly kept for the "
        "social purpose); the notes state whether the return stayed within it.",
    )
    cap_exceeded = fields.Boolean(compute="_compute_return", store=True)
    purpose_statement = fields.Text(
        "Statement on the Social Purpose",
        help="Drafted from the impact numbers; edit it before printing.",
    )

    _company_year_unique = models.Constraint(
        "UNIQUE(company_id, fiscal_year)",
        "There are already RSV notes for this company and year.",
    )

    @api.depends("fiscal_year", "company_id")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "RSV notes %(year)s, %(company)s",
                year=report.fiscal_year,
                company=report.company_id.name or "",
            )

    @api.depends("fiscal_year")
    def _compute_dates(self):
        for report in self:
            year = report.fiscal_year or fields.Date.context_today(self).year
            report.date_from = date(year, 1, 1)
            report.date_to = date(year, 12, 31)

    @api.depends(
        "dividends", "other_distributions", "paid_in_capital", "return_cap_percent"
    )
    def _compute_return(self):
        for report in self:
            total = (report.dividends or 0.0) + (report.other_distributions or 0.0)
            report.distributions_total = total
            pct = financial.return_on_capital(total, report.paid_in_capital)
            report.return_percent = pct or 0.0
            report.cap_exceeded = bool(
                report.return_cap_percent
                and pct is not None
                and pct > report.return_cap_percent
            )

    @api.constrains("fiscal_year")
    def _check_fiscal_year(self):
        for report in self:
            if not 2014 <= report.fiscal_year <= 2100:
                raise UserError(
                    self.env._("Choose a fiscal year from 2014 (lov 711/2014) on.")
                )

    # ---------------------------------------------------------------- impact
    def _get_impact_numbers(self):
        """Aggregated numbers of the year: people by scheme, attended hours of the
        target group, transitions by destination, share of disadvantaged workers."""
        self.ensure_one()
        Placement = self.env["social.placement"]
        domain = Domain("company_id", "=", self.company_id.id) & (
            Placement._get_running_domain(self.date_from, self.date_to)
        )
        by_scheme = Placement._read_group(
            domain, ["scheme_id"], ["employee_id:count_distinct"]
        )
        people = Placement._read_group(domain, [], ["employee_id:array_agg"])[0][0]
        Attendance = self.env["hr.attendance"]
        hours = Attendance._read_group(
            Attendance._get_day_domain(
                self.env["hr.employee"].browse(set(people or [])),
                self.date_from,
                self.date_to,
            ),
            [],
            ["worked_hours:sum"],
        )[0][0]
        transitions = Placement._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "ended"),
                ("date_end", ">=", self.date_from),
                ("date_end", "<=", self.date_to),
                ("destination", "!=", False),
            ],
            ["destination"],
            ["__count"],
        )
        workforce = self.env["social.financial.statement"]._get_workforce_details(
            self.company_id, self.date_to
        )
        target, employees, share = (
            workforce["target"],
            workforce["workers"],
            workforce["share"],
        )
        return {
            "by_scheme": [
                (s.name, n) for s, n in sorted(by_scheme, key=lambda i: i[0].sequence)
            ],
            "people": len(set(people or [])),
            "hours": round(hours or 0.0, 1),
            "transitions": transitions,
            "target_group": target,
            "employees": employees,
            "share": share,
            "share_schemes": workforce["schemes"],
        }

    def _draft_purpose_statement(self):
        numbers = self._get_impact_numbers()
        destinations = dict(
            self.env["social.placement"]
            ._fields["destination"]
            ._description_selection(self.env)
        )
        parts = [
            self.env._(
                "In %(year)s %(company)s pursued its social purpose by employing and "
                "training %(people)s people far from the labour market, who worked "
                "%(hours)s hours with us.",
                year=self.fiscal_year,
                company=self.company_id.name,
                people=numbers["people"],
                hours=formatLang(self.env, numbers["hours"], digits=0),
            )
        ]
        if numbers["by_scheme"]:
            parts.append(
                self.env._(
                    "People by scheme: %(list)s.",
                    list=", ".join(
                        f"{name} {count}" for name, count in numbers["by_scheme"]
                    ),
                )
            )
        if numbers["transitions"]:
            parts.append(
                self.env._(
                    "Moved on after their placement: %(list)s.",
                    list=", ".join(
                        f"{destinations.get(d, d)} {n}"
                        for d, n in numbers["transitions"]
                    ),
                )
            )
        if numbers["share"] is not None:
            parts.append(
                self.env._(
                    "At the end of the year %(share)s %% of our %(employees)s "
                    "workers were disadvantaged workers (%(target)s people in "
                    "employment on %(schemes)s).",
                    share=formatLang(self.env, numbers["share"], digits=1),
                    employees=numbers["employees"],
                    target=numbers["target_group"],
                    schemes=", ".join(numbers["share_schemes"]) or "-",
                )
            )
        return "\n\n".join(parts)

    @api.model_create_multi
    def create(self, vals_list):
        """New notes open with the statement drafted from the year's numbers, so the
        manager edits a text instead of facing an empty field."""
        reports = super().create(vals_list)
        for report in reports.filtered(lambda r: not r.purpose_statement):
            report.purpose_statement = report._draft_purpose_statement()
        return reports

    def action_draft_statement(self):
        for report in self:
            report.purpose_statement = report._draft_purpose_statement()

    # ---------------------------------------------------------------- outputs
    def _get_notes_data(self):
        self.ensure_one()
        bodies = dict(BODIES)
        return {
            "title": self.name,
            "company": self.company_id.name,
            "year": self.fiscal_year,
            "currency": self.currency_id.name,
            "remuneration": [
                {"label": bodies.get(line.body, ""), "party": line.party or "",
                 "amount": line.amount}
                for line in self.remuneration_ids
            ],
            "related_parties": [
                {"party": line.party or "", "nature": line.nature or "",
                 "amount": line.amount, "terms": line.terms or ""}
                for line in self.related_party_ids
            ],
            "distributions": {
                "dividends": self.dividends,
                "other": self.other_distributions,
                "capital": self.paid_in_capital,
                "return": financial.return_on_capital(
                    self.distributions_total, self.paid_in_capital
                ),
                "cap": self.return_cap_percent or None,
            },
            "statement": self.purpose_statement or "",
        }  # fmt: skip

    def _get_xlsx_labels(self):
        return {
            "sheet": self.env._("RSV notes"),
            "remuneration": self.env._("Management remuneration"),
            "body": self.env._("Body"),
            "party": self.env._("Party"),
            "nature": self.env._("Nature"),
            "amount": self.env._("Amount"),
            "terms": self.env._("Terms"),
            "related_parties": self.env._("Agreements with related parties"),
            "distributions": self.env._("Distributions"),
            "dividends": self.env._("Dividends"),
            "other": self.env._("Other distributions"),
            "total": self.env._("Total"),
            "capital": self.env._("Paid-in capital"),
            "return": self.env._("Return on paid-in capital (%)"),
            "cap": self.env._("Return cap (%)"),
            "statement": self.env._("Statement on the social purpose"),
        }


class SocialRsvReportLine(models.Model):
    _name = "social.rsv.report.line"
    _description = "RSV Annual Notes Line"
    _order = "report_id, kind, sequence, id"

    report_id = fields.Many2one(
        "social.rsv.report", required=True, index=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="report_id.currency_id")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(LINE_KINDS, required=True, default="remuneration")
    body = fields.Selection(BODIES)
    party = fields.Char(help="Who: the body's members or the related party.")
    nature = fields.Char(help="What the agreement is about.")
    amount = fields.Monetary()
    terms = fields.Char(help="Price and terms, e.g. on market terms.")
