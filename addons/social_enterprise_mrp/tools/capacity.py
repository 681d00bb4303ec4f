"""Capacity of a mixed team in effective hours, and the load it must carry.

A work centre's weekly capacity is what the people assigned to it can really work
that week, person by person:

1. **Planned hours**: the hours their placement plans for the days of the week that
   fall inside the placement (agreed weekly hours spread over the agreed days per
   week, Monday first; see ``social_enterprise.tools.periods``). Staff without a
   placement bring the weekly hours of their work schedule.
2. **Approved leave** is taken off the planned hours, but only where it falls inside
   the person's plan: a placement's agreed days are the days of the person's work
   schedule, Monday first (``planned_weekdays``), each with an equal share of the
   agreed weekly hours; staff's days are their schedule's. A leave on a planned day
   takes off the hours it covers that day, at most the day's plan; a leave on a day
   the person does not come takes off nothing (``leave_in_plan``).
3. **Effective hours**: a flexjob worker works effectively only their work capacity
   of those hours (20 h at 60 % = 12 effective hours); other schemes count 1:1.
4. **Expected absence**: the share of planned hours the person did not attend over
   their last 12 weeks (attended vs planned), capped between 0 and 1, reduces what
   can be expected of them.
5. A person assigned to several work centres splits their capacity evenly.

The load is the remaining expected time of the planned work orders of the week. The
team is *overloaded* when the load exceeds the capacity.

>>> rate = absence_rate(planned_hours=240.0, attended_hours=204.0)
>>> rate
0.15
>>> person_capacity(planned_hours=20.0, capacity_factor=0.6, absence=rate)
10.2
>>> team = [person_capacity(20.0, 0.6, rate), person_capacity(18.0, 1.0, 0.0)]
>>> load_status(sum(team), load_hours=30.0)
{'capacity': 28.2, 'load': 30.0, 'free': -1.8, 'overloaded': True}

A §103 participant planned 3 days x 6 h (Monday to Wednesday) with Tuesday off
brings 18 - 6 = 12 h; a leave on Friday, when they do not come, changes nothing:

>>> from datetime import date
>>> days = planned_weekdays([0, 1, 2, 3, 4], 3)
>>> days
[0, 1, 2]
>>> plan = {date(2026, 11, 16) + timedelta(days=d): 18.0 / 3 for d in days}
>>> tuesday = (datetime(2026, 11, 17, 8, 0), datetime(2026, 11, 17, 16, 0))
>>> friday = (datetime(2026, 11, 20, 8, 0), datetime(2026, 11, 20, 16, 0))
>>> leave = leave_in_plan(plan, [tuesday, friday])
>>> leave
6.0
>>> person_capacity(18.0, 1.0, 0.0, leave_hours=leave)
12.0
"""

from datetime import datetime, time, timedelta

ROUNDING = 2


def absence_rate(planned_hours, attended_hours):
    """The share of planned hours not attended, between 0 and 1.

    >>> absence_rate(100.0, 75.0)
    0.25
    >>> absence_rate(100.0, 130.0)   # overtime does not make absence negative
    0.0
    >>> absence_rate(0.0, 0.0)       # nothing planned yet: no absence expected
    0.0
    """
    if planned_hours <= 0:
        return 0.0
    rate = 1.0 - attended_hours / planned_hours
    return round(min(max(rate, 0.0), 1.0), 4)


def person_capacity(planned_hours, capacity_factor=1.0, absence=0.0, leave_hours=0.0):
    """Effective hours a person can be expected to work in a period.

    ``capacity_factor`` is the flexjob work capacity as a fraction (0.5 for 50 %),
    1.0 for other schemes; ``absence`` the expected absence rate (0-1);
    ``leave_hours`` approved leave in the period.

    >>> person_capacity(30.0, 1.0, 0.1)            # 30 h, 10 % absence
    27.0
    >>> person_capacity(20.0, 0.5, 0.0, leave_hours=8.0)   # (20 - 8) x 50 %
    6.0
    >>> person_capacity(10.0, 1.0, 0.0, leave_hours=16.0)  # never negative
    0.0
    """
    if not 0.0 <= absence <= 1.0:
        raise ValueError("absence must be between 0 and 1")
    if capacity_factor < 0:
        raise ValueError("capacity_factor must not be negative")
    available = max(planned_hours - leave_hours, 0.0)
    return round(available * capacity_factor * (1.0 - absence), ROUNDING)


def split_evenly(hours, parts):
    """A person's hours shared by the ``parts`` work centres they are assigned to.

    >>> split_evenly(27.0, 2)
    13.5
    >>> split_evenly(27.0, 0)
    0.0
    """
    return round(hours / parts, ROUNDING) if parts else 0.0


def load_status(capacity_hours, load_hours):
    """Capacity beside load, the free hours and whether the team is overloaded.

    >>> load_status(40.0, 32.5)
    {'capacity': 40.0, 'load': 32.5, 'free': 7.5, 'overloaded': False}
    """
    capacity_hours = round(capacity_hours, ROUNDING)
    load_hours = round(load_hours, ROUNDING)
    free = round(capacity_hours - load_hours, ROUNDING)
    return {
        "capacity": capacity_hours,
        "load": load_hours,
        "free": free,
        "overloaded": free < 0,
    }


def remaining_minutes(expected_minutes, done_minutes):
    """Expected minutes still to work on a work order.

    >>> remaining_minutes(90.0, 30.0)
    60.0
    >>> remaining_minutes(90.0, 120.0)
    0.0
    """
    return max(expected_minutes - done_minutes, 0.0)


def planned_weekdays(schedule_weekdays, days_per_week):
    """The weekdays (0 = Monday) a person with ``days_per_week`` agreed days comes:
    the days of their work schedule, Monday first; when the schedule has fewer days
    than agreed, the other days of the week, Monday first.

    >>> planned_weekdays([0, 1, 2, 3, 4], 4)    # 4 days, Monday-Friday schedule
    [0, 1, 2, 3]
    >>> planned_weekdays([1, 3], 3)             # schedule Tuesday and Thursday
    [0, 1, 3]
    >>> planned_weekdays([0, 1, 2, 3, 4], 0)
    []
    """
    schedule = sorted(set(schedule_weekdays))
    order = schedule + [day for day in range(7) if day not in schedule]
    return sorted(order[: max(days_per_week or 0, 0)])


def merge_intervals(intervals):
    """(start, end) intervals merged where they overlap, in order.

    >>> merge_intervals([(3, 5), (1, 2), (4, 8)])
    [(1, 2), (3, 8)]
    """
    merged = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def leave_in_plan(planned, leaves):
    """Leave hours inside a person's plan.

    ``planned`` maps each planned day (a ``date``) to its planned hours; ``leaves``
    are (start, end) naive datetimes in the person's local time (overlapping leaves
    count once). On each planned day the leaves take off the hours they cover that
    day, at most the day's plan; days without plan are not looked at.

    A flexjob worker with 20 h over 4 days (5 h a day, Monday to Thursday) on leave
    from Wednesday 08:00 to Thursday 16:00 and on Friday: 2 days, 10 h. At 60 % work
    capacity that leaves (20 - 10) x 0.6 = 6 effective hours.

    >>> from datetime import date
    >>> plan = {date(2026, 11, 16) + timedelta(days=d): 5.0 for d in range(4)}
    >>> leaves = [
    ...     (datetime(2026, 11, 18, 8, 0), datetime(2026, 11, 19, 16, 0)),
    ...     (datetime(2026, 11, 20, 8, 0), datetime(2026, 11, 20, 16, 0)),
    ... ]
    >>> leave_in_plan(plan, leaves)
    10.0
    >>> person_capacity(20.0, 0.6, 0.0, leave_hours=10.0)
    6.0

    A half day (08:00-11:00) takes 3 of the day's 5 hours:

    >>> morning = (datetime(2026, 11, 16, 8, 0), datetime(2026, 11, 16, 11, 0))
    >>> leave_in_plan(plan, [morning])
    3.0
    """
    leaves = merge_intervals(leaves)
    total = 0.0
    for day, hours in planned.items():
        if hours <= 0:
            continue
        day_start = datetime.combine(day, time.min)
        day_end = day_start + timedelta(days=1)
        covered = sum(
            (min(end, day_end) - max(start, day_start)).total_seconds() / 3600.0
            for start, end in leaves
            if start < day_end and end > day_start
        )
        total += min(covered, hours)
    return round(total, ROUNDING)
