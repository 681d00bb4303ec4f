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
``number``, ``text``, ``date``. A row's ``n`` is the number of people behind its values.
Optional keys: a row's ``key`` and a column's ``link`` name cells that several tables
repeat (the same people per scheme), and a total's ``key`` says what a total of only
some of the report's lines sums (one scheme's absence), so it repeats no other total; a
column's ``ratio`` names the two columns a share is computed from (a mean names the
cells it rests on, to be hidden with them); ``distinct`` marks a count of people whose
total counts a person on two lines once. Suppression (``tools/suppression.py``)
hides cells as ``None``, shown as the SUPPRESSED marker; a cell with no meaning for its
line holds NOT_APPLICABLE, shown as NOT_APPLICABLE_MARKER. Tables marked
``individual`` (one row per person) are not suppressed.

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

from .suppression import (  # noqa: F401 (the report's public names)
    NOT_APPLICABLE,
    PROTECTION_SHARE,
    THRESHOLD,
    is_small,
    suppress_tables,
)

SUPPRESSED = "<5"
NOT_APPLICABLE_MARKER = "–"
AGGREGATE_KINDS = ("hours", "days", "percent", "number")


def suppress_table(table, threshold=THRESHOLD):
    """Suppress one table in place and return it (see ``suppress_tables`` for the
    tables of a report, which must be suppressed together)."""
    suppress_tables([table], threshold)
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
    """Percentage with one decimal, not applicable when there is no whole.

    >>> share(1, 3), share(0, 0)
    (33.3, NOT_APPLICABLE)
    """
    return round(100.0 * part / whole, 1) if whole else NOT_APPLICABLE


def days_between_steps(step_dates, date_from, date_to):
    """Days from each step forward to the next, for the steps in [date_from,
    date_to] that have one before them (sorted dates in, days out).

    >>> from datetime import date
    >>> days_between_steps([date(2025, 12, 1), date(2026, 2, 1), date(2026, 3, 1)],
    ...                    date(2026, 1, 1), date(2026, 6, 30))
    [62, 28]
    """
    return [
        (later - earlier).days
        for earlier, later in zip(step_dates, step_dates[1:], strict=False)
        if date_from <= later <= date_to
    ]


def median(values):
    """The middle value (the mean of the two middle ones), not applicable for none.

    >>> median([62, 28, 40]), median([10, 20]), median([])
    (40, 15.0, NOT_APPLICABLE)
    """
    ordered = sorted(values)
    if not ordered:
        return NOT_APPLICABLE
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
