"""The adversary of the suppression tests: the tightest bounds on every hidden cell.

Given the tables as computed (``original``) and as shown (``shown``, hidden cells
``None``), the adversary knows every shown cell, that each additive column of a table
with a total adds up to it, that repeated cells (same ``link`` and row ``key``) are
equal, and that no count, hours or days value is negative. Each hidden cell is one
variable; two linear programs (scipy's ``linprog``) give its lowest and highest
possible value. Rounded measures (one decimal) are allowed their rounding slack.
"""

from scipy.optimize import linprog

from ..tools import suppression

UNBOUNDED = 1e9  # no margin bounds the cell: as good as infinite
SLACK = 0.05  # half the last shown decimal of rounded hours and days


def _lines(table):
    lines = list(enumerate(table["rows"]))
    if table.get("total"):
        lines.append((suppression.TOTAL, table["total"]))
    return lines


def attack(original, shown):
    """``[(table index, line, key, value, low, high, primary, kind)]`` for every
    hidden cell of every table."""
    index = {}
    cells = []
    for t, (orig, show) in enumerate(zip(original, shown, strict=True)):
        if orig.get("individual"):
            continue
        for (line, row), (_line, shown_row) in zip(
            _lines(orig), _lines(show), strict=True
        ):
            for column in orig["columns"]:
                key = column["key"]
                if column.get("kind") not in suppression.ADDITIVE_KINDS:
                    continue
                if shown_row["values"].get(key, "") is None:
                    index[t, line, key] = len(cells)
                    cells.append(
                        (
                            t,
                            line,
                            key,
                            row["values"][key],
                            suppression.is_primary(row, column),
                            column["kind"],
                        )
                    )
    if not cells:
        return []
    rows_ub, rhs_ub = [], []

    def add_sum(coefficients, constant, slack):
        # sum(coefficients * x) + constant within +/- slack of 0
        row = [0.0] * len(cells)
        for i, c in coefficients:
            row[i] += c
        rows_ub.append(row)
        rhs_ub.append(slack - constant)
        rows_ub.append([-c for c in row])
        rhs_ub.append(slack + constant)

    for t, show in enumerate(shown):
        if show.get("individual") or not show.get("total"):
            continue
        for column in show["columns"]:
            key = column["key"]
            if column.get("kind") not in suppression.ADDITIVE_KINDS:
                continue
            coefficients, constant = [], 0.0
            for line, row in _lines(show):
                sign = -1.0 if line == suppression.TOTAL else 1.0
                value = row["values"].get(key)
                if (t, line, key) in index:
                    coefficients.append((index[t, line, key], sign))
                elif suppression.is_number(value):
                    constant += sign * value
            slack = 0.0 if column["kind"] == "count" else SLACK * len(_lines(show))
            add_sum(coefficients, constant, slack)
    links = {}
    for t, orig in enumerate(original):
        for column in orig["columns"]:
            if not column.get("link"):
                continue
            for line, row in _lines(orig):
                ident = suppression.TOTAL if line == suppression.TOTAL else row.get("key")
                if ident is not None:
                    links.setdefault((column["link"], ident), []).append(
                        (t, line, column["key"], row["values"].get(column["key"]))
                    )
    for places in links.values():
        values = {p[3] for p in places}
        if len(values) != 1:
            continue  # not the same number: the adversary cannot equate them
        hidden = [index[p[:3]] for p in places if p[:3] in index]
        shown_values = [p[3] for p in places if p[:3] not in index]
        for i in hidden:
            if shown_values:
                add_sum([(i, 1.0)], -shown_values[0], 0.0)
            elif i != hidden[0]:
                add_sum([(i, 1.0), (hidden[0], -1.0)], 0.0, 0.0)
    bounds = _bounds(len(cells), rows_ub, rhs_ub)
    return [
        (t, line, key, value, *bounds[i], primary, kind)
        for i, (t, line, key, value, primary, kind) in enumerate(cells)
    ]


def _bounds(size, rows_ub, rhs_ub):
    """Lowest and highest value of each variable, one small program per group of
    variables that constraints tie together."""
    parent = list(range(size))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for row in rows_ub:
        used = [i for i, c in enumerate(row) if c]
        for i in used[1:]:
            parent[find(i)] = find(used[0])
    groups = {}
    for i in range(size):
        groups.setdefault(find(i), []).append(i)
    result = [(0.0, UNBOUNDED)] * size
    for members in groups.values():
        constraints = [
            ([row[i] for i in members], rhs)
            for row, rhs in zip(rows_ub, rhs_ub, strict=True)
            if any(row[i] for i in members)
        ]
        if not constraints:
            continue
        for position, i in enumerate(members):
            low_high = []
            for sign in (1.0, -1.0):
                objective = [0.0] * len(members)
                objective[position] = sign
                solution = linprog(
                    objective,
                    A_ub=[c[0] for c in constraints],
                    b_ub=[c[1] for c in constraints],
                    bounds=[(0, UNBOUNDED)] * len(members),
                    method="highs",
                )
                assert solution.status == 0, solution.message
                low_high.append(sign * solution.fun)
            result[i] = tuple(low_high)
    return result


def weak_cells(original, shown, threshold=suppression.THRESHOLD):
    """The hidden cells an adversary narrows below their protection width."""
    weak = []
    for t, line, key, value, low, high, primary, kind in attack(original, shown):
        width = high - low
        slack = 0 if kind == "count" else 2 * SLACK * 20
        need = (
            suppression.protection_width(value, kind, threshold) - slack
            if primary
            else 1e-6
        )
        if width < need:
            weak.append((t, line, key, value, round(low, 2), round(high, 2)))
    return weak
