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
