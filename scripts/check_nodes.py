"""Two Odoo nodes on one database and one filestore serve the same session.

The README's scale-out (several nodes behind a load balancer, one PostgreSQL, a shared
filestore) rests on three things this script proves with two real servers on two ports:

1. a session opened on node A is valid on node B (sessions live in the filestore);
2. a record written through node B is read back through node A (one database);
3. a file uploaded through node A is downloaded whole through node B (one filestore).

Usage (scripts/check_nodes.sh sets the arguments):
    python check_nodes.py ODOO_BIN CONF DB [PORT_A PORT_B]
Prints one line per check and exits non-zero on the first that fails.
"""

import base64
import os
import signal
import subprocess
import sys
import time

import requests

LOGIN = PASSWORD = "admin"


def start(odoo_bin, conf, db, port, log):
    """One node: threaded server, no cron (the README's rule for extra nodes)."""
    return subprocess.Popen(
        [
            sys.executable,
            odoo_bin,
            "-c",
            conf,
            "-d",
            db,
            f"--db-filter=^{db}$",
            f"--http-port={port}",
            "--gevent-port=0",
            "--max-cron-threads=0",
            "--workers=0",
            "--log-level=warn",
            f"--logfile={log}",
        ],
        start_new_session=True,
    )


def wait_up(port, process, timeout=180):
    url = f"http://127.0.0.1:{port}/web/health"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"node on port {port} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(1)
    raise SystemExit(f"node on port {port} did not answer within {timeout} s")


def rpc(session, port, path, params):
    response = session.post(
        f"http://127.0.0.1:{port}{path}",
        json={"jsonrpc": "2.0", "method": "call", "params": params},
        timeout=60,
    )
    response.raise_for_status()
    body = response.json()
    if "error" in body:
        raise SystemExit(f"{path} on port {port}: {body['error']['data']['message']}")
    return body["result"]


def call(session, port, model, method, *args, **kwargs):
    return rpc(
        session,
        port,
        "/web/dataset/call_kw",
        {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
    )


def check(label, ok):
    print(f"{'ok  ' if ok else 'FAIL'} {label}", flush=True)
    if not ok:
        raise SystemExit(1)


def main(odoo_bin, conf, db, port_a=8291, port_b=8292):
    logdir = os.path.join(os.path.dirname(os.path.abspath(conf)), ".cache", "nodes")
    os.makedirs(logdir, exist_ok=True)
    nodes = [
        start(odoo_bin, conf, db, port, os.path.join(logdir, f"node-{port}.log"))
        for port in (port_a, port_b)
    ]
    try:
        for port, process in zip((port_a, port_b), nodes, strict=True):
            wait_up(port, process)
        print(f"two nodes up on ports {port_a} and {port_b}, database {db}", flush=True)

        browser = requests.Session()
        info = rpc(
            browser,
            port_a,
            "/web/session/authenticate",
            {"db": db, "login": LOGIN, "password": PASSWORD},
        )
        uid = info["uid"]
        check(f"logged in on node A as uid {uid}", bool(uid))
        info_b = rpc(browser, port_b, "/web/session/get_session_info", {})
        check("node B serves the session opened on node A", info_b.get("uid") == uid)

        name = f"Two-node check {time.time_ns()}"
        partner_id = call(browser, port_b, "res.partner", "create", {"name": name})
        [read] = call(browser, port_a, "res.partner", "read", [partner_id], ["name"])
        check("a record written on node B is read on node A", read["name"] == name)

        content = os.urandom(64 * 1024)
        attachment_id = call(
            browser,
            port_a,
            "ir.attachment",
            "create",
            {
                "name": "two-node-check.bin",
                "datas": base64.b64encode(content).decode(),
                "res_model": "res.partner",
                "res_id": partner_id,
            },
        )
        download = browser.get(
            f"http://127.0.0.1:{port_b}/web/content/{attachment_id}?download=true",
            timeout=60,
        )
        check(
            "a file uploaded on node A downloads whole from node B",
            download.ok and download.content == content,
        )
        call(browser, port_a, "ir.attachment", "unlink", [attachment_id])
        call(browser, port_b, "res.partner", "unlink", [partner_id])
    finally:
        for process in nodes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in nodes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
    print("two nodes: all checks passed", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:4], *(int(p) for p in sys.argv[4:6]))
