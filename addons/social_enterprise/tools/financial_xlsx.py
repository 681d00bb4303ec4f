"""Render a financial statement dict (see financial.py) to xlsx, no ORM.

Totals are real formulas (``=SUM(...)``) over the cells above them, written with their
computed value as the cached result, so the file shows the right figures before any
recalculation and recomputes when an accountant edits a cell. Text is never written as
a formula (``strings_to_formulas`` is off and every label goes through ``safe_text``).
The workbook is written in ``constant_memory`` mode, row by row (each row goes to a
temporary file as it is done): its memory does not grow with the number of rows.
"""

from xlsxwriter.utility import xl_range, xl_rowcol_to_cell

from . import xlsx_style
from .impact import safe_text

WORKBOOK_OPTIONS = {"constant_memory": True}
"""Extra options of this report's workbook (rows are written in order)."""

_as_datetime = xlsx_style.as_datetime


def render_xlsx(statement, labels):
    """Bytes of an xlsx file for ``statement`` (see ``write_workbook``)."""
    return xlsx_style.render(write_workbook, statement, labels, **WORKBOOK_OPTIONS)


def write_workbook(workbook, statement, labels):
    """Write ``statement`` as one sheet of ``workbook``. ``labels`` holds the
    translated captions ``sheet``, ``company``, ``period``, ``generated``,
    ``currency``, ``line``, ``total``, ``notes``, ``target_group``, ``employees``,
    ``share``, ``reserved_test``, ``production_hours`` and ``hours``."""
    formats = xlsx_style.add_formats(workbook)
    bold, title, header = formats["bold"], formats["title"], formats["header"]
    month_header, date_format = formats["month_header"], formats["date"]
    money, money_bold = formats["money"], formats["money_total"]
    number, number_bold = formats["decimal"], formats["decimal_bold"]
    sheet = workbook.add_worksheet(safe_text(labels["sheet"])[:31])
    months = statement["months"]
    width = len(months)
    total_col = width + 1
    sheet.set_column(0, 0, 46)
    sheet.set_column(1, total_col, 14)

    row = 0
    sheet.write_string(row, 0, safe_text(statement["title"]), title)
    row += 1
    sheet.write_string(row, 0, safe_text(labels["company"]), bold)
    sheet.write_string(row, 1, safe_text(statement["company"]))
    row += 1
    sheet.write_string(row, 0, safe_text(labels["period"]), bold)
    sheet.write_datetime(row, 1, _as_datetime(statement["date_from"]), date_format)
    sheet.write_datetime(row, 2, _as_datetime(statement["date_to"]), date_format)
    row += 1
    sheet.write_string(row, 0, safe_text(labels["generated"]), bold)
    sheet.write_datetime(row, 1, _as_datetime(statement["generated"]), date_format)
    row += 1
    sheet.write_string(row, 0, safe_text(labels["currency"]), bold)
    sheet.write_string(row, 1, safe_text(statement["currency"]))
    row += 1

    total_rows = {}
    for section in statement["sections"]:
        row += 1
        sheet.write_string(row, 0, safe_text(section["title"]), bold)
        row += 1
        sheet.write_string(row, 0, safe_text(labels["line"]), header)
        for col, month in enumerate(months, 1):
            sheet.write_datetime(row, col, _as_datetime(month), month_header)
        sheet.write_string(row, total_col, safe_text(labels["total"]), header)
        row += 1
        first = row
        for line in section["rows"]:
            sheet.write_string(row, 0, safe_text(line["label"]))
            for col, value in enumerate(line["values"], 1):
                sheet.write_number(row, col, round(value or 0.0, 2), money)
            _sum(
                sheet,
                row,
                total_col,
                xl_range(row, 1, row, width),
                sum(line["values"]),
                money,
            )
            row += 1
        last = row - 1
        sheet.write_string(row, 0, safe_text(section["total_label"]), bold)
        totals = [0.0] * (width + 1)
        for line in section["rows"]:
            for i, value in enumerate(line["values"]):
                totals[i] += value or 0.0
            totals[width] += sum(line["values"])
        for col in range(1, total_col + 1):
            if section["rows"]:
                _sum(
                    sheet,
                    row,
                    col,
                    xl_range(first, col, last, col),
                    totals[col - 1],
                    money_bold,
                )
            else:
                sheet.write_number(row, col, 0, money_bold)
        total_rows[section["key"]] = (row, totals)
        row += 1

    result = statement.get("result")
    if result:
        row += 1
        plus, minus = result["sections"]
        sheet.write_string(row, 0, safe_text(result["label"]), bold)
        for col in range(1, total_col + 1):
            a_row, a_totals = total_rows[plus]
            b_row, b_totals = total_rows[minus]
            sheet.write_formula(
                row,
                col,
                f"={xl_rowcol_to_cell(a_row, col)}-{xl_rowcol_to_cell(b_row, col)}",
                money_bold,
                round(a_totals[col - 1] - b_totals[col - 1], 2),
            )
        row += 1

    notes = statement.get("notes")
    if notes:
        row += 1
        sheet.write_string(row, 0, safe_text(labels["notes"]), bold)
        row += 1
        sheet.write_string(row, 0, safe_text(labels["target_group"]))
        sheet.write_number(row, 1, notes["target_group"])
        target_cell = xl_rowcol_to_cell(row, 1)
        row += 1
        sheet.write_string(row, 0, safe_text(labels["employees"]))
        sheet.write_number(row, 1, notes["employees"])
        employees_cell = xl_rowcol_to_cell(row, 1)
        row += 1
        sheet.write_string(row, 0, safe_text(labels["share"]))
        sheet.write_formula(
            row,
            1,
            f'=IF({employees_cell}>0,ROUND(100*{target_cell}/{employees_cell},1),"")',
            number,
            notes["share"] if notes["share"] is not None else "",
        )
        row += 1
        sheet.write_string(row, 0, safe_text(labels["reserved_test"]))
        sheet.write_string(row, 1, safe_text(notes["reserved_label"]))
        row += 2
        sheet.write_string(row, 0, safe_text(labels["production_hours"]), header)
        sheet.write_string(row, 1, safe_text(labels["hours"]), header)
        row += 1
        first = row
        for line in notes["production_hours"]:
            sheet.write_string(row, 0, safe_text(line["label"]))
            sheet.write_number(row, 1, line["value"], number)
            row += 1
        sheet.write_string(row, 0, safe_text(labels["total"]), bold)
        hours = round(sum(line["value"] for line in notes["production_hours"]), 1)
        if notes["production_hours"]:
            _sum(sheet, row, 1, xl_range(first, 1, row - 1, 1), hours, number_bold)
        else:
            sheet.write_number(row, 1, 0, number_bold)


def _sum(sheet, row, col, cell_range, value, cell_format):
    sheet.write_formula(row, col, f"=SUM({cell_range})", cell_format, round(value, 2))
