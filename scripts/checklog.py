"""Fail on any WARNING, ERROR or CRITICAL line of Odoo logs (like OCA's checklog-odoo).

Usage: checklog.py LOG [LOG ...]. The allow-list below holds regular expressions of
lines that
are known, understood and harmless; each entry says why.
"""

import re
import sys

LEVEL = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ")
ALLOW = [
    # Odoo warns when no wkhtmltopdf is installed; PDF rendering is not part of the
    # test suite.
    r"You need Wkhtmltopdf to print a pdf version of the reports",
    r"wkhtmltopdf",
]


def main(paths):
    bad = []
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = fh.readlines()
        except FileNotFoundError:
            continue
        for number, line in enumerate(lines, 1):
            if LEVEL.match(line) and not any(re.search(a, line) for a in ALLOW):
                bad.append(f"{path}:{number}: {line.rstrip()}")
    for line in bad:
        print(line)
    if bad:
        print(f"checklog: {len(bad)} warning/error line(s) in the Odoo log")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
