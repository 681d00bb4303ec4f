"""Report benchmark: a synthetic enterprise of 1,000 people over 3 years, then timings.

Usage (through ``make bench``)::

    python tests/benchmarks/bench.py --config .odoo.conf --db social_enterprise_bench

The first run fills the database: 1,000 people, 3 municipalities, placements across the
schemes with ended ones and transition answers, about 400,000 attendance lines over 3
years, production timesheets and 36 months of posted revenue and wage entries
(``generate_accounting``). The fixtures live here, with the benchmark, not in the
addons.
Later runs reuse it. Then each report runs several times and the script prints, per
report: the median wall time, the SQL queries of one run, and the peak Python memory of
one run. These are figures, not tests: the targets are in the README.
"""

import argparse
import random
import statistics
import time
import tracemalloc
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

import odoo
from odoo import api
from odoo.fields import Command
from odoo.modules.registry import Registry

PEOPLE = 1000
YEARS = 3
MARKER = "social_enterprise.bench_generated"


def generate(env, today):
    """Fill the database once. Attendance goes in with one INSERT ... SELECT."""
    rnd = random.Random(2026)
    start = today.replace(day=1) - timedelta(days=365 * YEARS)
    ref = env.ref
    dk = ref("base.dk")
    Partner = env["res.partner"]
    municipalities = Partner.create(
        [
            {"name": f"Bench Kommune {i}", "is_company": True, "is_municipality": True,
             "municipality_code": f"9{i}0", "country_id": dk.id}
            for i in range(3)
        ]
    )  # fmt: skip
    unit = Partner.create({"name": "Bench workshop"})
    codes = [
        "FLEXJOB",
        "SHELTERED_103",
        "ACTIVITY_104",
        "SKAANEJOB",
        "STU",
        "SMALL_JOB",
    ]
    schemes = {s.code: s for s in env["social.scheme"].search([("code", "in", codes)])}
    employees = env["hr.employee"].create(
        [
            {"name": f"Bench Person {i:04d}", "address_id": unit.id}
            for i in range(PEOPLE)
        ]
    )
    vals_list = []
    for i, employee in enumerate(employees):
        code = codes[i % len(codes)]
        scheme = schemes[code]
        begin = start + timedelta(days=rnd.randint(0, 365 * 2))
        end = None
        if i % 4 == 0:
            end = begin + timedelta(days=rnd.randint(120, 600))
            end = min(end, today - timedelta(days=1))
        limit = scheme._max_end_date(begin)
        if limit:
            end = min(end or limit, limit)
        vals_list.append(
            {
                "employee_id": employee.id,
                "scheme_id": scheme.id,
                "municipality_id": municipalities[i % 3].id,
                "date_start": begin,
                "date_end": end,
                "weekly_hours": rnd.choice([10, 15, 20, 25, 30]),
                "days_per_week": rnd.choice([2, 3, 4, 5]),
                "work_capacity": rnd.choice([40, 50, 60, 75])
                if code == "FLEXJOB"
                else 100,
                "state": "active",
            }
        )
    Placement = env["social.placement"].with_context(tracking_disable=True)
    placements = Placement.create(vals_list)
    destinations = ["ordinary_job", "education", "flexjob", "dropout", "other_offer"]
    for i, placement in enumerate(
        placements.filtered(lambda p: p.date_end and p.date_end < today)
    ):
        placement._end(
            placement.date_end, "transition", destinations[i % len(destinations)]
        )
    followups = placements.transition_followup_ids.filtered(
        lambda f: f.date_due <= today
    )
    for i, followup in enumerate(followups):
        followup.write(
            {
                "answer": ["yes_same", "yes_other", "no"][i % 3],
                "date_answered": followup.date_due,
            }
        )
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO hr_attendance (employee_id, check_in, check_out, worked_hours, date,
                                   create_uid, write_uid, create_date, write_date)
        SELECT p.employee_id,
               d.day + INTERVAL '7 hours',
               d.day + INTERVAL '7 hours'
                     + (p.weekly_hours / p.days_per_week) * INTERVAL '1 hour',
               p.weekly_hours / p.days_per_week,
               d.day::date, 1, 1, NOW(), NOW()
          FROM social_placement p
          JOIN hr_employee e ON e.id = p.employee_id
          CROSS JOIN LATERAL generate_series(
              p.date_start, LEAST(COALESCE(p.date_end, %s), %s), INTERVAL '1 day'
          ) AS d(day)
         WHERE e.name LIKE 'Bench Person %%'
           AND EXTRACT(ISODOW FROM d.day) <= p.days_per_week
           AND random() < 0.9
        """,
        (today - timedelta(days=1), today - timedelta(days=1)),
    )
    attendance_rows = env.cr.rowcount
    extra = generate_accounting(env, today)
    env["ir.config_parameter"].set_param(MARKER, today.isoformat())
    return {"placements": len(placements), "attendance lines": attendance_rows, **extra}


def generate_accounting(env, today):
    """Production timesheets (one INSERT ... SELECT from the attendance) and 36
    months of posted journal entries: revenue on every stream and wages per
    person, so the financial statement has real volume. Counts to print."""
    result = {}
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
        SELECT 'Produktion', a.date, 0, a.worked_hours * 0.8,
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
    result["journal items"] = generate_moves(env, company, today)
    return result


def generate_moves(env, company, today):
    """36 months of posted entries: 4 streams of revenue and wages for every
    bench person, in batches of one month."""
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


def measure(env, label, func, runs=3):
    """Median seconds, queries of one run and peak traced memory of one run."""
    times = []
    queries = None
    peak = None
    for run in range(runs):
        env.invalidate_all()
        env.registry.clear_cache()
        before = env.cr.sql_log_count
        if run == 0:
            tracemalloc.start()
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
        if run == 0:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            queries = env.cr.sql_log_count - before
    return {
        "report": label,
        "median_s": statistics.median(times),
        "queries": queries,
        "peak_mb": peak / 2**20,
    }


def reports(env, today):
    """The reports to time: (label, callable)."""
    date_from = today.replace(month=1, day=1) - timedelta(days=365)
    date_to = today.replace(month=1, day=1) - timedelta(days=1)
    municipality = env["res.partner"].search(
        [("name", "=", "Bench Kommune 0")], limit=1
    )

    def impact_xlsx():
        wizard = env["social.impact.report.wizard"].create(
            {
                "municipality_id": municipality.id,
                "date_from": date_from,
                "date_to": date_to,
            }
        )
        return env["ir.actions.report"]._render_xlsx(
            "social_enterprise.action_report_social_impact_xlsx", wizard.ids, None
        )[0]

    def statement_xlsx():
        wizard = env["social.financial.statement.wizard"].create(
            {"company_id": env.company.id, "date_from": date_from, "date_to": date_to}
        )
        wizard.action_download_xlsx()
        return wizard.file_data

    return [
        ("Municipal social-impact report (xlsx, 1 year)", impact_xlsx),
        ("Financial statement (xlsx, 1 year)", statement_xlsx),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.db], setup_logging=False
    )
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        today = date.today()
        if not env["ir.config_parameter"].get_param(MARKER):
            started = time.perf_counter()
            sizes = generate(env, today)
            cr.commit()
            print(f"Generated in {time.perf_counter() - started:.0f} s: {sizes}")
        cr.execute("SELECT COUNT(*) FROM hr_attendance")
        attendance = cr.fetchone()[0]
        cr.execute("SELECT COUNT(*) FROM account_analytic_line")
        timesheets = cr.fetchone()[0]
        cr.execute("SELECT COUNT(*) FROM hr_employee")
        people = cr.fetchone()[0]
        print(
            f"Database {args.db}: {people} employees, {attendance} attendance lines, "
            f"{timesheets} analytic lines"
        )
        print(f"{'report':58} {'median s':>9} {'queries':>8} {'peak MB':>8}")
        for label, func in reports(env, today):
            row = measure(env, label, func, runs=args.runs)
            print(
                f"{row['report']:58} {row['median_s']:9.2f} {row['queries']:8d} "
                f"{row['peak_mb']:8.1f}"
            )
        cr.rollback()


if __name__ == "__main__":
    main()
