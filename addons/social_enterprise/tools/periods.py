"""Period arithmetic for placements: overlaps, weeks, months and planned hours.

Dates are ``datetime.date``; an end of ``None`` means open-ended. All ranges are
inclusive.

>>> from datetime import date
>>> overlap(date(2026, 1, 1), date(2026, 1, 31), date(2026, 1, 20), None)
(datetime.date(2026, 1, 20), datetime.date(2026, 1, 31))
>>> overlap(date(2026, 1, 1), date(2026, 1, 31), date(2026, 2, 1), None) is None
True
>>> count_weekdays(date(2026, 11, 16), date(2026, 11, 22))   # Monday to Sunday
5
>>> planned_days_and_hours(30, 4, date(2026, 11, 16), date(2026, 11, 22))
(4.0, 30.0)
>>> duration_end(date(2026, 1, 1), 6, "month")
datetime.date(2026, 6, 30)
>>> [m[0].isoformat() for m in month_ranges(date(2026, 1, 15), date(2026, 3, 2))]
['2026-01-01', '2026-02-01', '2026-03-01']
"""

from datetime import date, timedelta  # noqa: F401 (date is used by the doctests)

from dateutil.relativedelta import relativedelta

UNIT_DELTAS = {
    "day": lambda n: relativedelta(days=n),
    "week": lambda n: relativedelta(weeks=n),
    "month": lambda n: relativedelta(months=n),
    "year": lambda n: relativedelta(years=n),
}


def overlap(start_a, end_a, start_b, end_b):
    """The common range of two inclusive ranges, or None. ``None`` ends are open."""
    start = max(start_a, start_b)
    ends = [e for e in (end_a, end_b) if e]
    end = min(ends) if ends else None
    if end is not None and end < start:
        return None
    return start, end


def union_days(windows):
    """Calendar days covered by closed ranges ``(start, end)`` that may overlap.

    >>> union_days([(date(2026, 1, 1), date(2026, 1, 10)),
    ...             (date(2026, 1, 5), date(2026, 1, 20)),
    ...             (date(2026, 3, 1), date(2026, 3, 1))])
    21
    """
    days, reach = 0, None
    for start, end in sorted(windows):
        if reach is not None and start <= reach:
            start = reach + timedelta(days=1)
        if end >= start:
            days += (end - start).days + 1
        reach = end if reach is None else max(reach, end)
    return days


def count_weekdays(start, end):
    """Monday-Friday days in [start, end]."""
    if end < start:
        return 0
    days = (end - start).days + 1
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    for i in range(rest):
        if (start + timedelta(days=full_weeks * 7 + i)).weekday() < 5:
            count += 1
    return count


def planned_days_and_hours(weekly_hours, days_per_week, start, end):
    """Planned attendance days and hours in [start, end] for an agreed week.

    Up to 5 days a week the plan spreads over Monday-Friday: a period with W weekdays
    holds ``W / 5`` agreed weeks. From 6 days a week, every calendar day counts
    (``days / 7`` weeks).
    """
    if not end or end < start or not days_per_week:
        return 0.0, 0.0
    if days_per_week <= 5:
        weeks = count_weekdays(start, end) / 5.0
    else:
        weeks = ((end - start).days + 1) / 7.0
    return round(days_per_week * weeks, 2), round((weekly_hours or 0.0) * weeks, 2)


def duration_end(start, amount, unit):
    """Last day of a duration of ``amount`` ``unit`` starting on ``start`` (inclusive).

    The day before the same day ``amount`` units later; when that day does not exist
    (31 January + 1 month, 29 February + 1 year) the duration ends on the last day of
    the shorter month.

    >>> duration_end(date(2026, 1, 31), 1, "month")
    datetime.date(2026, 2, 28)
    >>> duration_end(date(2026, 3, 1), 1, "month")
    datetime.date(2026, 3, 31)
    """
    anniversary = start + UNIT_DELTAS[unit](amount)
    if unit in ("month", "year") and anniversary.day != start.day:
        return anniversary
    return anniversary - timedelta(days=1)


def week_ranges(start, end):
    """(monday, sunday) of every ISO week touching [start, end]."""
    monday = start - timedelta(days=start.weekday())
    result = []
    while monday <= end:
        result.append((monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return result


def month_ranges(start, end):
    """(first, last) day of every calendar month touching [start, end]."""
    first = start.replace(day=1)
    result = []
    while first <= end:
        nxt = first + relativedelta(months=1)
        result.append((first, nxt - timedelta(days=1)))
        first = nxt
    return result


def planned_on(day, weekly_hours, days_per_week):
    """Planned (days, hours) of one calendar day for an agreed week.

    The day-by-day form of :func:`planned_days_and_hours`: their sums agree.

    >>> planned_on(date(2026, 11, 16), 30, 4)   # a Monday
    (0.8, 6.0)
    >>> planned_on(date(2026, 11, 22), 30, 4)   # a Sunday
    (0.0, 0.0)
    >>> planned_on(date(2026, 11, 22), 42, 7)
    (1.0, 6.0)
    """
    if not days_per_week:
        return 0.0, 0.0
    if days_per_week > 5:
        return days_per_week / 7.0, (weekly_hours or 0.0) / 7.0
    if day.weekday() >= 5:
        return 0.0, 0.0
    return days_per_week / 5.0, (weekly_hours or 0.0) / 5.0


def iter_days(start, end):
    """Every day of [start, end]."""
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def review_dates(start, first_months, interval_months, until):
    """Follow-up dates of a placement from ``start`` up to ``until`` (inclusive).

    The first follow-up comes ``first_months`` after the start (or ``interval_months``
    when no first delay is set), then every ``interval_months``.

    >>> review_dates(date(2026, 1, 15), 6, 12, date(2028, 1, 1))
    [datetime.date(2026, 7, 15), datetime.date(2027, 7, 15)]
    >>> review_dates(date(2026, 1, 15), 0, 0, date(2030, 1, 1))
    []
    """
    first = first_months or interval_months
    if not first:
        return []
    dates = []
    n = 0
    due = start + relativedelta(months=first)
    while due <= until:
        dates.append(due)
        if not interval_months:
            break
        n += 1
        due = start + relativedelta(months=first + n * interval_months)
    return dates
