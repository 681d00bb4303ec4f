"""Capacity of a mixed team in effective hours, and the load it must carry.

A work centre's weekly capacity is what the people assigned to it can really work
that week, person by person:

1. **Planned hours**: the hours their placement plans for the days of the week that
   fall inside the placement (agreed weekly hours spread over the agreed days per
   week, Monday first; see ``social_enterprise.tools.periods``). Staff without a
   placement bring the weekly hours of their work schedule.
2. **Approved leave** is taken off the planned hours.
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
"""

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
