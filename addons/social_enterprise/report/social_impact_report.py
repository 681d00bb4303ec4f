import secrets
from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.misc import formatLang

from ..models.social_placement import DESTINATIONS
from ..models.social_transition_followup import (
    FOLLOWED_DESTINATIONS,
    FOLLOWUP_MONTHS,
)
from ..tools import impact, periods


class SocialImpactReport(models.AbstractModel):
    """The municipal social-impact report: numbers computed once, rendered twice.

    ``_get_report_data`` returns a plain dict (see ``tools/impact.py`` for its tables)
    that both the xlsx and the PDF renderer consume. Each table comes from a builder
    method listed by ``_get_table_builders`` (a builder returns a table, a list of
    tables, such as absence by reason per scheme, or None); other addons add tables by
    extending that list (support_hours adds support hours, progression and distance
    travelled). Builders share one
    *context* holding the placements and the hours, so each measure is computed once
    with a fixed number of queries, whatever the number of people.
    """

    _name = "social.impact.report"
    _description = "Municipal Social-Impact Report"

    @api.model
    def _get_placement_domain(self, municipality, date_from, date_to):
        return Domain("municipality_id", "=", municipality.id) & self.env[
            "social.placement"
        ]._get_running_domain(date_from, date_to)

    @api.model
    def _get_report_data(
        self, municipality, date_from, date_to, person_lines=False, include_names=False
    ):
        ctx = self._get_report_context(
            municipality, date_from, date_to, person_lines, include_names
        )
        placements = ctx["placements"]
        # All tables together: a cell hidden in one is hidden wherever it repeats.
        tables = impact.suppress_tables(self._get_report_tables(ctx))
        return {
            "title": self.env._("Social-impact report"),
            "municipality": municipality.name,
            "date_from": date_from,
            "date_to": date_to,
            "company": self.env.company.name,
            "generated": fields.Date.context_today(self),
            "people": len(placements.employee_id),
            "suppressed_marker": impact.SUPPRESSED,
            "notes": self._get_report_notes(),
            "tables": tables,
        }

    @api.model
    def _get_report_notes(self):
        return [
            self.env._(
                "Aggregated and anonymised: cells resting on fewer than %(n)s "
                "people are shown as %(marker)s. People are identified by "
                "pseudonymous IDs, never by CPR number.",
                n=impact.THRESHOLD,
                marker=impact.SUPPRESSED,
            ),
            self.env._(
                "Where hidden cells could be worked out from a total, more cells are "
                "hidden (the smallest first, a total last), so that no hidden count "
                "can be narrowed to fewer than %(n)s people, and no hidden hours or "
                "days to a range narrower than %(times)s times their value, from the "
                "figures shown, including those other tables repeat.",
                n=impact.THRESHOLD,
                times=formatLang(self.env, 1 + impact.PROTECTION_SHARE, digits=1),
            ),
            self.env._(
                "%(marker)s: not applicable (no follow-up for that destination, or "
                "nothing to measure for that line).",
                marker=impact.NOT_APPLICABLE_MARKER,
            ),
        ]

    @api.model
    def _get_report_context(
        self, municipality, date_from, date_to, person_lines=False, include_names=False
    ):
        """What the table builders share: the placements and their hours."""
        placements = self.env["social.placement"].search(
            self._get_placement_domain(municipality, date_from, date_to),
            order="date_start, id",
        )
        return {
            "municipality": municipality,
            "date_from": date_from,
            "date_to": date_to,
            "placements": placements,
            "person_lines": person_lines,
            "include_names": include_names,
            "hours": placements._get_hours_data(date_from, date_to),
        }

    @api.model
    def _get_report_tables(self, ctx):
        """The tables as computed, before suppression (never shown as they are)."""
        tables = []
        for builder in self._get_table_builders():
            # A builder returns a table, a list of tables (one per scheme), or None.
            built = builder(ctx)
            tables += built if isinstance(built, list) else [built]
        return [table for table in tables if table]

    def _get_table_builders(self):
        return [
            self._table_placements,
            self._table_attendance,
            self._table_absence,
            self._table_flexjob,
            self._table_transitions,
            self._table_wellbeing,
            self._table_continuity,
            self._table_people,
        ]

    # ------------------------------------------------------------------ tables
    @api.model
    def _column(self, key, label, kind="count", **options):
        """A column; ``link`` names cells other tables repeat, ``ratio`` the two
        columns a share is computed from (see tools/impact.py)."""
        return {"key": key, "label": label, "kind": kind, **options}

    @api.model
    def _table_placements(self, ctx):
        date_from, date_to = ctx["date_from"], ctx["date_to"]
        rows = defaultdict(lambda: {"active": 0, "started": 0, "ended": 0})
        for placement in ctx["placements"]:
            values = rows[placement.scheme_id]
            values["active"] += 1
            if date_from <= placement.date_start <= date_to:
                values["started"] += 1
            if (
                placement.state == "ended"
                and date_from <= placement.date_end <= date_to
            ):
                values["ended"] += 1
        return {
            "key": "placements",
            "title": self.env._("Placements by scheme"),
            "columns": [
                self._column(
                    "active", self.env._("Active in the period"), link="people"
                ),
                self._column("started", self.env._("Started")),
                self._column("ended", self.env._("Ended"), link="ended"),
            ],
            "rows": [
                {
                    "label": scheme.name,
                    "key": ("scheme", scheme.id),
                    "values": values,
                    "n": values["active"],
                }
                for scheme, values in sorted(rows.items(), key=lambda i: i[0].sequence)
            ],
            "total": {
                "label": self.env._("Total"),
                "values": {
                    k: sum(v[k] for v in rows.values())
                    for k in ("active", "started", "ended")
                },
                "n": len(ctx["placements"]),
            },
        }

    @api.model
    def _table_attendance(self, ctx):
        measures = ("planned_days", "attended_days", "planned_hours", "attended_hours")
        # Every scheme of the placements table gets a line, so both tables show the
        # same people per scheme; schemes without hours (support beside a job) have
        # no days or hours to show: not applicable.
        rows = {}
        for placement in ctx["placements"]:
            row = rows.setdefault(
                placement.scheme_id,
                {"people": set(), "counted": False, **dict.fromkeys(measures, 0.0)},
            )
            row["people"].add(placement.employee_id.id)
            data = ctx["hours"].get(placement.id)
            if data is None:
                continue
            row["counted"] = True
            for measure in measures:
                row[measure] += data[measure]

        def values(row):
            if not row["counted"]:
                result = dict.fromkeys(measures + ("rate",), impact.NOT_APPLICABLE)
            else:
                result = {m: round(row[m], 1) for m in measures}
                result["rate"] = impact.share(
                    row["attended_hours"], row["planned_hours"]
                )
            result["people"] = len(row["people"])
            return result

        total = {"people": set(), "counted": True, **dict.fromkeys(measures, 0.0)}
        for row in rows.values():
            total["people"] |= row["people"]
            for measure in measures:
                total[measure] += row[measure]
        return {
            "key": "attendance",
            "title": self.env._("Planned and attended days and hours"),
            "columns": [
                # A person on two schemes is one person in the total.
                self._column(
                    "people", self.env._("People"), link="people", distinct=True
                ),
                self._column("planned_days", self.env._("Planned days"), "days"),
                # The same cells as the absence tables' attended lines.
                self._column(
                    "attended_days",
                    self.env._("Attended days"),
                    "days",
                    link="attended_days",
                ),
                self._column("planned_hours", self.env._("Planned hours"), "hours"),
                self._column(
                    "attended_hours",
                    self.env._("Attended hours"),
                    "hours",
                    link="attended_hours",
                ),
                self._column(
                    "rate",
                    self.env._("Attendance rate (%)"),
                    "percent",
                    ratio=("attended_hours", "planned_hours"),
                ),
            ],
            "rows": [
                {
                    "label": scheme.name,
                    "key": ("scheme", scheme.id),
                    "values": values(row),
                    "n": len(row["people"]),
                }
                for scheme, row in sorted(rows.items(), key=lambda i: i[0].sequence)
            ],
            "total": {
                "label": self.env._("Total"),
                "values": values(total),
                "n": len(total["people"]),
            },
        }

    @api.model
    def _table_flexjob(self, ctx):
        flex = ctx["placements"].filtered("uses_effective_hours")
        if not flex:
            return None
        monthly = flex._get_hours_data(ctx["date_from"], ctx["date_to"], by_month=True)
        months = defaultdict(
            lambda: {"people": set(), "effective": 0.0, "capacity": []}
        )
        for placement in flex:
            for month, data in monthly.get(placement.id, {}).items():
                row = months[month]
                row["people"].add(placement.employee_id.id)
                row["effective"] += data["effective_hours"]
                row["capacity"].append(placement.work_capacity)
        rows = []
        for month in sorted(months):
            row = months[month]
            last = min(periods.month_ranges(month, month)[0][1], ctx["date_to"])
            weeks = periods.count_weekdays(max(month, ctx["date_from"]), last) / 5.0
            people = len(row["people"])
            rows.append(
                {
                    "label": month.strftime("%Y-%m"),
                    "values": {
                        "people": people,
                        "effective": round(row["effective"], 1),
                        "weekly": round(row["effective"] / people / weeks, 1)
                        if weeks
                        else impact.NOT_APPLICABLE,
                        "capacity": round(
                            sum(row["capacity"]) / len(row["capacity"]), 1
                        ),
                    },
                    "n": people,
                }
            )
        return {
            "key": "flexjob",
            "title": self.env._("Flexjob: effective hours over time"),
            "columns": [
                self._column("people", self.env._("People")),
                self._column("effective", self.env._("Effective hours"), "hours"),
                self._column(
                    "weekly", self.env._("Effective hours a week per person"), "hours"
                ),
                self._column(
                    "capacity", self.env._("Mean work capacity (%)"), "percent"
                ),
            ],
            "rows": rows,
            "total": None,
        }

    @api.model
    def _table_transitions(self, ctx):
        date_from, date_to = ctx["date_from"], ctx["date_to"]
        ended = ctx["placements"].filtered(
            lambda p: p.state == "ended"
            and p.destination
            and date_from <= p.date_end <= date_to
        )
        if not ended:
            return None
        groups = self.env["social.transition.followup"]._read_group(
            [("placement_id", "in", ended.ids), ("answer", "!=", False)],
            ["destination", "months", "still_in_job"],
            ["__count"],
        )
        answered = defaultdict(int)
        kept = defaultdict(int)
        for destination, months, still, count in groups:
            answered[destination, months] += count
            if still:
                kept[destination, months] += count
        labels = dict(
            self.env["social.placement"]
            ._fields["destination"]
            ._description_selection(self.env)
        )
        rows = []
        for destination, _label in DESTINATIONS:
            count = len(ended.filtered(lambda p, d=destination: p.destination == d))
            if not count:
                continue
            values = {"ended": count}
            for months in FOLLOWUP_MONTHS:
                base = answered[destination, months]
                # Not applicable where nobody is followed up (or nobody answered yet);
                # a share resting on fewer answers than the threshold is hidden.
                if destination not in FOLLOWED_DESTINATIONS or not base:
                    values[f"m{months}"] = impact.NOT_APPLICABLE
                elif base < impact.THRESHOLD:
                    values[f"m{months}"] = None
                else:
                    values[f"m{months}"] = impact.share(kept[destination, months], base)
            rows.append(
                {
                    "label": labels[destination],
                    "key": ("destination", destination),
                    "values": values,
                    "n": count,
                }
            )
        columns = [self._column("ended", self.env._("Ended"), link="ended")]
        columns += [
            self._column(
                f"m{months}",
                self.env._("In job or education after %(m)s months (%%)", m=months),
                "percent",
            )
            for months in FOLLOWUP_MONTHS
        ]
        return {
            "key": "transitions",
            "title": self.env._("Transitions by destination"),
            "columns": columns,
            "rows": rows,
            "total": {
                "label": self.env._("Total"),
                "values": {"ended": len(ended)},
                "n": len(ended),
            },
            "note": self.env._(
                "Shares of the follow-ups answered so far; a share resting on fewer "
                "than %(n)s answers is not shown.",
                n=impact.THRESHOLD,
            ),
        }

    @api.model
    def _table_absence(self, ctx):
        """Absence by reason, one table per scheme with hours: the planned hours not
        attended, day by day, by the reason recorded for the day (``social.absence``),
        the days with no reason recorded on a line of their own, and late arrivals
        apart (the person came: no absent day). Each line rests on the people it
        counts, so a reason few people had is hidden.

        The attended days and hours head the table, the same cells as in the
        attendance table (hidden in both or in neither): all absence is the planned
        minus the attended hours there (wherever nobody worked beyond the plan), so
        without that line a reason only one person had could be worked out from the
        attendance table even when hidden here. With it, the total (attended and
        absent) always has a large line to protect the small ones with.
        """
        placements = ctx["placements"].filtered(lambda p: p.id in ctx["hours"])
        if not placements:
            return None
        # sudo: sums of hours and counts of people; no day of anyone leaves here.
        Hours = self.env["social.placement.hours.report"].sudo()
        domain = Domain(
            Hours._get_absence_domain(placements, ctx["date_from"], ctx["date_to"])
        )
        people = "employee_id:count_distinct"
        absent = {
            (scheme, reason): (count, days, hours)
            for scheme, reason, count, days, hours in Hours._read_group(
                domain & Domain("absence_hours", ">", 0),
                ["scheme_id", "absence_reason_id"],
                [people, "__count", "absence_hours:sum"],
            )
        }
        late = {
            scheme: (count, days)
            for scheme, count, days in Hours._read_group(
                domain & Domain("late_count", ">", 0),
                ["scheme_id"],
                [people, "__count"],
            )
        }
        reasons = self.env["social.absence.reason"].search([("is_late", "=", False)])
        reasons |= reasons.union(*(reason for _scheme, reason in absent if reason))
        return [
            self._absence_table(
                ctx,
                placements.filtered(lambda p, s=scheme: p.scheme_id == s),
                [
                    self._absence_row(
                        self._absence_label(reason), absent.get((scheme, reason))
                    )
                    for reason in (*reasons.sorted("sequence"), reasons.browse())
                ],
                late.get(scheme, (0, 0)),
            )
            for scheme in placements.scheme_id.sorted("sequence")
        ]

    @api.model
    def _absence_table(self, ctx, placements, reason_rows, late):
        """The absence table of one scheme's ``placements``."""
        scheme = placements.scheme_id
        attended = {"days": 0.0, "hours": 0.0, "people": set()}
        for placement in placements:
            data = ctx["hours"][placement.id]
            attended["days"] += data["attended_days"]
            attended["hours"] += data["attended_hours"]
            if data["attended_days"]:
                attended["people"].add(placement.employee_id.id)
        late_people, late_days = late
        rows = [
            {
                "label": self.env._("Attended"),
                "key": ("scheme", scheme.id),
                "values": {
                    "people": len(attended["people"]),
                    "days": round(attended["days"], 1),
                    "hours": round(attended["hours"], 1),
                    "late": impact.NOT_APPLICABLE,
                },
                "n": len(attended["people"]),
            },
            *reason_rows,
            {
                "label": self.env._("Late arrivals (came later than planned)"),
                "values": {
                    "people": late_people,
                    "days": impact.NOT_APPLICABLE,
                    "hours": impact.NOT_APPLICABLE,
                    "late": float(late_days),
                },
                "n": late_people,
            },
        ]
        everyone = len(placements.employee_id)
        return {
            "key": f"absence_{scheme.id}",
            "title": self.env._("Absence by reason: %(scheme)s", scheme=scheme.name),
            "columns": [
                self._column("people", self.env._("People"), distinct=True),
                self._column("days", self.env._("Days"), "days", link="attended_days"),
                self._column(
                    "hours", self.env._("Hours"), "hours", link="attended_hours"
                ),
                self._column("late", self.env._("Days late"), "days"),
            ],
            "rows": rows,
            "total": {
                # One scheme's total: not the cells other tables' totals repeat.
                "key": ("absence_total", scheme.id),
                "label": self.env._("Attended and absent"),
                "values": {
                    "people": everyone,
                    "days": round(sum(r["values"]["days"] for r in rows[:-1]), 1),
                    "hours": round(sum(r["values"]["hours"] for r in rows[:-1]), 1),
                    "late": float(late_days),
                },
                "n": everyone,
            },
            "note": self.env._(
                "Planned hours not attended, day by day, by the reason recorded for "
                "the day; a day partly attended counts on both lines. Unannounced: "
                "the person did not let us know. A late arrival is a day the person "
                "came later than planned, not an absent day."
            ),
        }

    @api.model
    def _absence_label(self, reason):
        if not reason:
            return self.env._("No reason recorded")
        if not reason.announced:
            return self.env._("%(reason)s (unannounced)", reason=reason.name)
        return reason.name

    @api.model
    def _absence_row(self, label, found):
        count, days, hours = found or (0, 0, 0.0)
        return {
            "label": label,
            "values": {
                "people": count,
                "days": float(days),
                "hours": round(hours, 1),
                "late": impact.NOT_APPLICABLE,
            },
            "n": count,
        }

    @api.model
    def _table_wellbeing(self, ctx):
        """The people's own daily answer ("how are you today", 1 to 5), month by
        month: answers and their mean, resting on the people who answered. Only
        answers given while the person had a placement of the municipality count.
        Coordinators and managers print the report; anyone else (a work supervisor)
        gets no wellbeing table, whatever the entry point."""
        if not self.env.user.has_group(
            "social_enterprise.social_enterprise_group_user"
        ):
            return None
        placements = ctx["placements"]
        if not placements:
            return None
        date_from, date_to = ctx["date_from"], ctx["date_to"]
        domain = Domain.OR(
            Domain("employee_id", "=", placement.employee_id.id)
            & Domain("date", ">=", max(placement.date_start, date_from))
            & Domain("date", "<=", min(placement.date_end or date_to, date_to))
            for placement in placements
        )
        Mood = self.env["social.mood"]
        aggregates = ["employee_id:count_distinct", "__count", "score:avg"]
        months = Mood._read_group(domain, ["date:month"], aggregates)
        if not months:
            return None
        [(people, answers, mean)] = Mood._read_group(domain, [], aggregates)

        def line(label, people, answers, mean):
            values = {"people": people, "answers": answers, "mean": round(mean, 2)}
            return {"label": label, "values": values, "n": people}

        return {
            "key": "wellbeing",
            "title": self.env._("Wellbeing: the people's own daily answer"),
            "columns": [
                self._column("people", self.env._("People"), distinct=True),
                self._column("answers", self.env._("Answers")),
                # The mean follows the cells it rests on (hidden with them).
                self._column(
                    "mean",
                    self.env._("Mean answer (1-5)"),
                    "number",
                    ratio=("people", "answers"),
                ),
            ],
            "rows": [
                line(month.strftime("%Y-%m"), *values)
                for month, *values in sorted(months, key=lambda g: g[0])
            ],
            "total": line(self.env._("Whole period"), people, answers, mean),
            "note": self.env._(
                "The person's own one-tap answer after check-in: 1 very bad, "
                "5 very good; optional, so it speaks for those who answered."
            ),
        }

    @api.model
    def _table_continuity(self, ctx):
        """Continuity per scheme (``social.placement.history._get_continuity``):
        case-worker changes per person-year in placement, the people who kept one
        case worker through the period, and the median days from one step forward
        to the next (more effective hours, a higher capacity, a move on, a plan
        review). A person on two schemes counts on both lines, once in the total."""
        placements = ctx["placements"]
        if not placements:
            return None
        date_from = ctx["date_from"]
        date_to = min(ctx["date_to"], fields.Date.context_today(self))
        measures = self.env["social.placement.history"]._get_continuity(
            placements.employee_id, ctx["date_from"], ctx["date_to"]
        )
        windows = defaultdict(list)
        for placement in placements:
            window = periods.overlap(
                placement.date_start, placement.date_end, date_from, date_to
            )
            if window:
                windows[placement.scheme_id, placement.employee_id.id].append(window)
                windows[None, placement.employee_id.id].append(window)

        def line(scheme):
            people = {eid: w for (key, eid), w in windows.items() if key == scheme}
            # (the total is the report's total: it repeats the other totals)
            return self._continuity_line(
                ctx,
                scheme.name if scheme else self.env._("Total"),
                ("scheme", scheme.id) if scheme else None,
                people,
                measures,
            )

        schemes = {key for key, _eid in windows if key}
        if not schemes:
            return None
        return {
            "key": "continuity",
            "title": self.env._("Continuity"),
            "columns": [
                self._column(
                    "people", self.env._("People"), link="people", distinct=True
                ),
                # Additive like days (a person on two lines counts once in total).
                self._column(
                    "person_years", self.env._("Person-years"), "days", distinct=True
                ),
                self._column(
                    "changes", self.env._("Case-worker changes"), distinct=True
                ),
                self._column(
                    "rate",
                    self.env._("Case-worker changes per person-year"),
                    "number",
                    ratio=("changes", "person_years"),
                ),
                self._column(
                    "stable", self.env._("With one stable case worker"), distinct=True
                ),
                self._column(
                    "stable_share",
                    self.env._("With one stable case worker (%)"),
                    "percent",
                    ratio=("stable", "people"),
                ),
                self._column(
                    "median_days",
                    self.env._("Median days between steps forward"),
                    "number",
                ),
            ],
            "rows": [line(s) for s in sorted(schemes, key=lambda s: s.sequence)],
            "total": line(None),
            "note": self.env._(
                "Person-years: days in placement in the period / 365.25. A step "
                "forward: more effective hours, a higher work capacity, a move on to "
                "a job, flexjob or education, or a reviewed plan; the median counts "
                "the days from one step to the next for the steps in the period."
            ),
        }

    @api.model
    def _continuity_line(self, ctx, label, key, windows, measures):
        """One line of the continuity table for the people of ``windows`` ({employee
        id: their placement days in the period as ranges}) and their ``measures``
        from ``_get_continuity``."""
        days = sum(periods.union_days(ranges) for ranges in windows.values())
        changes = sum(measures[e]["case_worker_changes"] for e in windows)
        stable = len([e for e in windows if not measures[e]["case_worker_changes"]])
        gaps = {
            eid: impact.days_between_steps(
                measures[eid]["step_dates"], ctx["date_from"], ctx["date_to"]
            )
            for eid in windows
        }
        measured = [eid for eid in windows if gaps[eid]]
        median = impact.median([g for eid in measured for g in gaps[eid]])
        if measured and len(measured) < impact.THRESHOLD:
            median = None  # rests on the people with two steps forward
        return {
            "label": label,
            "key": key,
            "values": {
                "people": len(windows),
                "person_years": round(days / 365.25, 1),
                "changes": changes,
                "rate": round(changes * 365.25 / days, 2)
                if days
                else impact.NOT_APPLICABLE,
                "stable": stable,
                "stable_share": impact.share(stable, len(windows)),
                "median_days": median,
            },
            "n": len(windows),
        }

    @api.model
    def _table_people(self, ctx):
        if not ctx["person_lines"]:
            return None
        secret = self._get_pseudonym_secret()
        municipality = ctx["municipality"]
        columns = []
        if ctx["include_names"]:
            columns += [
                self._column("name", self.env._("Name"), "text"),
                self._column(
                    "person_ref", self.env._("Municipal Person Reference"), "text"
                ),
            ]
        columns += [
            self._column("scheme", self.env._("Scheme"), "text"),
            self._column("start", self.env._("Start"), "date"),
            self._column("end", self.env._("End"), "date"),
            self._column("planned_hours", self.env._("Planned hours"), "hours"),
            self._column("attended_hours", self.env._("Attended hours"), "hours"),
        ]
        named = (
            self._get_named_employees(municipality, ctx["placements"].employee_id)
            if ctx["include_names"]
            else ctx["placements"].employee_id.browse()
        )
        rows = []
        for placement in ctx["placements"]:
            data = ctx["hours"].get(placement.id, {})
            person_id = impact.pseudonym(
                secret, municipality.id, placement.employee_id.id
            )
            values = {
                "scheme": placement.scheme_id.name,
                "start": placement.date_start,
                "end": placement.date_end,
                "planned_hours": round(data.get("planned_hours", 0.0), 1)
                if data
                else None,
                "attended_hours": round(data.get("attended_hours", 0.0), 1)
                if data
                else None,
            }
            if ctx["include_names"]:
                named_row = placement.employee_id in named
                values["name"] = placement.employee_id.name if named_row else ""
                values["person_ref"] = (placement.person_ref or "") if named_row else ""
            rows.append({"label": person_id, "values": values, "n": 1})
        return {
            "key": "people",
            "title": self.env._("People"),
            "label_title": self.env._("Person ID"),
            "columns": columns,
            "rows": rows,
            "total": None,
            "individual": True,
        }

    @api.model
    def _get_named_employees(self, municipality, employees):
        """The people whose names may appear: all of them where the municipality is
        data controller, else those with a valid consent to named reporting today
        (a consent withdrawn removes the name from the next report)."""
        if municipality._is_privacy_controller():
            return employees
        return self.env["social.consent"]._get_consenting_employees(
            employees, "named_reporting"
        )

    @api.model
    def _get_pseudonym_secret(self):
        """The database's secret for pseudonymous IDs, made on first use."""
        params = self.env["ir.config_parameter"].sudo()  # a technical secret, not data
        secret = params.get_param("social_enterprise.pseudonym_secret")
        if not secret:
            secret = secrets.token_hex(32)
            params.set_param("social_enterprise.pseudonym_secret", secret)
        return secret
