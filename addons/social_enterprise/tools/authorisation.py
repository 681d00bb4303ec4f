"""Which days an authorisation (bevilling) lets the enterprise bill.

A municipality authorises a placement for dated periods; suspensions (a hospital
stay, leave) take days out again. The days billing may charge inside a month are
the month's days that lie in an authorised period and in no suspension. All ranges
are inclusive; an end of ``None`` is open.

>>> from datetime import date
>>> spans = allowed_spans(
...     date(2026, 3, 1), date(2026, 3, 31),
...     authorised=[(date(2026, 1, 1), date(2026, 3, 20))],
...     suspended=[(date(2026, 3, 9), date(2026, 3, 13))],
... )
>>> [(start.day, end.day) for start, end in spans]
[(1, 8), (14, 20)]
>>> span_days(spans)
15

Two authorisations that touch (an approved extension starting the day after the
first ends) give one span:

>>> allowed_spans(
...     date(2026, 6, 1), date(2026, 6, 30),
...     authorised=[(date(2026, 1, 1), date(2026, 6, 14)), (date(2026, 6, 15), None)],
...     suspended=[],
... )
[(datetime.date(2026, 6, 1), datetime.date(2026, 6, 30))]
>>> allowed_spans(date(2026, 7, 1), date(2026, 7, 31),
...               authorised=[(date(2026, 1, 1), date(2026, 6, 30))], suspended=[])
[]
"""

from datetime import date, timedelta  # noqa: F401 (date is used by the doctests)


def merge(ranges, end):
    """Sorted, merged ranges clipped to ``end``: touching ranges become one."""
    merged = []
    for start, stop in sorted((s, e or end) for s, e in ranges):
        stop = min(stop, end)
        if stop < start:
            continue
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def allowed_spans(first, last, authorised, suspended):
    """The sub-ranges of [first, last] inside ``authorised`` and outside
    ``suspended`` (both lists of (start, end) pairs), in date order."""
    spans = []
    for start, stop in merge(authorised, last):
        start = max(start, first)
        if start <= stop:
            spans.append((start, stop))
    for s_start, s_stop in merge(suspended, last):
        rest = []
        for start, stop in spans:
            if s_stop < start or s_start > stop:
                rest.append((start, stop))
                continue
            if start < s_start:
                rest.append((start, s_start - timedelta(days=1)))
            if s_stop < stop:
                rest.append((s_stop + timedelta(days=1), stop))
        spans = rest
    return spans


def span_days(spans):
    """Number of days in a list of inclusive spans."""
    return sum((stop - start).days + 1 for start, stop in spans)
