"""Hour arithmetic for support: grants, group shares, local dates and overlaps.

Dates are ``datetime.date``, ranges inclusive; datetimes are naive UTC like Odoo's.

>>> from datetime import date, datetime
>>> granted_hours("weekly", 4, 0, date(2026, 1, 5), date(2026, 1, 18))  # two weeks
8.0
>>> granted_hours("total", 0, 30, date(2026, 1, 1), date(2026, 6, 30))
30.0
>>> split_hours(2, 3)        # a two-hour group of three: 40 minutes each
[0.6667, 0.6667, 0.6667]
>>> split_hours(1, 7)        # whole minutes, the first ones take the remainder
[0.15, 0.15, 0.15, 0.15, 0.1333, 0.1333, 0.1333]
>>> local_date(datetime(2026, 3, 1, 23, 30), "Europe/Copenhagen")  # 00:30 local
datetime.date(2026, 3, 2)
>>> to_utc(date(2026, 7, 1), 9.5, "Europe/Copenhagen")  # 9:30 summer time
datetime.datetime(2026, 7, 1, 7, 30)
>>> week_start(date(2026, 11, 22))   # a Sunday
datetime.date(2026, 11, 16)
>>> first_overlap([(1, 3, "a", None), (3, 4, "b", "g"), (3, 5, "c", "g")])
>>> first_overlap([(1, 3, "a", None), (2, 4, "b", None)])
(('a', 'b'), None)
>>> first_overlap([(1, 3, "a", None), (2, 4, "b", None)], keys={"c"})
"""

import math
from datetime import date, datetime, time, timedelta  # noqa: F401 (doctests)

import pytz

DEFAULT_TZ = "Europe/Copenhagen"


def days_inclusive(start, end):
    """Number of days in [start, end]; 0 when end is before start."""
    return max((end - start).days + 1, 0)


def granted_hours(grant_type, hours_per_week, hours_total, date_from, date_to):
    """Hours a grant gives over its whole period.

    ``weekly``: ``hours_per_week`` for every 7 days of the period (prorated);
    ``total``: ``hours_total`` whatever the period.
    """
    if grant_type == "total":
        return round(float(hours_total or 0.0), 2)
    if not (date_from and date_to):
        return 0.0
    return round((hours_per_week or 0.0) * days_inclusive(date_from, date_to) / 7.0, 2)


def split_hours(total_hours, count):
    """Split ``total_hours`` into ``count`` shares of whole minutes adding up exactly.

    The first shares take the remaining minutes, so the sum in minutes is exact.
    """
    if count <= 0:
        return []
    minutes = int(round(total_hours * 60))
    base, rest = divmod(minutes, count)
    return [round((base + (1 if i < rest else 0)) / 60.0, 4) for i in range(count)]


def local_date(utc_dt, tz_name=None):
    """The calendar day of a naive UTC datetime in the time zone ``tz_name``."""
    tz = pytz.timezone(tz_name or DEFAULT_TZ)
    return pytz.utc.localize(utc_dt).astimezone(tz).date()


def to_utc(day, hour, tz_name=None):
    """Naive UTC datetime of ``day`` at ``hour`` (a float, 9.5 = 9:30) local time."""
    tz = pytz.timezone(tz_name or DEFAULT_TZ)
    minutes = int(round(hour * 60))
    local = datetime.combine(day, time(0, 0)) + timedelta(minutes=minutes)
    return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)


def week_start(day):
    """The Monday of the ISO week of ``day``."""
    return day - timedelta(days=day.weekday())


def first_overlap(intervals, keys=None):
    """The first two intervals that overlap, or None.

    ``intervals`` are ``(start, stop, key, group)`` tuples: half-open [start, stop),
    ``key`` identifies an interval and ``group`` lets intervals of one group share
    time (the participants of one group session). With ``keys``, only clashes that
    involve one of these keys count (older overlaps do not block new records).
    Returns ``((key_a, key_b), group)`` with the group of the second interval.
    """
    current = None
    for start, stop, key, group in sorted(intervals, key=lambda i: (i[0], i[1])):
        if (
            current
            and start < current[1]
            and (group is None or group != current[3])
            and (keys is None or key in keys or current[2] in keys)
        ):
            return (current[2], key), group
        if current is None or stop > current[1]:
            current = (start, stop, key, group)
    return None


def usage_ratio(used, granted):
    """Share of the granted hours used, 0.0 when nothing was granted."""
    if not granted or granted <= 0:
        return 0.0
    return used / granted


def is_close(a, b, precision=0.0001):
    """Float equality for hours."""
    return math.isclose(a, b, abs_tol=precision)
