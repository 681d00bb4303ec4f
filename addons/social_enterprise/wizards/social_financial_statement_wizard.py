import ast

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class SocialFinancialStatementWizard(models.TransientModel):
    """Choose a company and a period, then print the xlsx (the report action
    ``action_report_social_financial_statement_xlsx`` on this wizard, through OCA
    report_xlsx) or open the figures one by one, each with the journal items it is
    made of."""

    _name = "social.financial.statement.wizard"
    _description = "Financial Statement by Revenue Stream"
    _check_company_auto = True

    def _default_date_from(self):
        today = fields.Date.context_today(self)
        return today.replace(year=today.year - 1, month=1, day=1)

    def _default_date_to(self):
        today = fields.Date.context_today(self)
        return today.replace(year=today.year - 1, month=12, day=31)

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date("From", required=True, default=_default_date_from)
    date_to = fields.Date("To", required=True, default=_default_date_to)
    line_ids = fields.One2many(
        "social.financial.statement.line", "wizard_id", "Figures", readonly=True
    )

    def _check_period(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        if self.date_from + relativedelta(years=3) <= self.date_to:
            raise UserError(self.env._("Choose a period of at most three years."))

    def _get_statement_data(self):
        self._check_period()
        return self.env["social.financial.statement"]._get_statement_data(
            self.company_id, self.date_from, self.date_to
        )

    @api.model
    def _get_xlsx_labels(self):
        return {
            "sheet": self.env._("Financial statement"),
            "company": self.env._("Company"),
            "period": self.env._("Period"),
            "generated": self.env._("Generated"),
            "currency": self.env._("Currency"),
            "line": self.env._("Line"),
            "total": self.env._("Total"),
            "notes": self.env._("Social notes"),
            "target_group": self.env._("People on a scheme (target group)"),
            "employees": self.env._("Employees"),
            "share": self.env._("Share of disadvantaged workers (%)"),
            "reserved_test": self.env._(
                "Reserved contracts, at least 30 % (EU directive 2014/24 art. 20)"
            ),
            "production_hours": self.env._("Hours in production by scheme"),
            "hours": self.env._("Hours"),
        }

    def _get_file_stem(self):
        return "{}-{}-{}".format(
            self.env._("financial-statement"),
            self.date_from.isoformat(),
            self.date_to.isoformat(),
        )

    def action_download_xlsx(self):
        self.ensure_one()
        self._check_period()
        return self.env.ref(
            "social_enterprise.action_report_social_financial_statement_xlsx"
        ).report_action(self, config=False)  # a workbook needs no letterhead

    def _prepare_line_vals(self, statement):
        months = statement["months"]
        vals_list = []
        for sequence, (section, line) in enumerate(
            (s, r) for s in statement["sections"] for r in s["rows"]
        ):
            for month, value in zip(months, line["values"], strict=True):
                if not value:
                    continue
                last = min(month + relativedelta(months=1, days=-1), self.date_to)
                first = max(month, self.date_from)
                domain = [
                    c
                    for c in line["domain"]
                    if not (isinstance(c, tuple | list) and c[0] == "date")
                ] + [
                    ("date", ">=", first.isoformat()),
                    ("date", "<=", last.isoformat()),
                ]
                vals_list.append(
                    {
                        "wizard_id": self.id,
                        "sequence": sequence,
                        "section": section["title"],
                        "name": line["label"],
                        "month": month,
                        "amount": value,
                        "domain": repr(domain),
                    }
                )
        return vals_list

    def action_open_lines(self):
        self.ensure_one()
        statement = self._get_statement_data()
        self.line_ids.unlink()
        self.env["social.financial.statement.line"].create(
            self._prepare_line_vals(statement)
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Financial statement"),
            "res_model": "social.financial.statement.line",
            "view_mode": "list,pivot",
            "domain": [("wizard_id", "=", self.id)],
            "context": {"group_by": ["section"]},
        }


class SocialFinancialStatementLine(models.TransientModel):
    """One figure of the statement (a line and a month) with the domain of the
    journal items that make it up."""

    _name = "social.financial.statement.line"
    _description = "Financial Statement Figure"
    _order = "sequence, month"

    wizard_id = fields.Many2one(
        "social.financial.statement.wizard", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    section = fields.Char(readonly=True)
    name = fields.Char("Line", readonly=True)
    month = fields.Date(readonly=True)
    amount = fields.Float(readonly=True, digits=(16, 2), aggregator="sum")
    domain = fields.Char(readonly=True)

    def _get_journal_items_domain(self):
        self.ensure_one()
        return ast.literal_eval(self.domain or "[]")

    def action_open_journal_items(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "account.move.line",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("account.view_move_line_tree").id, "list"),
                (False, "form"),
            ],
            "domain": self._get_journal_items_domain(),
            "context": {"search_default_group_by_account": 1, "create": False},
        }
