"""Sample support data of the demo database, as plain data and pure functions.

Everything is deterministic for a given day: random numbers are seeded with the
person's name. Texts are Danish like the sample people; all of it is fictional.
"""

import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

# Needs by scheme code: (category code, planned hours per week, accommodation,
# restricted description).
NEEDS = {
    "FLEXJOB": [
        (
            "physical",
            1.0,
            "Pause på 10 minutter hver time. Må sidde ned ved kassen.",
            "<p>Smerter i ryg og skuldre efter arbejdsskade; aftalt med egen læge.</p>",
        ),
        (
            "mentor",
            1.5,
            "Faste arbejdsopgaver fra dag til dag; ændringer varsles dagen før.",
            "<p>Bliver hurtigt udmattet; har brug for hjælp til at sige fra.</p>",
        ),
    ],
    "FLEXJOB_OLD": [
        (
            "physical",
            0.5,
            "Ingen løft over 10 kg. Hæve-sænkebord ved pakkebordet.",
            "<p>Gigt i hænder og knæ.</p>",
        ),
    ],
    "SKAANEJOB": [
        (
            "structure",
            1.0,
            "Skriftlig dagsplan ved mødestart. Samme arbejdsplads hver dag.",
            "<p>Nedsat hukommelse efter hjerneskade; bruger telefonens kalender.</p>",
        ),
    ],
    "WAGE_SUBSIDY_PRIVATE": [
        (
            "mentor",
            1.0,
            "Kort samtale med værkføreren hver fredag om ugen, der gik.",
            "<p>Længe uden arbejde; usikker på egne evner.</p>",
        ),
    ],
    "WAGE_SUBSIDY_PUBLIC": [
        (
            "mentor",
            1.0,
            "Kort samtale med værkføreren hver fredag om ugen, der gik.",
            "<p>Længe uden arbejde; ønsker ordinært job med IPS-støtte.</p>",
        ),
    ],
    "WORK_PLACEMENT": [
        (
            "language",
            1.0,
            "Giv instrukser mundtligt og vis dem; tjek at de er forstået.",
            "<p>Dansk på begynderniveau; læser kun lidt dansk.</p>",
        ),
        (
            "social",
            1.0,
            "Fast makker i de første uger. Pauser sammen med holdet.",
            "<p>Social angst; undgår at spørge om hjælp.</p>",
        ),
    ],
    "SMALL_JOB": [
        (
            "transport",
            0.5,
            "Møder kl. 9 af hensyn til bussen; sms hvis bussen er aflyst.",
            "<p>Kan ikke cykle; afhængig af flextrafik.</p>",
        ),
    ],
    "SHELTERED_103": [
        (
            "structure",
            2.0,
            "Billedskema over dagens opgaver. Én opgave ad gangen.",
            "<p>Udviklingshæmning; brug for tydelig struktur og genkendelighed.</p>",
        ),
        (
            "health",
            1.0,
            "Må gå en tur udenfor, når det bliver for meget; sig det til værkføreren.",
            "<p>Psykisk sårbar; medicin skiftet i foråret.</p>",
        ),
    ],
    "ACTIVITY_104": [
        (
            "social",
            1.5,
            "Arbejder ved det lille bord med én kollega. Rolige opgaver.",
            "<p>Autisme; overvældes af støj og mange mennesker.</p>",
        ),
    ],
    "STU": [
        (
            "structure",
            2.0,
            "Tjekliste til hver opgave. Ros når opgaven er færdig.",
            "<p>ADHD; svært ved at holde fokus over tid.</p>",
        ),
    ],
    "JOB_CLARIFICATION": [
        (
            "mentor",
            1.5,
            "Korte arbejdsdage i starten; optrapning aftales hver anden uge.",
            "<p>Stress og depression; i behandling i psykiatrien.</p>",
        ),
    ],
    "RESOURCE": [
        (
            "finance",
            1.0,
            "Ingen særlige hensyn i arbejdet.",
            "<p>Gæld og rykkere; hjælp til budget og kontakt med skat.</p>",
        ),
    ],
}

GOALS = [
    "Møde til tiden fire dage om ugen",
    "Tage bussen alene til og fra arbejde",
    "Lære at bruge kasseapparatet",
    "Sige til, når en opgave er for svær",
    "Arbejde en time længere om dagen",
    "Lave en fast madpakke hver morgen",
]

# Session start times (local hours). Thursday 13-15 is kept free for the group.
SLOTS = [8.0, 9.5, 11.0, 15.0, 16.5]
GROUP_WEEKDAY, GROUP_HOUR, GROUP_LENGTH = 3, 13.0, 2.0


def session_plan(seed, date_from, date_to, planned_hours, window_start, window_end):
    """Deterministic (week monday, weekday, duration, kind) tuples for one need.

    About one session a week for each 1.5 planned hours, on 85 % of the weeks,
    lasting the planned hours give or take a quarter, between 0.5 and 1.5 hours.
    """
    rnd = random.Random(seed)
    start = max(date_from, window_start)
    end = min(date_to or window_end, window_end)
    monday = start - timedelta(days=start.weekday())
    per_week = max(1, round(planned_hours / 1.5))
    length = min(max(planned_hours / per_week, 0.5), 1.5)
    plan = []
    while monday <= end:
        for _i in range(per_week):
            if rnd.random() >= 0.85:
                continue
            weekday = rnd.randint(0, 4)
            duration = min(max(length + rnd.choice((-0.25, 0, 0, 0.25)), 0.5), 1.5)
            kind = rnd.choices(("individual", "phone", "employer"), weights=(7, 2, 1))[
                0
            ]
            day = monday + timedelta(days=weekday)
            if start <= day <= end:
                plan.append((monday, weekday, duration, kind))
        monday += timedelta(days=7)
    return plan


def assessment_dates(today, start, end):
    """Quarterly assessment days in the last year within [start, end]."""
    days = []
    for months in (12, 9, 6, 3, 0):
        day = (today - relativedelta(months=months)).replace(day=15)
        if day > today:
            day = today
        if start <= day and (not end or day <= end):
            days.append(day)
    return days


def scores(seed, count, dimensions, low, high, higher_is_better):
    """Staff and own scores per assessment and dimension, drifting the right way."""
    rnd = random.Random(seed)
    span = high - low
    result = []
    base = [rnd.uniform(0.2, 0.5) for _d in range(dimensions)]
    for step in range(count):
        row = []
        for d in range(dimensions):
            progress = min(base[d] + 0.08 * step + rnd.uniform(-0.05, 0.05), 1.0)
            good = low + round(progress * span)
            staff = good if higher_is_better else high - (good - low)
            own = min(max(staff + rnd.choice((-1, 0, 0, 1, 2)), low), high)
            row.append((staff, own))
        result.append(row)
    return result
