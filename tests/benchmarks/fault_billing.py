"""Fault check: a billing run killed in the middle leaves no half-written records.

Usage (on the benchmark database, after ``make bench`` built it)::

    python tests/benchmarks/fault_billing.py --config .odoo.conf \
        --db social_enterprise_bench

For each phase (computing the preview, creating the invoices) a child process does
what a manager's request does and is killed with SIGKILL (no clean-up, as when a
server dies) while the phase runs. A new process then checks that nothing of the
killed phase was written: no run (compute) or no invoice and no billing line
pointing at one (invoices), and that doing the phase again completes, each
placement-month billed once. What the check created is removed at the end. Exits
non-zero on any failure.
"""

import argparse
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


def child(args):
    """Play the manager's request(s); print the phase before it starts."""
    registry = environment(args)
    month, day = month_to_bill()
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
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
        else:
            print("STARTED", flush=True)
            run.action_create_invoices()
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


def check(args):
    failures = []

    def expect(condition, text):
        print(("ok   " if condition else "FAIL ") + text)
        if not condition:
            failures.append(text)

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
    subprocess.run(
        [sys.executable, __file__, "--config", args.config, "--db", args.db]
        + ["--child", "invoices"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    runs, run_state, lines_after, moves, invoiced = state()
    expect(
        run_state == "done" and moves > 0 and invoiced == lines_after == lines,
        f"invoicing again: {moves} invoices for all {invoiced} lines, once",
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
    parser.add_argument("--child", choices=["compute", "invoices"])
    parser.add_argument("--delay-compute", type=float, default=0.5)
    parser.add_argument("--delay-invoices", type=float, default=2.0)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    failures = check(args)
    print("all fault checks passed" if not failures else f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
