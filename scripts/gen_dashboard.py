"""Write the manager's spreadsheet dashboard (social_enterprise_dashboard).

The dashboard is a spreadsheet file, which is hard to review as JSON; this script is
its readable source. Each block is a heading that opens the records behind it (a
markdown link to a view) above a pivot (``=PIVOT(n)``) whose cells open their records
too. Run it after changing a block, then `make pot` for the Danish headings:

    .venv/bin/python scripts/gen_dashboard.py
"""

import json
import pathlib

OUT = (
    pathlib.Path(__file__).resolve().parent.parent
    / "addons/social_enterprise_dashboard/data/files/manager_dashboard.json"
)

THIS_MONTH = [["date", ">=", "today =1d"], ["date", "<", "today =1d +1m"]]
LAST_MONTH = [["period_start", "=", "today =1d -1m"]]
THIS_WEEK = [["date", ">=", "today =monday"], ["date", "<", "today =monday +1w"]]

# (title, model, domain, rows, columns, measures, view type of the heading's link)
BLOCKS = [
    (
        "Placements by scheme and status",
        "social.placement",
        [["state", "in", ["draft", "active"]]],
        ["scheme_id"],
        ["state"],
        ["__count"],
        "pivot",
    ),
    (
        "Billing of last month, by municipality",
        "social.billing.line",
        LAST_MONTH,
        ["municipality_id"],
        ["state"],
        ["amount"],
        "list",
    ),
    (
        "Subsidy claims of last month",
        "social.subsidy.claim",
        LAST_MONTH,
        ["municipality_id"],
        ["state"],
        ["amount_expected"],
        "list",
    ),
    (
        "Follow-ups due within 14 days",
        "mail.activity",
        [
            ["res_model", "=", "social.placement"],
            ["date_deadline", "<=", "today +14d"],
        ],
        ["activity_type_id"],
        ["user_id"],
        ["__count"],
        "list",
    ),
    (
        # The allowed number is computed per unit by the rule (not a stored column a
        # pivot can sum): the heading opens the ratio list, which flags the units
        # over the limit.
        "Ratio rule: ordinary staff and subsidised people per unit",
        "social.ratio.report",
        [],
        ["work_address_id"],
        [],
        ["ordinary_count", "used_count"],
        "list",
    ),
    (
        "Hours this week: planned and attended",
        "social.placement.hours.report",
        THIS_WEEK,
        ["scheme_id"],
        [],
        ["planned_hours", "attended_hours"],
        "pivot",
    ),
]

ROWS_PER_BLOCK = 14


def _link(title, model, domain, rows, view_type):
    action = {
        "viewType": view_type,
        "action": {
            "domain": domain,
            "context": {"group_by": rows},
            "modelName": model,
            "views": [[False, view_type], [False, "list"], [False, "form"]]
            if view_type != "list"
            else [[False, "list"], [False, "form"]],
        },
        "threshold": 0,
        "name": title,
    }
    return f"[{title}](odoo://view/{json.dumps(action, separators=(',', ':'))})"


def build():
    cells, styles, pivots = {}, {}, {}
    cells["A1"] = '=_t("Social enterprise overview")'
    styles["A1"] = 1
    for index, (title, model, domain, rows, cols, measures, view) in enumerate(
        BLOCKS, start=1
    ):
        top = 3 + (index - 1) * ROWS_PER_BLOCK
        cells[f"A{top}"] = _link(title, model, domain, rows, view)
        styles[f"A{top}"] = 2
        cells[f"A{top + 1}"] = f"=PIVOT({index}, {ROWS_PER_BLOCK - 3})"
        pivots[str(index)] = {
            "type": "ODOO",
            "id": str(index),
            "formulaId": str(index),
            "name": title,
            "model": model,
            "domain": domain,
            "context": {},
            "measures": [{"id": m, "fieldName": m} for m in measures],
            "rows": [{"fieldName": r} for r in rows],
            "columns": [{"fieldName": c} for c in cols],
            "sortedColumn": None,
            "fieldMatching": {},
        }
    sheet = {
        "id": "sheet1",
        "name": "Dashboard",
        "colNumber": 8,
        "rowNumber": 3 + len(BLOCKS) * ROWS_PER_BLOCK,
        "rows": {},
        "cols": {"0": {"size": 300}},
        "merges": [],
        "cells": cells,
        "styles": styles,
        "formats": {},
        "borders": {},
        "conditionalFormats": [],
        "dataValidationRules": [],
        "figures": [],
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "comments": {},
    }
    return {
        "version": "18.4.14",
        "sheets": [sheet],
        "styles": {
            "1": {"textColor": "#01666b", "fontSize": 16, "bold": True},
            "2": {"textColor": "#01666b", "fontSize": 12, "bold": True},
        },
        "formats": {},
        "borders": {},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {
            "locale": {
                "name": "English (US)",
                "code": "en_US",
                "thousandsSeparator": ",",
                "decimalSeparator": ".",
                "dateFormat": "mm/dd/yyyy",
                "timeFormat": "hh:mm:ss",
                "formulaArgSeparator": ",",
                "weekStart": 7,
            }
        },
        "pivots": pivots,
        "pivotNextId": len(BLOCKS) + 1,
        "customTableStyles": {},
        "globalFilters": [],
        "lists": {},
        "listNextId": 1,
        "chartOdooMenusReferences": {},
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")
