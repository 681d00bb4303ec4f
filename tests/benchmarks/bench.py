"""Benchmark: a synthetic enterprise over 3 years, its reports and a billing run.

Usage (through ``make bench``)::

    python tests/benchmarks/bench.py --config .odoo.conf --db social_enterprise_bench \
        [--people 1000] [--billing 1000] [--runs 3] [--profile N]

The first run fills the database: ``--people`` people (1,000), 3 municipalities,
placements across the schemes with ended ones and transition answers, attendance
over 3 years, production timesheets and 36 months of posted revenue and wage entries
(``generate_accounting``); then agreements for the municipalities and placements
until ``--billing`` of them run in last month (``generate_billing``). The fixtures
live here, with the benchmark, not in the addons. Later runs reuse them; a larger
``--billing`` tops them up.

Then, per report: its bare PostgreSQL aggregate over the same rows and the report's
own median wall time side by side with the ratio, the SQL queries and the peak Python
memory of one run; and last month's billing run phase by phase (compute, invoices,
posting, OIOUBL export): time, queries and peak memory. Everything the runs write is
rolled back. ``--profile N`` prints instead the N most expensive functions of each
billing phase (cProfile). These are figures, not tests: the targets are in the README.
"""

import argparse
import cProfile
import pstats
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
BILLING_MARKER = "social_enterprise.bench_billing"


def generate(env, today, people=PEOPLE):
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
            for i in range(people)
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
    attendance_rows = insert_attendance(
        env, "Bench Person %", date(1900, 1, 1), today - timedelta(days=1)
    )
    extra = generate_accounting(env, today)
    env["ir.config_parameter"].set_param(MARKER, today.isoformat())
    return {"placements": len(placements), "attendance lines": attendance_rows, **extra}


def insert_attendance(env, name_pattern, first, last):
    """Attendance on the agreed days of the placements of the people whose name
    is like ``name_pattern``, from ``first`` to ``last`` inside each placement, 9
    days in 10, with one INSERT ... SELECT. Returns the number of lines."""
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
              GREATEST(p.date_start, %s), LEAST(COALESCE(p.date_end, %s), %s),
              INTERVAL '1 day'
          ) AS d(day)
         WHERE e.name LIKE %s
           AND EXTRACT(ISODOW FROM d.day) <= p.days_per_week
           AND random() < 0.9
        """,
        (first, last, last, name_pattern),
    )
    return env.cr.rowcount


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


# ------------------------------------------------------------------ billing fixtures
# Valid Danish CVR numbers and GS1 check digits, so the OIOUBL export accepts them.
MUNICIPAL_CVR = ["29189404", "64942212", "29189412"]


def generate_billing(env, today, count):
    """Agreements for every bench municipality and placements until ``count``
    placements run in last month on the schemes the agreements cover, with their
    attendance. Municipality 0 bills calendar days (§103 by level, §104, STU by
    month), 1 bills attended days, 2 wants one invoice per order (orders shared by
    ten placements). Returns what was added."""
    from stdnum import ean

    company = env.company
    ref = env.ref
    month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    previous = (month - timedelta(days=1)).replace(day=1)
    month_end = today.replace(day=1) - timedelta(days=1)
    company.write(
        {
            "vat": company.vat or "DK38112236",
            "street": company.street or "Rentemestervej 12",
            "zip": company.zip or "2400",
            "city": company.city or "København NV",
            "country_id": ref("base.dk").id,
        }
    )
    municipalities = env["res.partner"].search(
        [("name", "like", "Bench Kommune %"), ("is_municipality", "=", True)],
        order="name",
    )
    schemes = {
        s.code: s
        for s in env["social.scheme"].search(
            [("code", "in", ("SHELTERED_103", "ACTIVITY_104", "STU"))]
        )
    }
    # The Danish chart's exempt sales tax where the company has that chart.
    tax = env["account.chart.template"].ref("tax_smf", raise_if_not_found=False)
    tax = tax or env["account.tax"].search(
        [("company_id", "=", company.id), ("type_tax_use", "=", "sale")], limit=1
    )
    for i, municipality in enumerate(municipalities):
        prefix = f"5798000300{i:02d}"
        municipality.write(
            {
                "street": f"Rådhuspladsen {i + 1}",
                "zip": f"{4000 + i}",
                "city": f"Benchby {i}",
                "country_id": ref("base.dk").id,
                "vat": "DK" + MUNICIPAL_CVR[i % len(MUNICIPAL_CVR)],
                "peppol_eas": "0088",
                "peppol_endpoint": prefix + ean.calc_check_digit(prefix),
            }
        )
        prices = [
            ("SHELTERED_103", "1", "day", 557.0),
            ("SHELTERED_103", "2", "day", 366.0),
            ("SHELTERED_103", "3", "day", 237.0),
            ("ACTIVITY_104", False, "day", 773.0),
            ("STU", False, "month", 17500.0),
        ]
        if env["social.agreement"].search_count(
            [("municipality_id", "=", municipality.id)]
        ):
            continue  # a larger billing size tops up an earlier one
        env["social.agreement"].create(
            {
                "name": f"{municipality.name}: §103, §104, STU",
                "company_id": company.id,
                "municipality_id": municipality.id,
                "billing_basis": "attended" if i % 3 == 1 else "calendar",
                "invoice_per_order": i % 3 == 2,
                "personreference": f"BENCH-{i}",
                "tax_ids": [Command.set(tax.ids)],
                "line_ids": [
                    Command.create(
                        {
                            "scheme_id": schemes[code].id,
                            "rate_level": level,
                            "unit": unit,
                            "price": price,
                            "date_from": date(2020, 1, 1),
                        }
                    )
                    for code, level, unit, price in prices
                ],
            }
        )
    env.flush_all()
    # The report's placements get the references an agreement requires.
    env.cr.execute(
        """
        UPDATE social_placement
           SET order_ref = 'ORD-' || (id / 10), person_ref = 'SAG-' || id,
               rate_level = COALESCE(rate_level, (1 + id %% 3)::varchar)
         WHERE municipality_id IN %s AND order_ref IS NULL
        """,
        (tuple(municipalities.ids),),
    )
    env.invalidate_all()
    Placement = env["social.placement"].with_context(tracking_disable=True)
    running = Placement.search_count(
        [
            ("municipality_id", "in", municipalities.ids),
            ("scheme_id", "in", [s.id for s in schemes.values()]),
            ("company_id", "=", company.id),
        ]
        + list(Placement._get_running_domain(month, month_end))
    )
    extra = max(count - running, 0)
    rnd = random.Random(19)
    employees = env["hr.employee"].create(
        [
            {"name": f"Bench Billed {count} {i:05d}", "company_id": company.id}
            for i in range(extra)
        ]
    )
    codes = ["SHELTERED_103", "SHELTERED_103", "ACTIVITY_104", "STU"]
    vals_list = []
    for i, employee in enumerate(employees):
        code = codes[i % len(codes)]
        begin = previous - timedelta(days=rnd.randint(0, 400))
        if i % 10 == 0:  # some start in the month: prorated
            begin = month + timedelta(days=rnd.randint(1, 20))
        vals_list.append(
            {
                "employee_id": employee.id,
                "company_id": company.id,
                "scheme_id": schemes[code].id,
                "municipality_id": municipalities[i % len(municipalities)].id,
                "date_start": begin,
                "weekly_hours": rnd.choice([10, 15, 20, 25, 30]),
                "days_per_week": rnd.choice([2, 3, 4, 5]),
                "rate_level": str(1 + i % 3) if code == "SHELTERED_103" else False,
                "order_ref": f"BORD-{count}-{i // 10:04d}",
                "person_ref": f"BSAG-{count}-{i:05d}",
                "state": "active",
            }
        )
    Placement.create(vals_list)
    env.flush_all()
    attendance = insert_attendance(env, f"Bench Billed {count} %", previous, month_end)
    env["ir.config_parameter"].set_param(BILLING_MARKER, str(count))
    return {
        "agreements": len(municipalities),
        "billing placements added": extra,
        "their attendance lines": attendance,
    }


# ------------------------------------------------------------------ measuring
def measure(env, label, func, runs=3):
    """Median seconds, queries of one run and peak traced memory of one run.

    The memory run is a separate, untimed run: tracemalloc slows Python code down
    several times, so timing it would not be the report's time."""
    times = []
    queries = None
    for _run in range(runs):
        env.invalidate_all()
        env.registry.clear_cache()
        before = env.cr.sql_log_count
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
        if queries is None:
            queries = env.cr.sql_log_count - before
    env.invalidate_all()
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "report": label,
        "median_s": statistics.median(times),
        "queries": queries,
        "peak_mb": peak / 2**20,
    }


def sql_time(env, query, params, runs=3):
    """Median seconds of one bare query, fetched into Python."""
    times = []
    rows = None
    for _run in range(runs):
        started = time.perf_counter()
        env.cr.execute(query, params)
        rows = env.cr.fetchall()
        times.append(time.perf_counter() - started)
    return statistics.median(times), rows


# The bare aggregate of the municipal report: the same placements (the municipality's,
# running in the period, exclusive schemes), their planned days and hours day by day
# and their attendance summed per day inside each placement's window, per scheme.
IMPACT_SQL = """
WITH p AS (
    SELECT p.id, p.scheme_id, p.employee_id, p.weekly_hours, p.days_per_week,
           GREATEST(p.date_start, %(from)s) AS first_day,
           LEAST(COALESCE(p.date_end, %(to)s), %(to)s) AS last_day
      FROM social_placement p
      JOIN social_scheme s ON s.id = p.scheme_id
     WHERE p.municipality_id = %(municipality)s
       AND p.state IN ('active', 'ended') AND s.exclusive
       AND p.date_start <= %(to)s
       AND (p.date_end IS NULL OR p.date_end >= %(from)s)
), days AS (
    SELECT employee_id, date, SUM(worked_hours) AS hours
      FROM hr_attendance
     WHERE employee_id IN (SELECT employee_id FROM p)
       AND date BETWEEN %(from)s AND %(to)s
     GROUP BY employee_id, date
), attended AS (
    SELECT p.id, COUNT(*) FILTER (WHERE d.hours > 0) AS days, SUM(d.hours) AS hours
      FROM p JOIN days d ON d.employee_id = p.employee_id
       AND d.date BETWEEN p.first_day AND p.last_day
     GROUP BY p.id
), planned AS (
    SELECT p.id,
           SUM(CASE WHEN p.days_per_week > 5 THEN p.days_per_week / 7.0
                    WHEN EXTRACT(ISODOW FROM g.day) <= 5 THEN p.days_per_week / 5.0
                    ELSE 0 END) AS days,
           SUM(CASE WHEN p.days_per_week > 5 THEN p.weekly_hours / 7.0
                    WHEN EXTRACT(ISODOW FROM g.day) <= 5 THEN p.weekly_hours / 5.0
                    ELSE 0 END) AS hours
      FROM p CROSS JOIN LATERAL generate_series(p.first_day, p.last_day,
                                                INTERVAL '1 day') AS g(day)
     GROUP BY p.id
)
SELECT p.scheme_id, COUNT(DISTINCT p.employee_id), SUM(planned.days),
       SUM(attended.days), SUM(planned.hours), SUM(attended.hours)
  FROM p LEFT JOIN planned ON planned.id = p.id
  LEFT JOIN attended ON attended.id = p.id
 GROUP BY p.scheme_id
"""

# The bare aggregate of the financial statement: posted journal items of the period
# by month and account type, and the analytic share of each revenue stream by month.
STATEMENT_SQL = """
SELECT date_trunc('month', l.date), a.account_type, SUM(l.balance)
  FROM account_move_line l
  JOIN account_account a ON a.id = l.account_id
 WHERE l.company_id = %(company)s AND l.parent_state = 'posted'
   AND l.date BETWEEN %(from)s AND %(to)s
 GROUP BY 1, 2
UNION ALL
SELECT date_trunc('month', al.date), aa.revenue_stream, SUM(al.amount)
  FROM account_analytic_line al
  JOIN account_analytic_account aa ON aa.id = al.account_id
  JOIN account_move_line l ON l.id = al.move_line_id
 WHERE al.company_id = %(company)s AND aa.revenue_stream IS NOT NULL
   AND l.parent_state = 'posted' AND al.date BETWEEN %(from)s AND %(to)s
 GROUP BY 1, 2
"""


def reports(env, today):
    """The reports to time: (label, callable, bare SQL, its parameters)."""
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
        return env["ir.actions.report"]._render_xlsx(
            "social_enterprise.action_report_social_financial_statement_xlsx",
            wizard.ids,
            None,
        )[0]

    params = {
        "from": date_from,
        "to": min(date_to, today),
        "municipality": municipality.id,
        "company": env.company.id,
    }
    return [
        ("Municipal social-impact report (xlsx, 1 year)", impact_xlsx, IMPACT_SQL),
        ("Financial statement (xlsx, 1 year)", statement_xlsx, STATEMENT_SQL),
    ], params


# ------------------------------------------------------------------ billing run
def billing_phases(env, today):
    """A month's billing run end to end, as (phase, callable) sharing a state.
    With mail tracking on, as when a manager runs it."""
    env = env(context={})
    month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    state = {}

    def compute():
        run = env["social.billing.run"].create(
            {
                "company_id": env.company.id,
                "period_start": month,
                "date": today.replace(day=1),
            }
        )
        run.action_compute()
        env.flush_all()
        state["run"] = run
        return f"{len(run.line_ids)} lines"

    def invoices():
        state["moves"] = state["run"].action_create_invoices()
        env.flush_all()
        return f"{len(state['moves'])} invoices"

    def post():
        state["moves"].action_post()
        env.flush_all()
        return f"{len(state['moves'].invoice_line_ids)} invoice lines"

    def export():
        edi = env["account.edi.xml.oioubl_201"]
        size = errors = 0
        for move in state["moves"]:
            xml, problems = edi._export_invoice(move)
            size += len(xml)
            errors += len(problems)
        return f"{size / 2**20:.1f} MB XML, {errors} errors"

    return [
        ("compute (preview lines)", compute),
        ("create draft invoices", invoices),
        ("post invoices", post),
        ("OIOUBL export of all", export),
    ]


def measure_billing(env, today):
    """Time and queries of each phase, then peak memory of each in a second pass
    (tracemalloc would slow the timed pass down). Both passes are rolled back."""
    rows = []
    for traced in (False, True):
        env.cr.execute("SAVEPOINT bench_billing")
        env.invalidate_all()
        env.registry.clear_cache()
        for i, (label, func) in enumerate(billing_phases(env, today)):
            if traced:
                tracemalloc.start()
                func()
                rows[i]["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
                continue
            before = env.cr.sql_log_count
            started = time.perf_counter()
            note = func()
            rows.append(
                {
                    "phase": label,
                    "s": time.perf_counter() - started,
                    "queries": env.cr.sql_log_count - before,
                    "note": note,
                }
            )
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_billing")
        env.invalidate_all()
    return rows


def profile_billing(env, today, limit):
    """cProfile of each billing phase, most expensive functions first."""
    env.cr.execute("SAVEPOINT bench_profile")
    for label, func in billing_phases(env, today):
        profiler = cProfile.Profile()
        profiler.enable()
        note = func()
        profiler.disable()
        print(f"=== {label}: {note}")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(limit)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_profile")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument(
        "--profile",
        metavar="N",
        type=int,
        help="only profile the billing run (cProfile) and print its N most "
        "expensive functions per phase, by cumulative time",
    )
    parser.add_argument(
        "--billing",
        type=int,
        help="placements in the month's billing run (default 1,000; 5,000 from "
        "10,000 people); 0 skips the billing run",
    )
    args = parser.parse_args()
    if args.billing is None:
        args.billing = 1000 if args.people <= PEOPLE else 5000
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.db], setup_logging=False
    )
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        today = date.today()
        generated = False
        if not env["ir.config_parameter"].get_param(MARKER):
            started = time.perf_counter()
            sizes = generate(env, today, args.people)
            cr.commit()
            generated = True
            print(f"Generated in {time.perf_counter() - started:.0f} s: {sizes}")
        billed = int(env["ir.config_parameter"].get_param(BILLING_MARKER) or 0)
        if args.billing and billed < args.billing:
            started = time.perf_counter()
            sizes = generate_billing(env, today, args.billing)
            cr.commit()
            generated = True
            print(f"Billing data in {time.perf_counter() - started:.0f} s: {sizes}")
        if generated:  # planner statistics of the bulk inserts, as autovacuum
            cr.execute("ANALYZE")  # would make them later
        if args.profile:
            profile_billing(env, today, args.profile)
            return
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
        print()
        print(
            f"{'report':48} {'SQL s':>6} {'report s':>9} {'ratio':>6} "
            f"{'queries':>8} {'peak MB':>8}"
        )
        report_list, params = reports(env, today)
        for label, func, query in report_list:
            sql_s, _rows = sql_time(env, query, params, runs=args.runs)
            row = measure(env, label, func, runs=args.runs)
            print(
                f"{row['report']:48} {sql_s:6.3f} {row['median_s']:9.3f} "
                f"{row['median_s'] / sql_s:6.1f} {row['queries']:8d} "
                f"{row['peak_mb']:8.1f}"
            )
        if args.billing:
            print()
            print(f"Billing run of last month ({args.billing} placements wanted):")
            print(f"{'phase':28} {'s':>7} {'queries':>8} {'peak MB':>8}  result")
            rows = measure_billing(env, today)
            for row in rows:
                print(
                    f"{row['phase']:28} {row['s']:7.2f} {row['queries']:8d} "
                    f"{row['peak_mb']:8.1f}  {row['note']}"
                )
            print(
                f"{'end to end':28} {sum(r['s'] for r in rows):7.2f} "
                f"{sum(r['queries'] for r in rows):8d} "
                f"{max(r['peak_mb'] for r in rows):8.1f}"
            )
        cr.rollback()


if __name__ == "__main__":
    main()
