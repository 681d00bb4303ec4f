"""Load check: concurrent users against a running Odoo server on the benchmark data.

Usage (a server on the benchmark database, e.g. ``make bench`` built it)::

    odoo-bin -c .odoo.conf -d social_enterprise_bench --workers=2 &
    python tests/benchmarks/load.py --url http://127.0.0.1:8069 \\
        --db social_enterprise_bench --users 20 --seconds 120

Each user is a thread with its own session playing one role in a loop, logged in
as a user of that role (``load_<role>_<n>``, created by ``--login`` on first use with
the role's groups; ``--as-admin`` logs everybody in as ``--login``): coordinators
list placements and read a month of attendance, mentors log a support session
(and remove it again), a manager computes last month's billing run (then resets
and deletes it) and downloads the municipal report. Every request is timed; the
script prints p50/p95/max per action and the errors, then checks that no
placement-month is billed twice. It exits non-zero on an unexpected error. A run
refused because another run holds the same month (the product's guard against
double billing) is counted, not an error.
"""

import argparse
import statistics
import sys
import threading
import time
from collections import defaultdict
from datetime import date, datetime, timedelta

import requests

EXPECTED = ("is being invoiced right now", "billed some of these placements")


class Client:
    def __init__(self, url, db, login, password):
        self.url = url
        self.session = requests.Session()
        self.rpc("/web/session/authenticate", db=db, login=login, password=password)

    def rpc(self, path, **params):
        response = self.session.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=120,
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise RuntimeError(body["error"]["data"].get("message", body["error"]))
        return body["result"]

    def call(self, model, method, *args, **kwargs):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            model=model,
            method=method,
            args=list(args),
            kwargs=kwargs,
        )


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = defaultdict(list)
        self.expected = defaultdict(int)

    def timed(self, action, func):
        started = time.perf_counter()
        try:
            result = func()
        except Exception as error:  # noqa: BLE001 - counted and reported
            with self.lock:
                if any(text in str(error) for text in EXPECTED):
                    self.expected[action] += 1
                else:
                    self.errors[action].append(str(error)[:200])
            return None
        with self.lock:
            self.times[action].append(time.perf_counter() - started)
        return result


def coordinator(client, stats, ctx, index):
    stats.timed(
        "list placements",
        lambda: client.call(
            "social.placement",
            "web_search_read",
            [("state", "=", "active")],
            specification={
                "name": {},
                "employee_id": {"fields": {"display_name": {}}},
                "scheme_id": {"fields": {"display_name": {}}},
                "date_start": {},
            },
            limit=80,
        ),
    )
    stats.timed(
        "read attendance",
        lambda: client.call(
            "hr.attendance",
            "web_search_read",
            [("date", ">=", ctx["month"]), ("date", "<=", ctx["month_end"])],
            specification={"employee_id": {}, "check_in": {}, "worked_hours": {}},
            limit=200,
        ),
    )


def mentor(client, stats, ctx, index):
    # The sessions are the logged-in user's (staff): each mentor thread logs at
    # an hour of its own, as one person gives one session at a time.
    start = datetime.now().replace(minute=0, second=0, microsecond=0) - timedelta(
        days=1 + index
    )

    def log():
        session_id = client.call(
            "support.session",
            "create",
            {
                "employee_id": ctx["people"][index],
                "start": start.isoformat(sep=" "),
                "duration": 1.0,
            },
        )
        client.call("support.session", "unlink", [session_id])

    stats.timed("log support session", log)


def manager(client, stats, ctx, index):
    def bill():
        run_id = client.call(
            "social.billing.run",
            "create",
            {"period_start": ctx["month"], "date": ctx["today"]},
        )
        try:
            client.call("social.billing.run", "action_compute", [run_id])
        finally:
            client.call("social.billing.run", "action_reset_draft", [run_id])
            client.call("social.billing.run", "unlink", [run_id])

    def report():
        wizard = client.call(
            "social.impact.report.wizard",
            "create",
            {
                "municipality_id": ctx["municipality"],
                "date_from": ctx["year_from"],
                "date_to": ctx["year_to"],
            },
        )
        response = client.session.get(
            f"{client.url}/report/xlsx/social_enterprise.social_impact_xlsx/{wizard}",
            timeout=120,
        )
        response.raise_for_status()
        if not response.content.startswith(b"PK"):
            raise RuntimeError("the report is not a workbook")

    stats.timed("billing run (compute)", bill)
    stats.timed("municipal report (xlsx)", report)


def context(client, users):
    today = date.today()
    month_end = today.replace(day=1) - timedelta(days=1)
    municipality = client.call(
        "res.partner", "search", [("name", "=", "Bench Kommune 0")], limit=1
    )
    people = client.call(
        "hr.employee", "search", [("name", "like", "Bench Person")], limit=users + 1
    )
    return {
        "today": today.isoformat(),
        "month": month_end.replace(day=1).isoformat(),
        "month_end": month_end.isoformat(),
        "year_from": date(today.year - 1, 1, 1).isoformat(),
        "year_to": date(today.year - 1, 12, 31).isoformat(),
        "municipality": municipality[0],
        "people": people,
    }


ROLE_GROUPS = {
    "coordinator": [
        "social_enterprise.social_enterprise_group_user",
        "hr_attendance.group_hr_attendance_officer",
    ],
    "mentor": ["support_hours.support_hours_group_mentor"],
    "manager": [
        "social_enterprise.social_enterprise_group_manager",
        "account.group_account_invoice",
    ],
}


def role_user(admin, role, index):
    """Login and password of the load user ``index`` of ``role``, created with
    the role's groups on first use (kept for the next run)."""
    login = f"load_{role}_{index:02d}"
    password = f"load-{login}-pw"
    if not admin.call("res.users", "search", [("login", "=", login)]):
        groups = []
        for xmlid in ROLE_GROUPS[role]:
            module, name = xmlid.split(".")
            data = admin.call(
                "ir.model.data",
                "search_read",
                [("module", "=", module), ("name", "=", name)],
                fields=["res_id"],
            )
            groups.append(data[0]["res_id"])
        admin.call(
            "res.users",
            "create",
            {
                "name": f"Load {role} {index}",
                "login": login,
                "password": password,
                "group_ids": [(6, 0, groups)],
            },
        )
    return login, password


def double_billed(client):
    """Placement-months on more than one live billing line of the same revision
    are impossible by the unique index; this checks the invoices: no
    placement-month on two live invoices of the same kind."""
    groups = client.call(
        "social.billing.line",
        "read_group",
        [("move_id", "!=", False), ("state", "!=", "cancel"), ("kind", "=", "regular")],
        ["placement_id"],
        ["placement_id", "period_start:month"],
        lazy=False,
    )
    return [g for g in groups if g["__count"] > 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument(
        "--as-admin",
        action="store_true",
        help="every user logs in as --login instead of a user of its role",
    )
    args = parser.parse_args()
    admin = Client(args.url, args.db, args.login, args.password)
    ctx = context(admin, args.users)
    stats = Stats()
    roles = []
    for i in range(args.users):
        # 1 manager in 10 users, the others half coordinators, half mentors.
        roles.append(manager if i % 10 == 9 else coordinator if i % 2 == 0 else mentor)
    deadline = time.monotonic() + args.seconds

    logins = [
        (args.login, args.password)
        if args.as_admin
        else role_user(admin, role.__name__, i)
        for i, role in enumerate(roles)
    ]

    def user(role, index):
        client = Client(args.url, args.db, *logins[index])
        while time.monotonic() < deadline:
            role(client, stats, ctx, index)

    threads = [
        threading.Thread(target=user, args=(role, i)) for i, role in enumerate(roles)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{args.users} users for {args.seconds} s against {args.url}")
    print(f"{'action':28} {'requests':>8} {'p50 s':>7} {'p95 s':>7} {'max s':>7}")
    for action, times in sorted(stats.times.items()):
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        print(
            f"{action:28} {len(times):8d} {statistics.median(times):7.3f} "
            f"{p95:7.3f} {times[-1]:7.3f}"
        )
    for action, count in sorted(stats.expected.items()):
        print(f"{action}: {count} refused by the double-billing guard (expected)")
    errors = sum(len(e) for e in stats.errors.values())
    for action, messages in sorted(stats.errors.items()):
        print(f"ERRORS in {action}: {len(messages)}, first: {messages[0]}")
    twice = double_billed(admin)
    print(f"placement-months billed twice: {len(twice)}")
    print(f"errors: {errors}")
    sys.exit(1 if errors or twice else 0)


if __name__ == "__main__":
    main()
