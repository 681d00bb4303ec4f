"""Arithmetic and rules of the financial statement and the RSV notes (no ORM).

A statement is a dict built by ``social.financial.statement._get_statement_data``::

    {
        "months": [date(2025, 1, 1), ...],          # first day of each month column
        "sections": [{"key": "revenue", "title": "...", "total_label": "...",
                      "rows": [{"key", "label", "values": [per month], "domain"}]}],
        "result": {"label": "...", "values": [per month], "sections": [keys]},
        "notes": {"target_group", "employees", "share", "reserved_test",
                  "reserved_label", "production_hours": [{"label", "value"}]},
    }
"""

# EU directive 2014/24 art. 20: contracts may be reserved for businesses where at
# least 30 % of the workers are disabled or disadvantaged.
RESERVED_CONTRACT_SHARE = 30.0


def column_totals(rows, width):
    """Sum of the ``values`` of ``rows`` per column.

    >>> column_totals([{"values": [1.0, 2.0]}, {"values": [3.0, 4.5]}], 2)
    [4.0, 6.5]
    >>> column_totals([], 3)
    [0.0, 0.0, 0.0]
    """
    totals = [0.0] * width
    for row in rows:
        for i, value in enumerate(row["values"]):
            totals[i] += value or 0.0
    return [round(t, 2) for t in totals]


def share(part, whole):
    """Percentage with one decimal, None without a whole.

    >>> share(3, 10), share(1, 0)
    (30.0, None)
    """
    return round(100.0 * part / whole, 1) if whole else None


def reserved_contract_test(share_pct, threshold=RESERVED_CONTRACT_SHARE):
    """Whether the share of disadvantaged workers meets the reserved-contract test.

    >>> reserved_contract_test(30.0), reserved_contract_test(29.9)
    (True, False)
    >>> reserved_contract_test(None)
    False
    """
    return share_pct is not None and share_pct >= threshold


def return_on_capital(distributions, paid_in_capital):
    """Distributions as a percentage of the paid-in capital (two decimals), None
    without capital.

    >>> return_on_capital(50000, 1000000)
    5.0
    >>> return_on_capital(10, 0) is None
    True
    """
    if not paid_in_capital:
        return None
    return round(100.0 * distributions / paid_in_capital, 2)
