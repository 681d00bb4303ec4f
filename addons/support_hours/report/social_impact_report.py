from collections import defaultdict

from odoo import api, models

from odoo.addons.social_enterprise.tools import impact


class SocialImpactReport(models.AbstractModel):
    """Support hours and progression in the municipal social-impact report."""

    _inherit = "social.impact.report"

    def _get_table_builders(self):
        return super()._get_table_builders() + [
            self._table_support_hours,
            self._table_progression,
            self._table_distance,
        ]

    @api.model
    def _table_support_hours(self, ctx):
        """Granted vs delivered support hours on the municipality's grants, by kind,
        prorated by day at the period's ends; delivered support outside any grant
        (for the people the municipality placed) on a line of its own."""
        # sudo: aggregated hours only; the report's readers need no support rights.
        report = (
            self.env["support.hours.report"]
            .sudo()
            ._with_period(ctx["date_from"], ctx["date_to"])
        )
        in_period = [("date", ">=", ctx["date_from"]), ("date", "<=", ctx["date_to"])]
        aggregates = [
            "employee_id:count_distinct",
            "granted_hours:sum",
            "delivered_hours:sum",
        ]
        groups = report._read_group(
            [
                ("municipality_id", "=", ctx["municipality"].id),
                ("source", "in", ("grant", "session")),
                *in_period,
            ],
            ["category_id"],
            aggregates,
        )
        outside = report._read_group(
            [
                ("source", "=", "session"),
                ("grant_id", "=", False),
                ("employee_id", "in", ctx["placements"].employee_id.ids),
                *in_period,
            ],
            [],
            aggregates,
        )
        rows = [
            {
                "label": category.name,
                "values": {
                    "people": people,
                    "granted": round(granted, 1),
                    "delivered": round(delivered, 1),
                    "share": impact.share(delivered, granted),
                },
                "n": people,
            }
            for category, people, granted, delivered in groups
        ]
        rows.sort(key=lambda r: r["label"])
        people, _granted, delivered = outside[0]
        if people:
            rows.append(
                {
                    "label": self.env._("Outside any grant"),
                    "values": {
                        "people": people,
                        "granted": impact.NOT_APPLICABLE,
                        "delivered": round(delivered, 1),
                        "share": impact.NOT_APPLICABLE,
                    },
                    "n": people,
                }
            )
        if not rows:
            return None
        return {
            "key": "support_hours",
            "title": self.env._("Support hours granted and delivered"),
            "columns": [
                self._column("people", self.env._("People")),
                self._column("granted", self.env._("Granted hours"), "hours"),
                self._column("delivered", self.env._("Delivered hours"), "hours"),
                self._column(
                    "share",
                    self.env._("Delivered of granted (%)"),
                    "percent",
                    ratio=("delivered", "granted"),
                ),
            ],
            "rows": rows,
            "total": None,
            "note": self.env._(
                "Granted hours counted day by day inside the period; support given "
                "outside any grant is shown on its own line."
            ),
        }

    @api.model
    def _get_score_series(self, ctx, date_from=None):
        """``{(instrument id, dimension id), employee id, rater): [(date, score)]}``
        in date order, for the report's people from ``date_from`` (all on record if
        None) to the period's end, and the label of each (instrument, dimension)."""
        employees = ctx["placements"].employee_id
        if not employees:
            return {}, {}
        domain = [("employee_id", "in", employees.ids), ("date", "<=", ctx["date_to"])]
        if date_from:
            domain.append(("date", ">=", date_from))
        # sudo: scores are aggregated by the callers; none leaves them as it is.
        scores = (
            self.env["support.assessment.score"]
            .sudo()
            .search_read(
                domain,
                [
                    "employee_id",
                    "instrument_id",
                    "dimension_id",
                    "date",
                    "rater",
                    "score",
                ],
                order="date, id",
            )
        )
        series = defaultdict(list)
        labels = {}
        for score in scores:
            key = (score["instrument_id"][0], score["dimension_id"][0])
            labels[key] = f"{score['instrument_id'][1]}: {score['dimension_id'][1]}"
            series[key, score["employee_id"][0], score["rater"]].append(
                (score["date"], score["score"])
            )
        return series, labels

    @api.model
    def _table_progression(self, ctx):
        """Change per dimension between each person's first and last score in the
        period.

        Staff and own scores are kept apart: the mean change of each, and the share of
        people whose staff score improved (up where higher is better, down on scales
        such as VUM where a higher score means more difficulty). People with a single
        score are not counted.
        """
        series, labels = self._get_score_series(ctx, ctx["date_from"])
        if not series:
            return None
        instruments = (
            self.env["support.assessment.instrument"]
            .sudo()
            .browse({key[0] for key in labels})
        )
        better = {i.id: 1 if i.higher_is_better else -1 for i in instruments}
        changes = defaultdict(lambda: {"staff": [], "self": []})
        for (key, _employee, rater), values in series.items():
            if len(values) >= 2:
                changes[key][rater].append(values[-1][1] - values[0][1])
        rows = []
        for key in sorted(changes, key=lambda k: labels[k]):
            staff, own = changes[key]["staff"], changes[key]["self"]
            rows.append(
                {
                    "label": labels[key],
                    "values": {
                        "people": len(staff),
                        "staff_change": round(sum(staff) / len(staff), 2)
                        if staff
                        else impact.NOT_APPLICABLE,
                        "self_change": round(sum(own) / len(own), 2)
                        if len(own) >= impact.THRESHOLD
                        else (None if own else impact.NOT_APPLICABLE),
                        "improved": impact.share(
                            len([c for c in staff if c * better[key[0]] > 0]),
                            len(staff),
                        ),
                    },
                    "n": len(staff),
                }
            )
        if not rows:
            return None
        return {
            "key": "progression",
            "title": self.env._("Progression per dimension"),
            "columns": [
                self._column("people", self.env._("People")),
                self._column(
                    "staff_change", self.env._("Mean change, staff score"), "number"
                ),
                self._column(
                    "self_change", self.env._("Mean change, own score"), "number"
                ),
                self._column(
                    "improved", self.env._("Improved, staff score (%)"), "percent"
                ),
            ],
            "rows": rows,
            "total": None,
            "note": self.env._(
                "Change between each person's first and last score in the period; "
                "staff and own scores are kept apart, never merged."
            ),
        }

    @api.model
    def _table_distance(self, ctx):
        """Distance travelled per life area (assessment dimension): the mean first
        and latest score of staff and of the person, side by side, for the same
        people: those scored at least twice by both, the latest score in the period.
        The first score is the earliest on record (the baseline at intake), so the
        distance is the whole way so far, not only the period's part of it."""
        series, labels = self._get_score_series(ctx)

        def way(key, employee, rater):
            values = series.get((key, employee, rater), [])
            if len(values) < 2 or values[-1][0] < ctx["date_from"]:
                return None
            return values[0][1], values[-1][1]

        rows = []
        for key in sorted(labels, key=labels.get):
            people = {e for (k, e, _rater) in series if k == key}
            pairs = {
                e: (way(key, e, "staff"), way(key, e, "self"))
                for e in people
                if way(key, e, "staff") and way(key, e, "self")
            }
            if not pairs:
                continue
            values = {"people": len(pairs)}
            for index, rater in enumerate(("staff", "own")):
                first = [p[index][0] for p in pairs.values()]
                last = [p[index][1] for p in pairs.values()]
                values[f"{rater}_first"] = round(sum(first) / len(first), 1)
                values[f"{rater}_last"] = round(sum(last) / len(last), 1)
                values[f"{rater}_distance"] = round(
                    (sum(last) - sum(first)) / len(first), 1
                )
            rows.append({"label": labels[key], "values": values, "n": len(pairs)})
        if not rows:
            return None
        return {
            "key": "distance",
            "title": self.env._("Distance travelled per life area"),
            "columns": [
                self._column("people", self.env._("People")),
                self._column("staff_first", self.env._("Staff: first score"), "number"),
                self._column("staff_last", self.env._("Staff: latest score"), "number"),
                self._column("staff_distance", self.env._("Staff: distance"), "number"),
                self._column("own_first", self.env._("Own: first score"), "number"),
                self._column("own_last", self.env._("Own: latest score"), "number"),
                self._column("own_distance", self.env._("Own: distance"), "number"),
            ],
            "rows": rows,
            "total": None,
            "note": self.env._(
                "Mean scores of the people scored at least twice both by staff and "
                "by themselves, from their first score on record to their latest in "
                "the period. On scales where a higher score means more difficulty "
                "(such as VUM) a step forward lowers the score."
            ),
        }
