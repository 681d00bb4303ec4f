"""Loader of the support sample data (demo/support_hours_demo.xml calls it).

Needs by scheme and plan goals are in the CSV files next to this one
(``support_need_demo.csv``, ``support_plan_goal_demo.csv``); this module turns them
into needs, plans, grants, a year of sessions and quarterly assessments for the
sample people of social_enterprise's demo, through batch creates. Everything is
deterministic for a given day: random numbers are seeded with the person's name.
Texts are Danish like the sample people; all of it is fictional.
"""

import csv
import random
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.fields import Domain
from odoo.tools import file_open

from ..tools import hours as hours_tools


def read_csv(name):
    """The rows of ``demo/<name>`` as dicts."""
    with file_open(f"support_hours/demo/{name}") as handle:
        return list(csv.DictReader(handle))


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


class SupportHoursDemo(models.AbstractModel):
    _name = "support.hours.demo"
    _description = "Support Sample Data Loader"

    @api.model
    def _load(self):
        """Needs, plans, grants, a year of sessions and quarterly assessments for the
        sample people of social_enterprise's demo (found through their placements).

        Called once from the demo data; deterministic for a given day; batch creates.
        """
        ref = self.env.ref
        today = fields.Date.context_today(self)
        window = (today - relativedelta(months=12), today - timedelta(days=1))
        mentor = ref("support_hours.res_users_mentor_demo")
        coordinator = ref("social_enterprise.res_users_coordinator_demo")
        Placement = self.env["social.placement"]
        placements = Placement.search(
            Domain(
                [
                    ("company_id", "=", ref("base.demo_company_dk").id),
                    ("scheme_id.exclusive", "=", True),
                ]
            )
            & Placement._get_running_domain(window[0], False),
            order="employee_id, date_start",
        )
        env = self.with_context(tracking_disable=True, mail_create_nolog=True).env
        needs = self._load_needs(env, placements, today, mentor, coordinator)
        self._load_plans(env, placements, today)
        grants = self._load_grants(env, placements, today, coordinator)
        self._load_sessions(env, needs, window, coordinator)
        self._load_assessments(env, placements, today)
        grants._cron_warn_grants()
        return needs

    @api.model
    def _load_needs(self, env, placements, today, mentor, coordinator):
        categories = {c.code: c for c in env["support.need.category"].search([])}
        needs_by_scheme = defaultdict(list)
        for row in read_csv("support_need_demo.csv"):
            needs_by_scheme[row["scheme"]].append(
                (
                    row["category"],
                    float(row["planned_hours"]),
                    row["accommodation"],
                    row["description"],
                )
            )
        vals_list = []
        for index, placement in enumerate(placements):
            responsible = mentor if index % 2 == 0 else coordinator
            ended = placement.state == "ended"
            for code, hours, accommodation, description in needs_by_scheme.get(
                placement.scheme_id.code, []
            ):
                vals_list.append(
                    {
                        "employee_id": placement.employee_id.id,
                        "category_id": categories[code].id,
                        "planned_hours": hours,
                        "accommodation": accommodation,
                        "description": description,
                        "date_from": placement.date_start,
                        "date_to": placement.date_end if ended else False,
                        "responsible_id": responsible.id,
                        "review_date": False
                        if ended
                        else today + timedelta(days=14 + 7 * (index % 8)),
                        "state": "closed" if ended else "active",
                    }
                )
        return env["support.need"].create(vals_list)

    @api.model
    def _load_plans(self, env, placements, today):
        all_goals = [row["name"] for row in read_csv("support_plan_goal_demo.csv")]
        vals_list = []
        for index, placement in enumerate(placements.filtered("municipality_id")):
            goals = [
                all_goals[(index + g) % len(all_goals)] for g in range(2 + index % 2)
            ]
            active = placement.state == "active"
            vals_list.append(
                {
                    "name": "Udviklingsplan",
                    "employee_id": placement.employee_id.id,
                    "placement_id": placement.id,
                    "municipal_plan_ref": f"HP-{placement.person_ref or index}",
                    "date_from": placement.date_start,
                    "date_to": placement.date_end,
                    "review_interval_months": 6,
                    "last_review_date": max(
                        placement.date_start, today - relativedelta(months=4)
                    ),
                    "next_review_date": today + relativedelta(months=2)
                    if active
                    else False,
                    "state": "active" if active else "closed",
                    "responsible_id": env["support.need"]
                    .search([("employee_id", "=", placement.employee_id.id)], limit=1)
                    .responsible_id.id
                    or env.uid,
                    "goal_ids": [
                        Command.create(
                            {
                                "name": goal,
                                "sequence": g,
                                "state": ("achieved", "progress", "open")[g % 3]
                                if active
                                else "achieved",
                                "target_date": today + relativedelta(months=3 * g + 2),
                            }
                        )
                        for g, goal in enumerate(goals)
                    ],
                }
            )
        return env["support.plan"].create(vals_list)

    @api.model
    def _load_grants(self, env, placements, today, coordinator):
        """Mentor grants for the mentor placements, and total-hour grants for the
        first sheltered (§103) people: one nearly used up, one about to end."""
        mentor_category = env.ref("support_hours.support_need_category_mentor")
        structure = env.ref("support_hours.support_need_category_structure")
        vals_list = []
        mentor_placements = env["social.placement"].search(
            [
                ("scheme_id.code", "=", "MENTOR"),
                ("company_id", "=", placements.company_id.id),
            ],
            order="date_start, id",
        )
        for placement in mentor_placements:
            vals_list.append(
                {
                    "employee_id": placement.employee_id.id,
                    "placement_id": placement.id,
                    "category_id": mentor_category.id,
                    "municipality_id": placement.municipality_id.id,
                    "case_worker_id": placement.case_worker_id.id,
                    "order_ref": placement.order_ref,
                    "date_from": placement.date_start,
                    "date_to": placement.date_end,
                    "grant_type": "weekly",
                    "hours_per_week": 3.0,
                    "price_per_hour": 450.0,
                    "responsible_id": coordinator.id,
                    "state": "active" if placement.state == "active" else "closed",
                }
            )
        sheltered = placements.filtered(
            lambda p: p.scheme_id.code == "SHELTERED_103" and p.state == "active"
        )[:2]
        periods = [
            (today - relativedelta(months=5), today + relativedelta(months=1), 48.0),
            (today - relativedelta(months=6), today + timedelta(days=20), 60.0),
        ]
        for placement, (start, end, hours) in zip(sheltered, periods, strict=False):
            vals_list.append(
                {
                    "employee_id": placement.employee_id.id,
                    "placement_id": placement.id,
                    "category_id": structure.id,
                    "municipality_id": placement.municipality_id.id,
                    "case_worker_id": placement.case_worker_id.id,
                    "order_ref": f"{placement.order_ref}-STØTTE",
                    "date_from": start,
                    "date_to": end,
                    "grant_type": "total",
                    "hours_total": hours,
                    "price_per_hour": 395.0,
                    "responsible_id": coordinator.id,
                    "state": "active",
                }
            )
        return env["support.grant"].create(vals_list)

    @api.model
    def _load_sessions(self, env, needs, window, coordinator):
        taken = defaultdict(set)  # (staff id, day) -> slots used
        vals_list = []
        for need in needs.filtered("planned_hours"):
            staff = need.responsible_id
            plan = session_plan(
                f"{need.employee_id.name}/{need.category_id.code}",
                need.date_from,
                need.date_to,
                need.planned_hours,
                *window,
            )
            for monday, weekday, duration, kind in plan:
                for shift in range(5):
                    day = monday + timedelta(days=(weekday + shift) % 5)
                    free = [s for s in SLOTS if s not in taken[staff, day]]
                    if free and window[0] <= day <= window[1]:
                        break
                else:
                    continue
                taken[staff, day].add(free[0])
                vals_list.append(
                    {
                        "employee_id": need.employee_id.id,
                        "staff_id": staff.id,
                        "start": hours_tools.to_utc(day, free[0], staff.tz),
                        "duration": duration,
                        "kind": kind,
                        "need_ids": [Command.set(need.ids)],
                    }
                )
        Session = env["support.session"]
        # Every other Thursday: the café group, for the people with a social need.
        social = needs.filtered(lambda n: n.category_id.code in ("social", "structure"))
        monday = hours_tools.week_start(window[0])
        week = 0
        while monday <= window[1]:
            day = monday + timedelta(days=GROUP_WEEKDAY)
            members = social.filtered(
                lambda n, d=day: n.date_from <= d and (not n.date_to or n.date_to >= d)
            ).employee_id[: 4 + week % 3]
            if week % 2 == 0 and len(members) >= 2 and day <= window[1]:
                vals_list += Session._prepare_group_vals(
                    coordinator,
                    hours_tools.to_utc(day, GROUP_HOUR, coordinator.tz),
                    GROUP_LENGTH,
                    members,
                )
            monday += timedelta(days=7)
            week += 1
        return Session.create(vals_list)

    @api.model
    def _load_assessments(self, env, placements, today):
        vum = env.ref("support_hours.support_assessment_instrument_vum")
        simple = env.ref("support_hours.support_assessment_instrument_simple")
        vals_list = []
        for placement in placements:
            instrument = (
                vum
                if placement.scheme_id.code in ("SHELTERED_103", "ACTIVITY_104")
                else simple
            )
            days = assessment_dates(today, placement.date_start, placement.date_end)
            if not days:
                continue
            dimensions = instrument.dimension_ids
            levels = {lvl.value: lvl for lvl in instrument.level_ids}
            rows = scores(
                placement.employee_id.name,
                len(days),
                len(dimensions),
                instrument.scale_min,
                instrument.scale_max,
                instrument.higher_is_better,
            )
            assessor = (
                env["support.need"]
                .search([("employee_id", "=", placement.employee_id.id)], limit=1)
                .responsible_id
            )
            for day, row in zip(days, rows, strict=True):
                vals_list.append(
                    {
                        "employee_id": placement.employee_id.id,
                        "instrument_id": instrument.id,
                        "date": day,
                        "assessor_id": (assessor or env.user).id,
                        "state": "done",
                        "line_ids": [
                            Command.create(
                                {
                                    "dimension_id": dimension.id,
                                    "staff_level_id": levels[staff].id,
                                    "self_level_id": levels[own].id,
                                }
                            )
                            for dimension, (staff, own) in zip(
                                dimensions, row, strict=True
                            )
                        ],
                    }
                )
        return env["support.assessment"].create(vals_list)
