"""Fault check: a billing run or an import killed in the middle leaves no half-written
records.

Usage (on the benchmark database, after ``make bench`` built it)::

    python tests/benchmarks/fault_billing.py --config .odoo.conf \
        --db social_enterprise_bench

For each phase (computing the preview, creating the invoices, the background job
creating them in committed chunks) a child process does what a manager's request or
the job does and is killed with SIGKILL (no clean-up, as when a server dies) while
the phase runs. A new process then checks that nothing of the killed phase was
half-written: no run (compute), no invoice and no billing line pointing at one
(invoices), only whole chunks (the job), and that running the job again completes,
each placement-month billed once. The same for the payroll-file import (Danløn): a
file of every person's month killed while it imports leaves no wage basis of that
month, and importing it again brings every person's. What the check created is
removed at the end. ``--only billing`` or ``--only import`` runs one part. Exits
non-zero on any failure.
"""

import argparse
import base64
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta

import odoo
from odoo import api
from odoo.modules.registry import Registry

NAME = "FAULT-CHECK"
# The import's month and payroll numbers: far from any real data, removed after.
IMPORT_MONTH = date(2001, 1, 1)
IMPORT_PREFIX = "FAULTCHECK-"


def environment(args):
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.db], setup_logging=False
    )
    return Registry(args.db)


def month_to_bill():
    today = date.today()
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1), today.replace(
        day=1
    )


def import_people(env):
    """The people of the company with the most placements, each given a payroll
    number of the check's own where they have none (removed at the end)."""
    groups = env["social.placement"]._read_group([], ["company_id"], ["__count"])
    company = max(groups, key=lambda group: group[1])[0]
    employees = env["hr.employee"].search([("company_id", "=", company.id)])
    for employee in employees.filtered(lambda e: not e.payroll_number):
        employee.payroll_number = f"{IMPORT_PREFIX}{employee.id}"
    return company, employees


LINES_PER_PERSON = 2000  # so that the import runs long enough to be killed


def import_child(env):
    """Import a Danløn file with every person's month (2,000 lines each)."""
    company, employees = import_people(env)
    env.cr.commit()
    cvr = "".join(c for c in (company.vat or "") if c.isdigit()) or "12345678"
    text = "".join(
        f"{cvr};{number};1;{7 + n % 2}\n"
        for number in sorted(set(employees.mapped("payroll_number")))
        for n in range(LINES_PER_PERSON)
    )
    wizard = env["social.wage.import.wizard"].create(
        {
            "company_id": company.id,
            "month": IMPORT_MONTH,
            "payroll_format": "danloen",
            "file": base64.b64encode(text.encode()),
            "filename": "fault-check.csv",
        }
    )
    print("STARTED", flush=True)
    wizard.action_import()


def child(args):
    """Play the manager's request(s); print the phase before it starts."""
    registry = environment(args)
    month, day = month_to_bill()
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        if args.child == "import":
            import_child(env)
            cr.commit()
            print("DONE", flush=True)
            return
        Run = env["social.billing.run"]
        run = Run.search([("name", "=", NAME)], limit=1)
        if args.child == "compute":
            run = Run.create(
                {
                    "name": NAME,
                    "company_id": env.company.id,
                    "period_start": month,
                    "date": day,
                }
            )
            print("STARTED", flush=True)
            run.action_compute()
        elif args.child == "invoices":
            print("STARTED", flush=True)
            run.action_create_invoices()
        else:  # the background job, chunks of 10 invoices, each committed
            run.invoice_queued_by = env.user
            cr.commit()
            print("STARTED", flush=True)
            Run._cron_create_queued_invoices(chunk=10)
        cr.commit()
    print("DONE", flush=True)


def kill_during(args, phase, delay):
    """Run the child for ``phase`` and SIGKILL it ``delay`` seconds after it
    started the phase. True when it was killed before it committed."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--config", args.config, "--db", args.db]
        + ["--child", phase],
        stdout=subprocess.PIPE,
        text=True,
    )
    for line in proc.stdout:
        if line.startswith("STARTED"):
            break
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait()
    return "DONE" not in rest


def check_import(args, expect):
    """The payroll-file import killed while it writes: one transaction, so no wage
    basis of the month stays; the same file again brings every person's month."""
    registry = environment(args)

    def periods():
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            return env["social.wage.period"].search_count(
                [("period_start", "=", IMPORT_MONTH)]
            )

    expect(periods() == 0, "no earlier fault-check import in the database")
    killed = kill_during(args, "import", args.delay_import)
    expect(killed, f"import killed after {args.delay_import} s, before it ended")
    time.sleep(2)  # PostgreSQL ends the killed connection's transaction
    expect(periods() == 0, "killed import left no wage basis of the month")
    subprocess.run(
        [sys.executable, __file__, "--config", args.config, "--db", args.db]
        + ["--child", "import"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        _company, employees = import_people(env)
        imported = env["social.wage.period"].search(
            [("period_start", "=", IMPORT_MONTH)]
        )
        people = len(set(employees.mapped("payroll_number")))
        # 1,000 lines of 0.07 and 1,000 of 0.08 hours: 150.00 paid hours a person.
        expect(
            len(imported) == people
            and {round(p.paid_hours, 2) for p in imported} == {150.0},
            f"the import again: {len(imported)} of {people} payroll numbers' month, "
            "150.00 paid hours each",
        )
        # Clean up what the check committed.
        imported.unlink()
        employees.filtered(
            lambda e: (e.payroll_number or "").startswith(IMPORT_PREFIX)
        ).write({"payroll_number": False})
        cr.commit()


def check(args):
    failures = []

    def expect(condition, text):
        print(("ok   " if condition else "FAIL ") + text)
        if not condition:
            failures.append(text)

    if args.only in (None, "import"):
        check_import(args, expect)
    if args.only == "import":
        return failures
    registry = environment(args)

    def state():
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            run = env["social.billing.run"].search([("name", "=", NAME)])
            moves = env["account.move"].search([("invoice_origin", "=", NAME)])
            return (
                len(run),
                run.state,
                len(run.line_ids),
                len(moves),
                len(run.line_ids.filtered("move_id")),
            )

    def empty_invoices():
        with registry.cursor() as cr:
            cr.execute(
                """SELECT COUNT(*) FROM account_move m WHERE m.invoice_origin = %s
                   AND NOT EXISTS (SELECT 1 FROM social_billing_line l
                                    WHERE l.move_id = m.id)""",
                (NAME,),
            )
            return cr.fetchone()[0]

    expect(state()[0] == 0, "no earlier fault-check run in the database")
    # 1. killed while computing the preview: the run and its lines are one
    # transaction, so nothing stays.
    killed = kill_during(args, "compute", args.delay_compute)
    expect(killed, f"compute killed after {args.delay_compute} s, before it ended")
    expect(state()[0] == 0, "killed compute left no run and no billing lines")
    # The same request again completes: the preview to invoice.
    subprocess.run(
        [sys.executable, __file__, "--config", args.config, "--db", args.db]
        + ["--child", "compute"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    runs, run_state, lines, moves, invoiced = state()
    expect(run_state == "preview" and lines > 0, f"compute again: {lines} lines")
    # 2. killed while creating the invoices: one batched create in one
    # transaction, so no invoice and no line marked as invoiced stays.
    killed = kill_during(args, "invoices", args.delay_invoices)
    expect(killed, f"invoices killed after {args.delay_invoices} s, before the end")
    runs, run_state, lines_after, moves, invoiced = state()
    expect(
        run_state == "preview" and moves == 0 and invoiced == 0,
        f"killed invoicing left the preview as it was ({moves} invoices, "
        f"{invoiced} lines invoiced)",
    )
    # 3. the background job killed between or inside its chunks: the chunks
    # committed are whole (each invoice with the lines it bills), the rest is
    # still to invoice, and the job run again finishes it.
    killed = kill_during(args, "background", args.delay_background)
    expect(killed, f"background job killed after {args.delay_background} s")
    runs, run_state, lines_after, moves, invoiced = state()
    expect(
        run_state == "preview" and 0 < invoiced < lines and not empty_invoices(),
        f"killed job left whole chunks: {moves} invoices for {invoiced} of "
        f"{lines} lines, no invoice without its lines",
    )
    time.sleep(2)  # PostgreSQL ends the killed connection's transaction
    subprocess.run(
        [sys.executable, __file__, "--config", args.config, "--db", args.db]
        + ["--child", "background"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    runs, run_state, lines_after, moves, invoiced = state()
    expect(
        run_state == "done"
        and invoiced == lines_after == lines
        and not empty_invoices(),
        f"the job run again: {moves} invoices for all {invoiced} lines, once",
    )
    # Clean up what the check committed.
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        run = env["social.billing.run"].search([("name", "=", NAME)])
        invoices = env["account.move"].search([("invoice_origin", "=", NAME)])
        invoices.unlink()  # their billing lines go with them (cascade)
        env.invalidate_all()
        run.line_ids.unlink()
        run.write({"state": "draft"})  # a run that invoiced refuses deletion
        run.unlink()
        cr.commit()
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument(
        "--child", choices=["compute", "invoices", "background", "import"]
    )
    parser.add_argument("--only", choices=["billing", "import"])
    parser.add_argument("--delay-compute", type=float, default=0.5)
    parser.add_argument("--delay-invoices", type=float, default=2.0)
    parser.add_argument("--delay-background", type=float, default=3.0)
    parser.add_argument("--delay-import", type=float, default=0.5)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    failures = check(args)
    print("all fault checks passed" if not failures else f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
