"""Billing arithmetic for municipal agreements: days, proration, factors, prices.

Plain Python: dates are ``datetime.date``, ranges are inclusive, amounts are floats
rounded half-up to øre. The billing run calls these functions; they never touch the
database.

Calendar days: a full-time place is billed for every calendar day of the year,
weekends and holidays included. Agreements bill 29 February by default (the plain
reading of "all calendar days"); an agreement can choose the 365-day convention,
which leaves it out.

>>> from datetime import date
>>> calendar_days(date(2026, 11, 1), date(2026, 11, 30))
30
>>> calendar_days(date(2028, 2, 1), date(2028, 2, 29))           # 365-day convention
28
>>> calendar_days(date(2028, 2, 1), date(2028, 2, 29), bill_leap_day=True)
29
>>> month_fraction(date(2026, 11, 16), date(2026, 11, 30), date(2026, 11, 1))
0.5
>>> month_fraction(date(2026, 2, 10), date(2026, 2, 28), date(2026, 2, 1), "days_30")
0.6333333333333333
>>> part_time_factor(3, [(1, 2, 60.0), (3, 3, 85.0), (4, 7, 100.0)])
85.0
>>> charge(30, 557.0, 60.0)
Charge(quantity=30, price_unit=334.2, amount=10026.0, factor=60.0)
>>> round_money(2.675)
2.68
"""

from collections import namedtuple
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

from . import identifiers, periods

UNITS = ("day", "month", "hour")
BASES = ("calendar", "attended", "contracted")
PRORATIONS = ("calendar", "days_30", "none")

Charge = namedtuple("Charge", "quantity price_unit amount factor")
PriceLine = namedtuple("PriceLine", "ident key level date_from date_to")


def round_money(amount, digits=2):
    """Round half-up (as on an invoice), not half-to-even like ``round``."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(amount)).quantize(quantum, rounding=ROUND_HALF_UP))


def month_bounds(day):
    """First and last day of the month of ``day``.

    >>> month_bounds(date(2028, 2, 10))
    (datetime.date(2028, 2, 1), datetime.date(2028, 2, 29))
    """
    first = day.replace(day=1)
    return first, first + relativedelta(months=1) - timedelta(days=1)


def is_leap_day(day):
    return day.month == 2 and day.day == 29


def calendar_days(start, end, bill_leap_day=False):
    """Calendar days in [start, end]; 29 February only when ``bill_leap_day``."""
    if not start or not end or end < start:
        return 0
    days = (end - start).days + 1
    if not bill_leap_day:
        for year in range(start.year, end.year + 1):
            try:
                leap = date(year, 2, 29)
            except ValueError:
                continue
            if start <= leap <= end:
                days -= 1
    return days


def month_fraction(start, end, month_start, method="calendar"):
    """The share of a month price owed for the days [start, end] of that month.

    ``calendar``: days present / days in the month; ``days_30``: days / 30, a full
    month is 1; ``none``: a started month is a whole month.

    >>> month_fraction(date(2026, 1, 1), date(2026, 1, 31), date(2026, 1, 1), "days_30")
    1.0
    >>> month_fraction(date(2026, 1, 20), date(2026, 1, 20), date(2026, 1, 1), "none")
    1.0
    """
    if not start or not end or end < start:
        return 0.0
    first, last = month_bounds(month_start)
    if (start <= first and end >= last) or method == "none":
        return 1.0
    days = (end - start).days + 1
    if method == "days_30":
        return min(days, 30) / 30.0
    return days / float((last - first).days + 1)


def part_time_factor(days_per_week, factors):
    """The percentage of the full-time price for a place of ``days_per_week`` days.

    ``factors`` are (min_days, max_days, percent) rows; no matching row is 100 %.

    >>> part_time_factor(5, [(1, 2, 60.0), (3, 3, 85.0)])
    100.0
    """
    for min_days, max_days, percent in factors:
        if min_days <= (days_per_week or 0) <= max_days:
            return float(percent)
    return 100.0


def charge(quantity, price, factor=100.0, exact_quantity=None):
    """Quantity × (price × factor), each rounded as on an invoice.

    ``exact_quantity`` is the unrounded quantity (e.g. a month fraction of 16/30)
    when the displayed ``quantity`` is rounded.

    >>> charge(0.5333, 17500.0, exact_quantity=16 / 30.0)
    Charge(quantity=0.5333, price_unit=17500.0, amount=9333.33, factor=100.0)
    """
    price_unit = round_money(price * factor / 100.0)
    base = quantity if exact_quantity is None else exact_quantity
    return Charge(quantity, price_unit, round_money(base * price_unit), factor)


def ranges_overlap(start_a, end_a, start_b, end_b):
    """Do two inclusive ranges with open (None) ends share a day?

    >>> ranges_overlap(date(2026, 1, 1), None, date(2025, 1, 1), date(2025, 12, 31))
    False
    """
    return periods.overlap(start_a, end_a, start_b, end_b) is not None


def find_overlaps(lines):
    """Pairs of ``PriceLine`` idents with the same key whose validity overlaps.

    >>> a = PriceLine(1, "103", "1", date(2026, 1, 1), None)
    >>> b = PriceLine(2, "103", "1", date(2025, 1, 1), date(2026, 1, 31))
    >>> c = PriceLine(3, "103", "2", date(2025, 1, 1), None)
    >>> find_overlaps([a, b, c])
    [(1, 2)]
    """
    result = []
    ordered = sorted(lines, key=lambda x: (str(x.key), str(x.level), x.date_from))
    for i, line in enumerate(ordered):
        for other in ordered[i + 1 :]:
            if (other.key, other.level) != (line.key, line.level):
                break
            if ranges_overlap(
                line.date_from, line.date_to, other.date_from, other.date_to
            ):
                result.append(tuple(sorted((line.ident, other.ident))))
    return result


def is_month_aligned(date_from, date_to):
    """Prices change on the first of a month and end on the last day of a month.

    >>> is_month_aligned(date(2026, 1, 1), date(2026, 12, 31))
    True
    >>> is_month_aligned(date(2026, 1, 15), None)
    False
    """
    if date_from and date_from.day != 1:
        return False
    return not date_to or month_bounds(date_to)[1] == date_to


def select_price(lines, day, level):
    """The ``PriceLine`` valid on ``day`` for a rate ``level``.

    A line for the level wins over a line for any level (level ``None``).

    >>> generic = PriceLine("g", "103", None, date(2026, 1, 1), None)
    >>> level2 = PriceLine("l2", "103", "2", date(2026, 1, 1), None)
    >>> select_price([generic, level2], date(2026, 3, 1), "2").ident
    'l2'
    >>> select_price([generic, level2], date(2026, 3, 1), "3").ident
    'g'
    >>> select_price([level2], date(2025, 3, 1), "2") is None
    True
    """
    valid = [
        line
        for line in lines
        if line.date_from <= day and (not line.date_to or line.date_to >= day)
    ]
    for wanted in (level or None, None):
        for line in valid:
            if (line.level or None) == wanted:
                return line
    return None


def quantity(unit, basis, start, end, month_start, *, plan, attended, options):
    """The billed quantity for [start, end] inside the month of ``month_start``.

    ``plan`` is (days_per_week, weekly_hours); ``attended`` is (days, hours) present
    in [start, end], or None for an estimate made before the month is over (the
    contracted plan is used instead). ``options`` holds ``proration`` and
    ``bill_leap_day``. Returns (quantity, exact quantity, how) where ``how`` names
    the rule used: "month", "calendar_days", "contracted_days", "attended_days",
    "contracted_hours" or "attended_hours".

    >>> opts = {"proration": "calendar", "bill_leap_day": False}
    >>> quantity("day", "calendar", date(2026, 11, 1), date(2026, 11, 30),
    ...          date(2026, 11, 1), plan=(2, 10), attended=None, options=opts)
    (30, 30, 'calendar_days')
    >>> quantity("hour", "attended", date(2026, 11, 1), date(2026, 11, 30),
    ...          date(2026, 11, 1), plan=(2, 10), attended=(7, 36.5), options=opts)
    (36.5, 36.5, 'attended_hours')
    >>> quantity("day", "attended", date(2026, 11, 1), date(2026, 11, 30),
    ...          date(2026, 11, 1), plan=(4, 20), attended=None, options=opts)
    (16.8, 16.8, 'contracted_days')
    """
    if unit == "month":
        exact = month_fraction(start, end, month_start, options["proration"])
        return round(exact, 4), exact, "month"
    if unit == "day" and basis == "calendar":
        days = calendar_days(start, end, options["bill_leap_day"])
        return days, days, "calendar_days"
    if basis == "attended" and attended is not None:
        value = attended[0] if unit == "day" else attended[1]
        return value, value, f"attended_{unit}s"
    days, hours = periods.planned_days_and_hours(plan[1], plan[0], start, end)
    value = days if unit == "day" else hours
    return value, value, f"contracted_{unit}s"


def difference(due, billed):
    """How to put the difference between a recomputed charge and what was billed
    on an invoice line: (quantity, price_unit, amount), amount = due − billed.

    ``due`` is a ``Charge``; ``billed`` is (quantity, amount, prices) summed over
    the lines billed before, ``prices`` the set of unit prices they used. A changed
    quantity at the same price bills the extra quantity; a changed price for the
    same quantity bills the quantity at the price difference; anything else is one
    lump sum.

    >>> difference(Charge(28, 557.0, 15596.0, 100.0), (30, 16710.0, {557.0}))
    (-2, 557.0, -1114.0)
    >>> difference(Charge(30, 580.0, 17400.0, 100.0), (30, 16710.0, {557.0}))
    (30, 23.0, 690.0)
    >>> difference(Charge(28, 580.0, 16240.0, 100.0), (30, 16710.0, {557.0}))
    (1, -470.0, -470.0)
    """
    amount = round_money(due.amount - billed[1])
    delta_qty = round(due.quantity - billed[0], 4)
    prices = billed[2]
    if delta_qty and round_money(delta_qty * due.price_unit) == amount:
        return delta_qty, due.price_unit, amount
    if not delta_qty and len(prices) == 1:
        delta_price = round_money(due.price_unit - next(iter(prices)))
        if round_money(due.quantity * delta_price) == amount:
            return due.quantity, delta_price, amount
    return 1, amount, amount


def invoice_quantity(quantity, price_unit, amount):
    """Quantity and unit price for an invoice line (quantities have 2 decimals):
    the line itself when it adds up, else 1 × the amount.

    >>> invoice_quantity(16.8, 557.0, 9357.6)
    (16.8, 557.0)
    >>> invoice_quantity(0.5333, 17500.0, 9333.33)
    (1, 9333.33)
    """
    if (
        quantity
        and round(quantity, 2) == quantity
        and round_money(quantity * price_unit) == amount
    ):
        return quantity, price_unit
    return 1, amount


# The CPR check is an identifier rule (tools/identifiers.py); billing re-exports it.
looks_like_cpr = identifiers.looks_like_cpr
