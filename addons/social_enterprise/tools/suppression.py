"""Small-cell suppression that holds against arithmetic (no ORM).

Tables are the dicts described in ``impact.py``. Suppression runs in two steps:

1. **Primary suppression**: every cell of a row resting on fewer than ``threshold``
   people (counts, hours, days and shares alike), and every count cell from 1 to
   ``threshold - 1``, is hidden.
2. **Complementary suppression**: a column whose cells add up to a shown total gives
   the hidden cells away by subtraction, so more cells are hidden until an adversary
   who knows every shown cell, every margin and that no cell is negative can only
   place each primary cell in an interval at least the *protection width* wide:
   ``threshold`` people for a count, and 1.5 times its value (``share`` = 0.5) for
   hours and days, whichever is larger. Every other hidden cell must not be derivable
   exactly either. The cells hidden are the smallest ones that give enough
   protection (smallest first); a total is hidden only when no row can protect.
   Shares computed from hidden cells (``ratio`` columns) are hidden with them, and
   cells that several tables repeat (columns with the same ``link`` and rows with
   the same ``key``, totals included; a total with a ``key`` of its own repeats
   only the lines with that key) are hidden in all of them or in none.

A column with a shown total whose hidden cells sum to ``S`` bounds every hidden cell
by ``[0, S]``, so a column is protected when at least two of its cells are hidden and
``S`` reaches the protection width of each primary cell in it.

>>> table = {
...     "columns": [{"key": "active", "kind": "count"}],
...     "rows": [{"label": "A", "values": {"active": 1}, "n": 1},
...              {"label": "B", "values": {"active": 2}, "n": 2},
...              {"label": "C", "values": {"active": 7}, "n": 7},
...              {"label": "D", "values": {"active": 9}, "n": 9}],
...     "total": {"label": "Total", "values": {"active": 19}, "n": 19},
... }
>>> [r["values"]["active"] for r in suppress_tables([table])[0]["rows"]]
[None, None, None, 9]

1 + 2 = 3 would only narrow A to [0, 3], under the 5 people needed, so C (7, the
smallest row that is enough) is hidden too: A, B and C each lie in [0, 10].

Hours of a small row are protected with the smallest row whose hours give at least
half the hidden value as a margin of doubt, the share follows its parts, and a cell
that is not applicable (``NOT_APPLICABLE``) is neither a number nor hidden:

>>> table = {
...     "columns": [{"key": "people", "kind": "count"},
...                 {"key": "hours", "kind": "hours"},
...                 {"key": "planned", "kind": "hours"},
...                 {"key": "rate", "kind": "percent", "ratio": ("hours", "planned")}],
...     "rows": [{"label": "A", "values": {"people": 3, "hours": 120.0,
...                                        "planned": 150.0, "rate": 80.0}, "n": 3},
...              {"label": "B", "values": {"people": 6, "hours": 50.0,
...                                        "planned": 0.0, "rate": NOT_APPLICABLE},
...               "n": 6},
...              {"label": "C", "values": {"people": 12, "hours": 400.0,
...                                        "planned": 500.0, "rate": 80.0}, "n": 12}],
...     "total": {"label": "Total", "values": {"people": 21, "hours": 570.0,
...                                            "planned": 650.0, "rate": 87.7},
...               "n": 21},
... }
>>> [[r["values"][k] for k in ("people", "hours", "planned", "rate")]
...  for r in suppress_tables([table])[0]["rows"]]
[[None, None, None, None], [None, 50.0, 0.0, NOT_APPLICABLE], [12, None, None, None]]

B's 6 people protect A's 3 (both in [0, 9]); 50 hours would narrow A's 120 hours to
[0, 170], under 1.5 x 120 = 180, so C's 400 hours protect them; B's planned hours
are 0 and protect nothing, so C's are hidden too, and C's rate follows its parts.
"""

THRESHOLD = 5
PROTECTION_SHARE = 0.5
ADDITIVE_KINDS = ("count", "hours", "days")
TOTAL = "__total__"
_EXACT = 1e-9  # a hidden cell that is not primary must not be derivable exactly


class _NotApplicable:
    """A cell with no meaning for its line (no follow-up for that destination, a
    measure not counted for that line): shown as ``–``, never as suppressed."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "NOT_APPLICABLE"

    def __bool__(self):
        return False

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self


NOT_APPLICABLE = _NotApplicable()


def is_number(value):
    """A value that takes part in sums: not hidden, not applicable, not text.

    >>> [is_number(v) for v in (0, 2.5, None, NOT_APPLICABLE, "x", True)]
    [True, True, False, False, False, False]
    """
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_small(value, threshold=THRESHOLD):
    """A count that could identify people: 1 to threshold - 1.

    >>> [is_small(v) for v in (0, 1, 4, 5, None, NOT_APPLICABLE)]
    [False, True, True, False, False, False]
    """
    return is_number(value) and 0 < value < threshold


def protection_width(value, kind, threshold=THRESHOLD, share=PROTECTION_SHARE):
    """How wide the adversary's interval around a primary cell must stay.

    >>> protection_width(2, "count"), protection_width(4, "count")
    (5, 6.0)
    >>> protection_width(120.0, "hours")
    180.0
    """
    width = (1 + share) * abs(value or 0.0)
    if kind == "count":
        return max(threshold, width)
    return width


def is_primary(line, column, threshold=THRESHOLD):
    """Whether the cell of ``line`` in ``column`` must be hidden for itself.

    >>> is_primary({"values": {"a": 3}, "n": 9}, {"key": "a", "kind": "count"})
    True
    >>> is_primary({"values": {"a": 30.0}, "n": 2}, {"key": "a", "kind": "hours"})
    True
    >>> is_primary({"values": {"a": 30.0}, "n": 9}, {"key": "a", "kind": "hours"})
    False
    """
    value = line["values"].get(column["key"])
    if not is_number(value):
        return False
    if column.get("kind") == "count" and is_small(value, threshold):
        return True
    n = line.get("n")
    return column.get("kind") not in ("text", "date") and is_small(n, threshold)


def suppress_tables(tables, threshold=THRESHOLD, share=PROTECTION_SHARE):
    """Suppress the tables of one report together, in place, and return them.

    Hidden cells hold ``None``. Tables marked ``individual`` are left alone (they are
    lines about one person, for a municipality that is the data controller).
    """
    states = [
        _TableState(t, threshold, share) for t in tables if not t.get("individual")
    ]
    changed = True
    while changed:
        changed = False
        for state in states:
            changed |= state.protect()
        changed |= _share_links(states)
    for state in states:
        state.apply()
    return tables


class _TableState:
    """Hidden cells of one table while suppression runs: ``(line, key)`` pairs where
    ``line`` is a row index or ``TOTAL``."""

    def __init__(self, table, threshold, share):
        self.table = table
        self.threshold = threshold
        self.share = share
        self.rows = table["rows"]
        self.total = table.get("total")
        self.hidden = set()
        self.primary = set()
        for line, row in self._lines():
            for column in table["columns"]:
                if is_primary(row, column, threshold):
                    self.primary.add((line, column["key"]))
        self.hidden |= self.primary

    def _lines(self):
        lines = list(enumerate(self.rows))
        if self.total:
            lines.append((TOTAL, self.total))
        return lines

    def line(self, line):
        return self.total if line == TOTAL else self.rows[line]

    def value(self, line, key):
        return self.line(line)["values"].get(key)

    def key_of(self, line):
        # A total repeats the other tables' totals unless it names what it sums
        # (the total of one scheme's lines is not the report's total).
        if line == TOTAL:
            return self.total.get("key") or TOTAL
        return self.rows[line].get("key")

    def hide(self, line, key):
        if (line, key) in self.hidden:
            return False
        self.hidden.add((line, key))
        return True

    def protect(self):
        changed = False
        for column in self.table["columns"]:
            if column.get("kind") in ADDITIVE_KINDS and self.total:
                changed |= self._protect_column(column)
            if column.get("ratio"):
                changed |= self._follow_ratio(column)
        return changed

    def _protect_column(self, column):
        key = column["key"]
        if (TOTAL, key) in self.hidden or not is_number(self.value(TOTAL, key)):
            return False
        changed = False
        while True:
            hidden = [i for i in range(len(self.rows)) if (i, key) in self.hidden]
            if not hidden:
                return changed
            total = sum(self._number(i, key) for i in hidden)
            need = max(
                protection_width(
                    self._number(i, key), column["kind"], self.threshold, self.share
                )
                if (i, key) in self.primary
                else _EXACT
                for i in hidden
            )
            if len(hidden) >= 2 and total >= need:
                return changed
            deficit = need - total
            candidates = sorted(
                (self.value(i, key), i)
                for i in range(len(self.rows))
                if (i, key) not in self.hidden and is_number(self.value(i, key))
            )
            if deficit > 0:
                candidates = [c for c in candidates if c[0] > 0]
            if not candidates:
                self.hidden.add((TOTAL, key))
                return True
            enough = [c for c in candidates if c[0] >= deficit]
            self.hidden.add((enough[0] if enough else candidates[-1])[1:] + (key,))
            changed = True

    def _number(self, line, key):
        value = self.value(line, key)
        return value if is_number(value) else 0.0

    def _follow_ratio(self, column):
        changed = False
        for line, _row in self._lines():
            if any((line, part) in self.hidden for part in column["ratio"]):
                changed |= self.hide(line, column["key"])
        return changed

    def apply(self):
        for line, key in self.hidden:
            values = self.line(line)["values"]
            if key in values and values[key] is not NOT_APPLICABLE:
                values[key] = None
        self.table["suppressed"] = True


def _share_links(states):
    """Hide a repeated cell everywhere it is hidden somewhere."""
    cells = {}
    for state in states:
        for column in state.table["columns"]:
            if not column.get("link"):
                continue
            for line, _row in state._lines():
                ident = (column["link"], state.key_of(line))
                if ident[1] is None:
                    continue
                cells.setdefault(ident, []).append((state, line, column["key"]))
    changed = False
    for places in cells.values():
        if any((line, key) in state.hidden for state, line, key in places):
            for state, line, key in places:
                changed |= state.hide(line, key)
    return changed
