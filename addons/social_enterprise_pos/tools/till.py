"""Hours at the till: who staffed a point-of-sale session, and for how long.

A person staffed the till when they rang up at least one order in the session (or
opened it). Their till hours are the part of their attendance (check-in to check-out)
that falls inside the session's opening hours. People who did not check in share the
remaining open time evenly, so a session with one cashier who forgot the attendance
kiosk still counts the hours the till was open.

>>> from datetime import datetime as dt
>>> window = (dt(2026, 11, 2, 9, 0), dt(2026, 11, 2, 15, 0))
>>> attendance = {"anna": [(dt(2026, 11, 2, 8, 30), dt(2026, 11, 2, 12, 0))]}
>>> till_hours(["anna", "bo"], attendance, window)
{'anna': 3.0, 'bo': 3.0}
"""


def overlap_hours(interval, window):
    """Hours of ``interval`` (start, end) inside ``window`` (start, end).

    >>> from datetime import datetime as dt
    >>> overlap_hours((dt(2026, 1, 5, 8), dt(2026, 1, 5, 11)),
    ...               (dt(2026, 1, 5, 10), dt(2026, 1, 5, 16)))
    1.0
    >>> overlap_hours((dt(2026, 1, 5, 8), None),   # still checked in
    ...               (dt(2026, 1, 5, 10), dt(2026, 1, 5, 16)))
    0.0
    """
    start, end = interval
    if not start or not end:
        return 0.0
    seconds = (min(end, window[1]) - max(start, window[0])).total_seconds()
    return max(seconds, 0.0) / 3600.0


def till_hours(cashiers, attendance, window):
    """{cashier: hours} for a session open during ``window``.

    ``attendance`` maps a cashier to their (check-in, check-out) intervals. Cashiers
    with attendance inside the window get its overlap; the others share what is left
    of the window after the longest attended stretch, evenly.

    >>> from datetime import datetime as dt
    >>> window = (dt(2026, 11, 2, 9, 0), dt(2026, 11, 2, 13, 0))
    >>> till_hours(["anna", "bo"], {}, window)     # nobody checked in: 2 h each
    {'anna': 2.0, 'bo': 2.0}
    >>> till_hours(["anna"], {"anna": [(dt(2026, 11, 2, 9), dt(2026, 11, 2, 10)),
    ...                                (dt(2026, 11, 2, 11), dt(2026, 11, 2, 12))]},
    ...            window)
    {'anna': 2.0}
    """
    open_hours = overlap_hours(window, window)
    result = {}
    attended = 0.0
    for cashier in cashiers:
        hours = sum(overlap_hours(i, window) for i in attendance.get(cashier, []))
        if hours:
            result[cashier] = round(hours, 2)
            attended = max(attended, hours)
    others = [c for c in cashiers if c not in result]
    if others:
        share = max(open_hours - attended, 0.0) / len(others)
        for cashier in others:
            result[cashier] = round(share, 2)
    return result
