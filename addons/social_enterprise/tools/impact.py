"""Privacy rules and layout of the municipal social-impact report (no ORM).

A report is a list of *tables*. A table is a dict::

    {
        "key": "placements",            # stable technical name
        "title": "Placements by scheme",  # already translated by the caller
        "columns": [{"key": "active", "label": "Active", "kind": "count"}, ...],
        "rows": [{"label": "Flexjob", "values": {"active": 7, ...}, "n": 7}, ...],
        "total": {"label": "Total", "values": {...}, "n": 30} or None,
        "note": "...",                  # optional
        "label_title": "Person ID",     # optional header of the label column
    }

Column kinds: ``count`` (people or placements), ``hours``, ``days``, ``percent``,
``number``, ``text``, ``date``. A row's ``n`` is the number of people behind its values:
aggregate values of a row with fewer than ``threshold`` people are suppressed, and so
are count cells below the threshold. Suppressed cells hold ``None``, shown as the
SUPPRESSED marker. Tables marked ``individual`` (one row per person) are not suppressed.

>>> table = {
...     "columns": [{"key": "a", "kind": "count"}, {"key": "b", "kind": "count"}],
...     "rows": [{"label": "x", "values": {"a": 3, "b": 9}, "n": 12},
...              {"label": "y", "values": {"a": 8, "b": 6}, "n": 14}],
...     "total": {"label": "t", "values": {"a": 11, "b": 15}, "n": 26},
... }
>>> [r["values"] for r in suppress_table(table)["rows"]]
[{'a': None, 'b': 9}, {'a': None, 'b': 6}]
"""

import hashlib
import hmac

SUPPRESSED = "<5"
THRESHOLD = 5
AGGREGATE_KINDS = ("hours", "days", "percent", "number")


def is_small(value, threshold=THRESHOLD):
    """A count that could identify people: 1 to threshold - 1.

    >>> [is_small(v) for v in (0, 1, 4, 5, None)]
    [False, True, True, False, False]
    """
    return value is not None and 0 < value < threshold


def suppress_table(table, threshold=THRESHOLD):
    """Suppress small cells of a table in place and return it.

    Primary suppression: count cells under the threshold, and every aggregate cell of a
    row resting on fewer than ``threshold`` people. Secondary suppression: when a column
    has a total and exactly one of its cells is suppressed, the smallest other non-zero
    cell of that column is suppressed too, so the hidden value cannot be recovered by
    subtracting from the total.
    """
    if table.get("individual"):
        return table
    rows = table["rows"]
    total = table.get("total")
    for row in rows + ([total] if total else []):
        small_group = row.get("n") is not None and is_small(row["n"], threshold)
        for column in table["columns"]:
            key = column["key"]
            value = row["values"].get(key)
            if column.get("kind") == "count" and is_small(value, threshold):
                row["values"][key] = None
            elif (
                column.get("kind") in AGGREGATE_KINDS
                and small_group
                and value is not None
            ):
                row["values"][key] = None
    if total:
        for column in table["columns"]:
            key = column["key"]
            if column.get("kind") != "count" or total["values"].get(key) is None:
                continue
            hidden = [r for r in rows if r["values"].get(key) is None]
            if len(hidden) != 1:
                continue
            candidates = [r for r in rows if r["values"].get(key)]
            if candidates:
                min(candidates, key=lambda r: r["values"][key])["values"][key] = None
    table["suppressed"] = True
    return table


def pseudonym(secret, *parts):
    """A stable pseudonymous ID from a secret and the record identity.

    The same person gets the same ID in every report to the same municipality; nobody
    without the database secret can link it back to the person.

    >>> pseudonym("s3cret", 7, 42)
    'P-7ADACC1D52'
    >>> pseudonym("s3cret", 7, 42) == pseudonym("other", 7, 42)
    False
    """
    message = ":".join(str(p) for p in parts).encode()
    digest = hmac.new(str(secret).encode(), message, hashlib.sha256).hexdigest()
    return "P-" + digest[:10].upper()


def safe_text(value):
    """Text for a spreadsheet cell that no spreadsheet will run as a formula.

    >>> safe_text("=1+1")
    "'=1+1"
    >>> safe_text("Flexjob")
    'Flexjob'
    """
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def share(part, whole):
    """Percentage with one decimal, None when there is no whole.

    >>> share(1, 3), share(0, 0)
    (33.3, None)
    """
    return round(100.0 * part / whole, 1) if whole else None
