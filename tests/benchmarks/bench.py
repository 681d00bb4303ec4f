"""Report benchmark: a synthetic enterprise of 1,000 people over 3 years, then timings.

Usage (through ``make bench``)::

    python tests/benchmarks/bench.py --config .odoo.conf --db social_enterprise_bench

The first run fills the database: 1,000 people, 3 municipalities, placements across the
schemes with ended ones and transition answers, about 400,000 attendance lines over 3
years, plus what installed addons add through the ``_bench_generate`` hook of
``social.placement``.
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

import odoo
from odoo import api
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
    extra = placements._bench_generate(today)
    env["ir.config_parameter"].set_param(MARKER, today.isoformat())
    return {"placements": len(placements), "attendance lines": attendance_rows, **extra}


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
    """The reports to time: (label, callable). Addons extend this list."""
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

    result = [("Municipal social-impact report (xlsx, 1 year)", impact_xlsx)]
    hook = getattr(env["social.placement"], "_bench_reports", None)
    if hook:
        result += hook(date_from, date_to)
    return result


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
