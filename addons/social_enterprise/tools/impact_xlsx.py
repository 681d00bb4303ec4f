"""Render a social-impact report dict (see impact.py) to an xlsx workbook, no ORM.

The workbook holds one sheet with the report's header, each table one under the other,
and a chart of planned vs attended hours. Numbers stay numbers (the spreadsheet shows
them with the reader's decimal separator), dates are real dates shown dd-mm-yyyy,
suppressed cells hold the marker text, cells that do not apply hold ``–``, and no text
is ever written as a formula. The chart plots what is shown: only the lines whose
planned and attended hours are both shown.
"""

import io
from datetime import date, datetime

import xlsxwriter

from .impact import NOT_APPLICABLE, NOT_APPLICABLE_MARKER, SUPPRESSED, safe_text

CHART_COLUMN = 20  # first of the hidden columns holding the chart's data
NUMBER_FORMATS = {
    "count": "0",
    "hours": "#,##0.0",
    "days": "#,##0.0",
    "number": "#,##0.0",
    "percent": "0.0",
}


def render_xlsx(report, labels):
    """Bytes of an xlsx file for ``report``; ``labels`` holds the translated captions
    ``municipality``, ``period``, ``generated``, ``sheet`` and ``chart``."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_date_format": "dd-mm-yyyy",
        },
    )
    bold = workbook.add_format({"bold": True})
    title = workbook.add_format({"bold": True, "font_size": 14})
    header = workbook.add_format({"bold": True, "bottom": 1, "text_wrap": True})
    date_format = workbook.add_format({"num_format": "dd-mm-yyyy"})
    muted = workbook.add_format({"italic": True, "font_color": "#666666"})
    right = workbook.add_format({"align": "right"})
    number_formats = {
        k: workbook.add_format({"num_format": v}) for k, v in NUMBER_FORMATS.items()
    }
    sheet = workbook.add_worksheet(safe_text(labels["sheet"])[:31])
    sheet.set_column(0, 0, 38)
    sheet.set_column(1, 8, 16)

    row = 0
    sheet.write_string(row, 0, safe_text(report["title"]), title)
    row += 1
    sheet.write_string(row, 0, safe_text(labels["municipality"]), bold)
    sheet.write_string(row, 1, safe_text(report["municipality"]))
    row += 1
    sheet.write_string(row, 0, safe_text(labels["period"]), bold)
    sheet.write_datetime(row, 1, _as_datetime(report["date_from"]), date_format)
    sheet.write_datetime(row, 2, _as_datetime(report["date_to"]), date_format)
    row += 1
    sheet.write_string(row, 0, safe_text(labels["generated"]), bold)
    sheet.write_datetime(row, 1, _as_datetime(report["generated"]), date_format)
    row += 1
    for note in report.get("notes", []):
        sheet.write_string(row, 0, safe_text(note), muted)
        row += 1

    chart_source = None
    for table in report["tables"]:
        row += 1
        sheet.write_string(row, 0, safe_text(table["title"]), bold)
        row += 1
        sheet.write_string(row, 0, safe_text(table.get("label_title", "")), header)
        for col, column in enumerate(table["columns"], 1):
            sheet.write_string(row, col, safe_text(column["label"]), header)
        row += 1
        lines = list(table["rows"]) + ([table["total"]] if table.get("total") else [])
        for line in lines:
            sheet.write_string(
                row,
                0,
                safe_text(line["label"]),
                bold if line is table.get("total") else None,
            )
            for col, column in enumerate(table["columns"], 1):
                _write_cell(
                    sheet,
                    row,
                    col,
                    column,
                    line["values"],
                    number_formats,
                    date_format,
                    right,
                )
            row += 1
        if table["key"] == "attendance" and table["rows"]:
            keys = [c["key"] for c in table["columns"]]
            chart_source = (
                [
                    line
                    for line in table["rows"]
                    if all(
                        isinstance(line["values"].get(k), int | float)
                        for k in ("planned_hours", "attended_hours")
                    )
                ],
                {c["key"]: c["label"] for c in table["columns"]},
            )
        if table.get("note"):
            sheet.write_string(row, 0, safe_text(table["note"]), muted)
            row += 1

    if chart_source and chart_source[0]:
        # The chart's own data: only the lines shown with both figures, in hidden
        # columns, so a suppressed cell is never plotted as a zero.
        lines, captions = chart_source
        name = safe_text(labels["sheet"])[:31]
        chart = workbook.add_chart({"type": "column"})
        chart.show_hidden_data()
        sheet.set_column(CHART_COLUMN, CHART_COLUMN + 2, None, None, {"hidden": True})
        keys = ("planned_hours", "attended_hours")
        for offset, key in enumerate(keys, 1):
            sheet.write_string(0, CHART_COLUMN + offset, safe_text(captions[key]))
        for index, line in enumerate(lines, 1):
            sheet.write_string(index, CHART_COLUMN, safe_text(line["label"]))
            for offset, key in enumerate(keys, 1):
                sheet.write_number(index, CHART_COLUMN + offset, line["values"][key])
        for offset, _key in enumerate(keys, 1):
            col = CHART_COLUMN + offset
            chart.add_series(
                {
                    "name": [name, 0, col],
                    "categories": [name, 1, CHART_COLUMN, len(lines), CHART_COLUMN],
                    "values": [name, 1, col, len(lines), col],
                }
            )
        chart.set_title({"name": safe_text(labels["chart"])})
        chart.set_size({"width": 640, "height": 320})
        sheet.insert_chart(1, 5, chart)
    workbook.close()
    return output.getvalue()


def _as_datetime(value):
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


def _write_cell(sheet, row, col, column, values, number_formats, date_format, right):
    value = values.get(column["key"], "")
    kind = column.get("kind")
    if value is None:
        sheet.write_string(row, col, SUPPRESSED, right)
    elif value is NOT_APPLICABLE:
        sheet.write_string(row, col, NOT_APPLICABLE_MARKER, right)
    elif value == "" or value is False:
        sheet.write_blank(row, col, None)
    elif kind == "date" and isinstance(value, date):
        sheet.write_datetime(row, col, _as_datetime(value), date_format)
    elif kind in NUMBER_FORMATS and isinstance(value, int | float):
        sheet.write_number(row, col, value, number_formats[kind])
    else:
        sheet.write_string(row, col, safe_text(value))
