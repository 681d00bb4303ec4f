"""Render a social-impact report dict (see impact.py) to an xlsx workbook, no ORM.

The workbook holds one sheet with the report's header, each table one under the other,
and a chart of planned vs attended hours. Numbers stay numbers (the spreadsheet shows
them with the reader's decimal separator), dates are real dates shown dd-mm-yyyy,
suppressed cells hold the marker text, cells that do not apply hold ``–``, and no text
is ever written as a formula. The chart plots what is shown: only the lines whose
planned and attended hours are both shown.
"""

from datetime import date

from . import xlsx_style
from .impact import NOT_APPLICABLE, NOT_APPLICABLE_MARKER, SUPPRESSED, safe_text

CHART_COLUMN = 20  # first of the hidden columns holding the chart's data
NUMBER_FORMATS = {
    "count": "count",
    "hours": "decimal",
    "days": "decimal",
    "number": "decimal",
    "percent": "percent",
}


def render_xlsx(report, labels):
    """Bytes of an xlsx file for ``report`` (see ``write_workbook``)."""
    return xlsx_style.render(write_workbook, report, labels, in_memory=True)


def write_workbook(workbook, report, labels):
    """Write ``report`` as one sheet of ``workbook``; ``labels`` holds the translated
    captions ``municipality``, ``period``, ``generated``, ``sheet`` and ``chart``."""
    formats = xlsx_style.add_formats(workbook)
    bold, header, date_format = formats["bold"], formats["header"], formats["date"]
    sheet = workbook.add_worksheet(safe_text(labels["sheet"])[:31])
    sheet.set_column(0, 0, 38)
    sheet.set_column(1, 8, 16)

    row = 0
    sheet.write_string(row, 0, safe_text(report["title"]), formats["title"])
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
        sheet.write_string(row, 0, safe_text(note), formats["muted"])
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
                _write_cell(sheet, row, col, column, line["values"], formats)
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
            sheet.write_string(row, 0, safe_text(table["note"]), formats["muted"])
            row += 1

    if chart_source and chart_source[0]:
        # The chart's own data: only the lines shown with both figures, in hidden
        # columns, so a suppressed cell is never plotted as a zero.
        lines, captions = chart_source
        chart = workbook.add_chart({"type": "column"})
        name = sheet.name
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


_as_datetime = xlsx_style.as_datetime


def _write_cell(sheet, row, col, column, values, formats):
    value = values.get(column["key"], "")
    kind = column.get("kind")
    if value is None:
        sheet.write_string(row, col, SUPPRESSED, formats["right"])
    elif value is NOT_APPLICABLE:
        sheet.write_string(row, col, NOT_APPLICABLE_MARKER, formats["right"])
    elif value == "" or value is False:
        sheet.write_blank(row, col, None)
    elif kind == "date" and isinstance(value, date):
        sheet.write_datetime(row, col, _as_datetime(value), formats["date"])
    elif kind in NUMBER_FORMATS and isinstance(value, int | float):
        sheet.write_number(row, col, value, formats[NUMBER_FORMATS[kind]])
    else:
        sheet.write_string(row, col, safe_text(value))
