"""The adversary of the suppression tests: the tightest bounds on every hidden cell.

Given the tables as computed (``original``) and as shown (``shown``, hidden cells
``None``), the adversary knows every shown cell, that each additive column of a table
with a total adds up to it, that repeated cells (same ``link`` and row ``key``) with
the same value are equal, and that no count, hours or days value is negative. Each
hidden cell is one variable; two linear programs (scipy's ``linprog``) give its lowest
and highest possible value. Rounded measures (one decimal) keep their rounding slack.
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


def _additive(table):
    return [c for c in table["columns"] if c.get("kind") in suppression.ADDITIVE_KINDS]


def _hidden_cells(original, shown):
    """``{(table, line, key): position}`` and the cells' facts, in that order."""
    index, cells = {}, []
    for t, (orig, show) in enumerate(zip(original, shown, strict=True)):
        if orig.get("individual"):
            continue
        for (line, row), (_line, shown_row) in zip(
            _lines(orig), _lines(show), strict=True
        ):
            for column in _additive(orig):
                key = column["key"]
                if shown_row["values"].get(key, "") is None:
                    index[t, line, key] = len(cells)
                    primary = suppression.is_primary(row, column)
                    cells.append(
                        (t, line, key, row["values"][key], primary, column["kind"])
                    )
    return index, cells


class _Constraints:
    """``sum(coefficient * x) + constant`` within ``slack`` of 0, as two rows of
    ``A_ub x <= b_ub`` (only the lower one, ``>= -slack``, for ``at_least``)."""

    def __init__(self, size):
        self.size = size
        self.rows = []
        self.rhs = []

    def add(self, coefficients, constant, slack, at_least=False):
        row = [0.0] * self.size
        for i, c in coefficients:
            row[i] += c
        if not at_least:
            self.rows.append(row)
            self.rhs.append(slack - constant)
        self.rows.append([-c for c in row])
        self.rhs.append(slack + constant)


def _add_margins(constraints, shown, index):
    for t, show in enumerate(shown):
        if show.get("individual") or not show.get("total"):
            continue
        for column in _additive(show):
            key = column["key"]
            coefficients, constant = [], 0.0
            for line, row in _lines(show):
                sign = -1.0 if line == suppression.TOTAL else 1.0
                value = row["values"].get(key)
                if (t, line, key) in index:
                    coefficients.append((index[t, line, key], sign))
                elif suppression.is_number(value):
                    constant += sign * value
            slack = 0.0 if column["kind"] == "count" else SLACK * len(_lines(show))
            # Distinct people: a person on two lines is one in the total, so the
            # lines add up to at least the total.
            constraints.add(coefficients, constant, slack, column.get("distinct"))


def _add_links(constraints, original, index):
    links = {}
    for t, orig in enumerate(original):
        for column in orig["columns"]:
            if not column.get("link"):
                continue
            for line, row in _lines(orig):
                if line == suppression.TOTAL:
                    ident = row.get("key") or suppression.TOTAL
                else:
                    ident = row.get("key")
                if ident is not None:
                    links.setdefault((column["link"], ident), []).append(
                        (t, line, column["key"], row["values"].get(column["key"]))
                    )
    for places in links.values():
        if len({p[3] for p in places}) != 1:
            continue  # not the same number: the adversary cannot equate them
        hidden = [index[p[:3]] for p in places if p[:3] in index]
        shown_values = [p[3] for p in places if p[:3] not in index]
        for i in hidden:
            if shown_values:
                constraints.add([(i, 1.0)], -shown_values[0], 0.0)
            elif i != hidden[0]:
                constraints.add([(i, 1.0), (hidden[0], -1.0)], 0.0, 0.0)


def _add_relations(constraints, original, index, relations):
    """Facts the adversary knows beyond the tables' sums: each relation is a list
    of ``(table key, line, column key, coefficient)`` whose cells add up to 0
    (within the rounding slack), such as planned minus attended hours being the
    absence of the same people."""
    positions = {t.get("key"): i for i, t in enumerate(original)}
    for relation in relations:
        coefficients, constant = [], 0.0
        for table_key, line, key, coefficient in relation:
            t = positions[table_key]
            if line == suppression.TOTAL:
                row = original[t]["total"]
            else:
                row = original[t]["rows"][line]
            if (t, line, key) in index:
                coefficients.append((index[t, line, key], coefficient))
            else:
                constant += coefficient * row["values"][key]
        constraints.add(coefficients, constant, SLACK * len(relation))


def attack(original, shown, relations=()):
    """``[(table index, line, key, value, low, high, primary, kind)]`` for every
    hidden cell of every table (see ``_add_relations`` for ``relations``)."""
    index, cells = _hidden_cells(original, shown)
    if not cells:
        return []
    constraints = _Constraints(len(cells))
    _add_margins(constraints, shown, index)
    _add_links(constraints, original, index)
    _add_relations(constraints, original, index, relations)
    bounds = _bounds(len(cells), constraints.rows, constraints.rhs)
    return [
        (t, line, key, value, *bounds[i], primary, kind)
        for i, (t, line, key, value, primary, kind) in enumerate(cells)
    ]


def _groups(size, rows_ub):
    """The variables that constraints tie together, group by group."""
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
    return groups.values()


def _bounds(size, rows_ub, rhs_ub):
    """Lowest and highest value of each variable, one small program per group."""
    result = [(0.0, UNBOUNDED)] * size
    for members in _groups(size, rows_ub):
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


def weak_cells(original, shown, threshold=suppression.THRESHOLD, relations=()):
    """The hidden cells an adversary narrows below their protection width: primary
    cells under ``protection_width``, any other hidden cell to a single value."""
    weak = []
    for t, line, key, value, low, high, primary, kind in attack(
        original, shown, relations
    ):
        slack = 0 if kind == "count" else 2 * SLACK * 20
        need = (
            suppression.protection_width(value, kind, threshold) - slack
            if primary
            else 1e-6
        )
        if high - low < need:
            weak.append((t, line, key, value, round(low, 2), round(high, 2)))
    return weak


def absence_relations(original):
    """What the municipal report lets the adversary add: in each scheme's absence
    table, the absence lines add up to the planned minus the attended hours of the
    attendance table, where nobody worked beyond the plan (then exactly)."""
    attendance = next((t for t in original if t.get("key") == "attendance"), None)
    if not attendance:
        return []
    scheme_rows = {row.get("key"): i for i, row in enumerate(attendance["rows"])}
    relations = []
    for table in original:
        if not str(table.get("key")).startswith("absence_"):
            continue
        attended = next(r for r in table["rows"] if r.get("key"))
        line = scheme_rows[attended["key"]]
        values = attendance["rows"][line]["values"]
        lines = [
            i
            for i, row in enumerate(table["rows"])
            if not row.get("key") and suppression.is_number(row["values"]["hours"])
        ]
        absent = sum(table["rows"][i]["values"]["hours"] for i in lines)
        if abs(absent - (values["planned_hours"] - values["attended_hours"])) > SLACK:
            continue  # someone worked beyond the plan: no equality to exploit
        relations.append(
            [(table["key"], i, "hours", 1.0) for i in lines]
            + [
                ("attendance", line, "planned_hours", -1.0),
                ("attendance", line, "attended_hours", 1.0),
            ]
        )
    return relations
