"""The sample people of the demo database, as plain data, and their attendance pattern.

Offsets are in months relative to the day the demo is loaded, so the sample always looks
current. Person references are municipal case references, never CPR numbers.
"""

import random
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

# One line a person: name; scheme code; municipality; start (months ago); end (months
# from now, negative = ended that long ago, - = open); weekly hours; days a week; work
# capacity %; team; rate level; end reason; destination.
_TABLE = """
Mads Jensen;FLEXJOB;kk;30;-;20;4;50;shop;-;-;-
Sara Nielsen;FLEXJOB;kk;14;-;24;4;60;cafe;-;-;-
Omar Hassan;FLEXJOB;aarhus;8;-;15;3;40;shop;-;-;-
Birgitte Poulsen;FLEXJOB_OLD;kk;170;-;30;5;100;shop;-;-;-
Henrik Larsen;SKAANEJOB;kk;40;-;15;3;100;shop;-;-;-
Anne Mortensen;SKAANEJOB;roskilde;20;-;12;3;100;cafe;-;-;-
Kasper Olsen;WAGE_SUBSIDY_PRIVATE;kk;4;2;37;5;100;shop;-;-;-
Nadia Rasmussen;WAGE_SUBSIDY_PRIVATE;kk;11;-5;37;5;100;cafe;-;completed;ordinary_job
Jesper Christensen;WORK_PLACEMENT;kk;2;1;20;4;100;shop;-;-;-
Fatima Ahmadi;WORK_PLACEMENT;aarhus;9;-6;16;4;100;cafe;-;transition;education
Louise Andersen;WORK_PLACEMENT;kk;1;2;12;3;100;cafe;-;-;-
Ali Yilmaz;SMALL_JOB;kk;18;-;8;2;100;cafe;-;-;-
Camilla Thomsen;SMALL_JOB;kk;10;-2;6;2;100;cafe;-;person_choice;ordinary_job
Rasmus Pedersen;SHELTERED_103;kk;36;-;25;5;100;shop;1;-;-
Lene Schmidt;SHELTERED_103;kk;26;-;18;4;100;shop;2;-;-
Morten Jørgensen;SHELTERED_103;roskilde;15;-;10;2;100;shop;3;-;-
Tina Knudsen;SHELTERED_103;roskilde;30;-3;20;4;100;shop;1;transition;flexjob
Søren Hansen;SHELTERED_103;kk;48;-;22;5;100;cafe;2;-;-
Ida Frederiksen;ACTIVITY_104;kk;24;-;12;3;100;cafe;1;-;-
Bo Villadsen;ACTIVITY_104;roskilde;12;-;8;2;100;shop;2;-;-
Pia Eriksen;ACTIVITY_104;kk;20;-1;10;3;100;cafe;3;health;pension
Emil Carlsen;STU;kk;16;20;30;5;100;shop;-;-;-
Julie Vestergaard;STU;aarhus;30;6;30;5;100;cafe;-;-;-
Mikkel Friis;JOB_CLARIFICATION;kk;7;12;15;3;100;shop;-;-;-
Hanne Lauridsen;RESOURCE;kk;22;8;12;3;100;cafe;-;-;-
Niels Bak;RESOURCE;aarhus;28;-4;10;3;100;shop;-;transition;other_offer
Yasmin Khalil;FLEXJOB;roskilde;6;-;18;4;45;cafe;-;-;-
Thomas Krogh;WAGE_SUBSIDY_PUBLIC;aarhus;12;-2;30;5;100;shop;-;completed;ordinary_job_ips
Maja Iversen;WORK_PLACEMENT;kk;8;-4;20;4;100;shop;-;person_choice;dropout
Kim Dalgaard;SKAANEJOB;kk;60;-;10;2;100;shop;-;-;-
"""


def _parse(table):
    people = []
    for line in table.strip().splitlines():
        cells = [None if c == "-" else c for c in line.split(";")]
        (
            name,
            code,
            muni,
            start,
            end,
            hours,
            days,
            capacity,
            team,
            level,
            reason,
            dest,
        ) = cells
        people.append(
            (
                name, code, muni, int(start), None if end is None else int(end),
                float(hours), int(days), float(capacity), team, level, reason, dest,
            )
        )  # fmt: skip
    return people


PEOPLE = _parse(_TABLE)

# Mentor support placed beside an employment placement: person index, months ago,
# months on.
MENTOR = [(2, 5, 1), (8, 2, 4), (13, 8, None), (26, 6, 0)]


def person_dates(today, start_months, end_months):
    """Start and end of a sample placement."""
    start = (today - relativedelta(months=start_months)).replace(day=1)
    end = None
    if end_months is not None:
        end = today + relativedelta(months=end_months)
        if end_months < 0:
            end = end.replace(day=1) - timedelta(days=1)
    return start, end


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
