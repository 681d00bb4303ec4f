"""The attendance pattern of the sample people (the people themselves and their
placements are data: demo/social_placement_demo.xml).
"""

import random
from datetime import datetime, timedelta


def attendance_slots(
    seed, start, end, weekly_hours, days_per_week, window_start, window_end
):
    """Deterministic (check_in, check_out) naive datetimes for a sample person.

    The person works the first ``days_per_week`` weekdays of each week, shows up on
    about 88 %
    of them, starts around 8:00 (UTC 7:00) and works the agreed day length give or take.
    """
    rnd = random.Random(seed)
    day = max(start, window_start)
    last = min(end or window_end, window_end)
    per_day = weekly_hours / float(days_per_week or 1)
    slots = []
    while day <= last:
        if day.weekday() < min(days_per_week, 5) and rnd.random() < 0.88:
            start_minutes = 7 * 60 + rnd.randint(-15, 40)
            minutes = max(int(per_day * 60 + rnd.randint(-45, 20)), 30)
            check_in = datetime(day.year, day.month, day.day) + timedelta(
                minutes=start_minutes
            )
            slots.append((check_in, check_in + timedelta(minutes=minutes)))
        day += timedelta(days=1)
    return slots


# Sample mix of absence reasons (codes of social.absence.reason), by weight.
ABSENCE_MIX = (
    ("ill", 45),
    ("treatment", 15),
    ("agreed", 15),
    ("holiday", 10),
    ("no_show", 15),
)


def kiosk_days(seed, planned_days, attended_days):
    """Deterministic sample kiosk answers of one person.

    ``planned_days`` are the days the person was expected, ``attended_days`` those
    they came. Returns ``(absences, moods)``: ``[(day, reason code)]`` for about
    four in five planned days they did not come (the rest stay without a reason,
    as in life) and ``[(day, score "1"-"5")]`` for about three in five days they
    came.

    >>> from datetime import date, timedelta
    >>> days = [date(2026, 11, 2) + timedelta(days=i) for i in range(20)]
    >>> absences, moods = kiosk_days("Ann", days, days[:14])
    >>> {day for day, _code in absences} <= set(days[14:])
    True
    >>> {code for _day, code in absences} <= dict(ABSENCE_MIX).keys()
    True
    >>> all(day in days[:14] and score in "12345" for day, score in moods)
    True
    >>> kiosk_days("Ann", days, days[:14]) == (absences, moods)
    True
    """
    rnd = random.Random(f"{seed}/kiosk")
    codes = [code for code, _weight in ABSENCE_MIX]
    weights = [weight for _code, weight in ABSENCE_MIX]
    attended = set(attended_days)
    absences, moods = [], []
    for day in sorted(planned_days):
        if day in attended:
            if rnd.random() < 0.6:
                moods.append((day, str(rnd.choices("12345", (1, 2, 4, 5, 3))[0])))
        elif rnd.random() < 0.8:
            absences.append((day, rnd.choices(codes, weights)[0]))
    return absences, moods
