from odoo import api, models


class ReportSocialPayStatement(models.AbstractModel):
    """One page per participant and month from the chosen pay lines."""

    _name = "report.social_enterprise.report_pay_statement"
    _description = "Participant Pay Statement"

    @api.model
    def _get_statements(self, lines):
        """[{run, employee, days, hours, rate, pay, transport, other, total, lines}]
        per run and participant, in the order of the lines."""
        statements = {}
        for line in lines.sorted(lambda ln: (ln.period_start, ln.employee_id.name)):
            key = (line.run_id.id, line.employee_id.id)
            stmt = statements.setdefault(
                key,
                {
                    "run": line.run_id,
                    "employee": line.employee_id,
                    "days": 0.0,
                    "hours": 0.0,
                    "rate": 0.0,
                    "units": 0.0,
                    "pay": 0.0,
                    "transport": 0.0,
                    "other": 0.0,
                    "total": 0.0,
                    "lines": line.browse(),
                },
            )
            if line.pay_type == "pay" and not line.is_correction:
                stmt["days"] = line.days
                stmt["hours"] = line.hours
                stmt["rate"] = line.rate
                stmt["units"] = line.quantity
                stmt["effort"] = bool(line.basis_id.method == "effort")
            stmt[line.pay_type] += line.amount
            stmt["total"] += line.amount
            stmt["lines"] |= line
        return list(statements.values())

    @api.model
    def _get_report_values(self, docids, data=None):
        lines = self.env["social.pay.line"].browse(docids)
        # The statement is in Danish wherever Danish is installed.
        lang = self.env["res.lang"]._get_code("da_DK") or self.env.lang or "en_US"
        return {
            "doc_ids": docids,
            "doc_model": "social.pay.line",
            "docs": lines,
            "statements": self._get_statements(lines),
            "lang": lang,
        }
