# One concern a file (demo data, hours, follow-ups, ratio rule) keeps the placement
# model readable; the classes are merged by the registry.
# pylint: disable=consider-merging-classes-inherited
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Command

from ..tools import demo_people


class SocialPlacement(models.Model):
    _inherit = "social.placement"

    @api.model
    def _demo_load(self):
        """Bring the sample placements of demo/social_placement_demo.xml to life.

        The records hold the people and their placements as data; this ends those that
        lie in the past through the ordinary ending path (the transition follow-ups
        follow), answers the follow-ups already due and adds a year of attendance.
        Called once from the demo data; deterministic for a given day.
        """
        today = fields.Date.context_today(self)
        placements = self.browse(
            self.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "social_enterprise"),
                    ("model", "=", self._name),
                    ("name", "=like", "social_placement_%_demo"),
                ],
                order="name",
            )
            .mapped("res_id")
        )
        for placement in placements:
            if placement.date_end and placement.date_end < today:
                placement._end(
                    placement.date_end,
                    placement.end_reason or "completed",
                    placement.destination,
                )
        self._demo_generate_attendance(
            placements.filtered(lambda p: p.scheme_id.exclusive), today
        )
        self._demo_answer_followups(placements, today)
        self._cron_schedule_followups()
        return placements

    @api.model
    def _demo_answer_followups(self, placements, today):
        """Answer the transition follow-ups already due, as a coordinator would have."""
        answers = ["yes_same", "yes_same", "yes_other", "no", "yes_same", "unknown"]
        due = placements.transition_followup_ids.filtered(lambda f: f.date_due <= today)
        for i, followup in enumerate(due.sorted("id")):
            followup.write(
                {
                    "answer": answers[i % len(answers)],
                    "date_answered": followup.date_due,
                }
            )

    @api.model
    def _demo_generate_attendance(self, placements, today):
        window_start = today - relativedelta(months=12)
        window_end = today - relativedelta(days=1)
        vals_list = []
        for placement in placements:
            for check_in, check_out in demo_people.attendance_slots(
                placement.employee_id.name,
                placement.date_start,
                placement.date_end,
                placement.weekly_hours,
                placement.days_per_week,
                window_start,
                window_end,
            ):
                vals_list.append(
                    {
                        "employee_id": placement.employee_id.id,
                        "check_in": check_in,
                        "check_out": check_out,
                    }
                )
        self.env["hr.attendance"].with_context(tracking_disable=True).create(vals_list)

    @api.model
    def _bench_generate(self, today):
        """Hook for the report benchmark (tests/benchmarks/bench.py): addons add their
        synthetic data for the benchmark's placements and return counts to print.

        Adds production timesheets (one INSERT ... SELECT from the attendance) and 36
        months of posted journal entries: revenue on every stream and wages per
        person, so the financial statement has real volume."""
        result = {}
        env = self.env
        company = env.company
        if not company.chart_template:
            return result
        project = (
            env["project.project"]
            .with_company(company)
            .create(
                {
                    "name": "Bench production",
                    "company_id": company.id,
                    "social_activity": "production",
                }
            )
        )
        env.cr.execute(
            "UPDATE hr_employee SET company_id = %s WHERE name LIKE 'Bench Person %%'",
            (company.id,),
        )
        env.cr.execute(
            "UPDATE social_placement SET company_id = %s WHERE employee_id IN "
            "(SELECT id FROM hr_employee WHERE name LIKE 'Bench Person %%')",
            (company.id,),
        )
        env.flush_all()
        env.cr.execute(
            """
            INSERT INTO account_analytic_line (name, date, amount, unit_amount,
                account_id, project_id, employee_id, company_id, currency_id,
                create_uid, write_uid, create_date, write_date)
            SELECT 'Produktion', a.check_in::date, 0, a.worked_hours * 0.8,
                   %s, %s, a.employee_id, %s, %s, 1, 1, NOW(), NOW()
              FROM hr_attendance a
              JOIN hr_employee e ON e.id = a.employee_id
             WHERE e.name LIKE 'Bench Person %%' AND a.id %% 2 = 0
            """,
            (
                project.account_id.id,
                project.id,
                company.id,
                company.currency_id.id,
            ),
        )
        result["timesheet lines"] = env.cr.rowcount
        result["journal items"] = self._bench_generate_moves(company, today)
        return result

    @api.model
    def _bench_generate_moves(self, company, today):
        """36 months of posted entries: 4 streams of revenue and wages for every
        bench person, in batches of one month."""
        env = self.env
        Account = env["account.account"].with_company(company)

        def first(account_type):
            return Account.search([("account_type", "=", account_type)], limit=1)

        income = first("income")
        subsidy = first("income_other") or income
        wages = env["social.financial.statement"]._get_wage_accounts(company).filtered(
            "active"
        )[:1] or first("expense")
        receivable = first("asset_receivable")
        payable = first("liability_current") or first("liability_payable")
        journal = env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        streams = {
            s: env["account.analytic.account"]._get_revenue_stream_account(s, company)
            for s in ("commercial", "social_service", "wage_subsidy", "grant")
        }
        contacts = (
            env["hr.employee"]
            .search([("name", "like", "Bench Person"), ("company_id", "=", company.id)])
            .work_contact_id
        )
        start = today.replace(day=1) - relativedelta(months=36)
        count = 0
        Move = env["account.move"].with_context(
            tracking_disable=True, skip_invoice_sync=True
        )
        for m in range(36):
            day = start + relativedelta(months=m, days=14)
            lines = []
            for i, (stream, account) in enumerate(streams.items()):
                for k in range(10):
                    amount = 1000.0 * (i + 1) + 37 * k + m
                    lines.append(
                        {
                            "account_id": (
                                subsidy if stream == "wage_subsidy" else income
                            ).id,
                            "credit": amount,
                            "name": f"Bench {stream}",
                            "analytic_distribution": {str(account.id): 100.0},
                        }
                    )
            lines += [
                {
                    "account_id": wages.id,
                    "partner_id": contact.id,
                    "debit": 5000.0 + (contact.id % 7) * 100,
                    "name": "Løn",
                }
                for contact in contacts[:200]
            ]
            balance = sum(v.get("debit", 0.0) - v.get("credit", 0.0) for v in lines)
            lines.append(
                {
                    "account_id": (receivable if balance < 0 else payable).id,
                    "debit": -balance if balance < 0 else 0.0,
                    "credit": balance if balance > 0 else 0.0,
                    "name": "Bench",
                }
            )
            move = Move.create(
                {
                    "move_type": "entry",
                    "date": day,
                    "journal_id": journal.id,
                    "company_id": company.id,
                    "line_ids": [Command.create(v) for v in lines],
                }
            )
            move.action_post()
            count += len(lines)
            env.flush_all()
            env.invalidate_all()
        return count

    @api.model
    def _bench_reports(self, date_from, date_to):
        """Hook for the report benchmark: more (label, callable) reports to time."""
        company = self.env.company

        def statement_xlsx():
            wizard = self.env["social.financial.statement.wizard"].create(
                {"company_id": company.id, "date_from": date_from, "date_to": date_to}
            )
            return self.env["ir.actions.report"]._render_xlsx(
                "social_enterprise.action_report_social_financial_statement_xlsx",
                wizard.ids,
                None,
            )[0]

        return [("Financial statement (xlsx, 1 year)", statement_xlsx)]
