import copy
import doctest
import random

from odoo.tests.common import BaseCase, tagged

from ..tools import suppression
from .attack import attack, weak_cells


def random_table(rng):
    """A table like the report's: people, two counts and two hours columns, a rate."""
    columns = [
        {"key": "people", "kind": "count"},
        {"key": "started", "kind": "count"},
        {"key": "hours", "kind": "hours"},
        {"key": "planned", "kind": "hours"},
        {"key": "rate", "kind": "percent", "ratio": ("hours", "planned")},
    ]
    rows = []
    for i in range(rng.randint(1, 9)):
        people = rng.choice([1, 2, 3, 4, 5, 6, 8, 12, 20, 40])
        planned = round(people * rng.uniform(0, 300), 1)
        hours = round(planned * rng.uniform(0.3, 1.1), 1)
        rows.append(
            {
                "label": f"R{i}",
                "n": people,
                "values": {
                    "people": people,
                    "started": rng.randint(0, people),
                    "hours": hours,
                    "planned": planned,
                    "rate": suppression.NOT_APPLICABLE
                    if not planned
                    else round(100 * hours / planned, 1),
                },
            }
        )
    totals = {
        k: round(sum(r["values"][k] for r in rows), 1)
        for k in ("people", "started", "hours", "planned")
    }
    totals["rate"] = (
        round(100 * totals["hours"] / totals["planned"], 1) if totals["planned"] else 0
    )
    return {
        "key": "random",
        "columns": columns,
        "rows": rows,
        "total": {"label": "Total", "values": totals, "n": totals["people"]},
    }


@tagged("post_install", "-at_install")
class TestSuppression(BaseCase):
    """Suppression against an adversary who solves linear programs."""

    def test_doctests(self):
        result = doctest.testmod(suppression)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_issue_example_is_protected(self):
        # Aarhus as the issue found it: four schemes of 1, 1, 2 and 2 people, total 6.
        # The old rule hid the four and showed 6; 6 - 0 is still 6 people hidden, the
        # four lie in [0, 6] each, wider than 5, so the total may stay.
        table = {
            "columns": [{"key": "active", "kind": "count"}],
            "rows": [
                {"label": s, "values": {"active": v}, "n": v}
                for s, v in (("a", 1), ("b", 1), ("c", 2), ("d", 2))
            ],
            "total": {"label": "T", "values": {"active": 6}, "n": 6},
        }
        shown = suppression.suppress_tables([copy.deepcopy(table)])
        bounds = {(r[1], r[4], r[5]) for r in attack([table], shown)}
        self.assertEqual(bounds, {(i, 0.0, 6.0) for i in range(4)})

    def test_small_and_large_hours_need_a_complement(self):
        # The issue's case: a scheme of 3 people and one of 12; the small scheme's
        # hours were total minus the other. 3 people and 240 h, 12 people and 900 h:
        # the 12 are hidden too, and 240 h then lie in [0, 1140].
        table = {
            "columns": [
                {"key": "people", "kind": "count"},
                {"key": "hours", "kind": "hours"},
            ],
            "rows": [
                {"label": "small", "values": {"people": 3, "hours": 240.0}, "n": 3},
                {"label": "large", "values": {"people": 12, "hours": 900.0}, "n": 12},
            ],
            "total": {"label": "T", "values": {"people": 15, "hours": 1140.0}, "n": 15},
        }
        shown = suppression.suppress_tables([copy.deepcopy(table)])
        self.assertEqual(
            [r["values"] for r in shown[0]["rows"]],
            [{"people": None, "hours": None}, {"people": None, "hours": None}],
        )
        self.assertEqual(shown[0]["total"]["values"], {"people": 15, "hours": 1140.0})
        self.assertFalse(weak_cells([table], shown))

    def test_totals_last(self):
        # One row only: no other cell can protect it, so the total goes.
        table = {
            "columns": [{"key": "people", "kind": "count"}],
            "rows": [{"label": "a", "values": {"people": 3}, "n": 3}],
            "total": {"label": "T", "values": {"people": 3}, "n": 3},
        }
        shown = suppression.suppress_tables([table])
        self.assertIsNone(shown[0]["total"]["values"]["people"])

    def test_linked_cells_hidden_everywhere(self):
        # The same people per scheme in two tables: hidden in one, hidden in both.
        def table(key, small_total):
            return {
                "columns": [{"key": "people", "kind": "count", "link": "people"}]
                + ([{"key": key, "kind": "hours"}] if key else []),
                "rows": [
                    {
                        "label": "a",
                        "key": 1,
                        "values": {"people": 6, key: 10.0},
                        "n": 6,
                    },
                    {
                        "label": "b",
                        "key": 2,
                        "values": {"people": 7, key: 900.0},
                        "n": 7,
                    },
                    {
                        "label": "c",
                        "key": 3,
                        "values": {"people": 9, key: 20.0},
                        "n": 9,
                    },
                ],
                "total": {
                    "label": "T",
                    "values": {"people": 22, key: small_total},
                    "n": 22,
                },
            }

        first = table("hours", 930.0)
        first["rows"][0]["values"]["people"] = 2
        first["rows"][0]["n"] = 2
        first["total"]["values"]["people"] = 18
        second = table("days", 930.0)
        second["rows"][0]["values"]["people"] = 2
        second["rows"][0]["n"] = 2
        second["total"]["values"]["people"] = 18
        original = copy.deepcopy([first, second])
        shown = suppression.suppress_tables([first, second])
        self.assertEqual(
            [r["values"]["people"] for r in shown[0]["rows"]],
            [r["values"]["people"] for r in shown[1]["rows"]],
        )
        self.assertFalse(weak_cells(original, shown))

    def test_a_total_with_its_own_key_repeats_no_other_total(self):
        # One table per scheme beside a report table, all with a linked hours
        # column: the small scheme's total is hidden (its only line rests on 2
        # people), which hid every total of the report while totals shared one
        # identity; a total with a key of its own hides only itself.
        def scheme(key, hours, n):
            line = {"label": "x", "values": {"hours": hours}, "n": n}
            return {
                "columns": [{"key": "hours", "kind": "hours", "link": "hours"}],
                "rows": [line],
                "total": dict(line, label="T", key=("scheme_total", key)),
            }

        report = {
            "columns": [{"key": "hours", "kind": "hours", "link": "hours"}],
            "rows": [
                {"label": "small", "values": {"hours": 50.0}, "n": 6},
                {"label": "large", "values": {"hours": 900.0}, "n": 9},
            ],
            "total": {"label": "T", "values": {"hours": 950.0}, "n": 15},
        }
        tables = [report, scheme("small", 30.0, 2), scheme("large", 40.0, 9)]
        original = copy.deepcopy(tables)
        shown = suppression.suppress_tables(tables)
        self.assertIsNone(shown[1]["total"]["values"]["hours"])
        self.assertEqual(shown[2]["total"]["values"]["hours"], 40.0)
        self.assertEqual(shown[0]["total"]["values"]["hours"], 950.0)
        self.assertFalse(weak_cells(original, shown))
        # Without their own keys (none, or an empty one), the totals are one
        # cell: all hidden.
        original[1]["total"]["key"] = None
        del original[2]["total"]["key"]
        shown = suppression.suppress_tables(original)
        self.assertIsNone(shown[0]["total"]["values"]["hours"])

    def test_not_applicable_is_not_suppressed(self):
        table = {
            "columns": [{"key": "share", "kind": "percent"}],
            "rows": [
                {"label": "a", "values": {"share": suppression.NOT_APPLICABLE}, "n": 9}
            ],
            "total": None,
        }
        shown = suppression.suppress_tables([table])
        self.assertIs(
            shown[0]["rows"][0]["values"]["share"], suppression.NOT_APPLICABLE
        )

    def test_200_random_tables_resist_the_attack(self):
        rng = random.Random(20261201)
        hidden = 0
        for _i in range(200):
            table = random_table(rng)
            original = copy.deepcopy(table)
            shown = suppression.suppress_tables([table])
            for row, before in zip(shown[0]["rows"], original["rows"], strict=True):
                for key, value in row["values"].items():
                    if value is not None:
                        self.assertEqual(value, before["values"][key], "shown as is")
            hidden += sum(
                1 for r in shown[0]["rows"] for v in r["values"].values() if v is None
            )
            self.assertEqual(weak_cells([original], shown), [], original)
        self.assertGreater(hidden, 200, "the tables had something to hide")

    def test_the_attack_finds_what_primary_suppression_leaves(self):
        # Hiding only the small scheme's cells: its 240 hours are 1140 - 900 exactly.
        table = {
            "columns": [{"key": "hours", "kind": "hours"}],
            "rows": [
                {"label": "small", "values": {"hours": 240.0}, "n": 3},
                {"label": "large", "values": {"hours": 900.0}, "n": 12},
            ],
            "total": {"label": "T", "values": {"hours": 1140.0}, "n": 15},
        }
        shown = copy.deepcopy(table)
        shown["rows"][0]["values"]["hours"] = None
        # Within the rounding slack of the three shown figures (0.05 h each).
        self.assertEqual(
            weak_cells([table], [shown]), [(0, 0, "hours", 240.0, 239.85, 240.15)]
        )
