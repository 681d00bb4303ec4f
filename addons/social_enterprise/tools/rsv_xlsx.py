"""Render RSV annual notes (a dict from ``social.rsv.report._get_notes_data``) to
xlsx, no ORM. Totals are ``=SUM(...)`` formulas with their value cached, the return
on capital is a formula over the distribution and capital cells; no text is ever
written as a formula."""

from xlsxwriter.utility import xl_range, xl_rowcol_to_cell

from . import xlsx_style
from .impact import safe_text


def render_xlsx(notes, labels):
    """Bytes of the xlsx file of ``notes`` (see ``write_workbook``)."""
    return xlsx_style.render(write_workbook, notes, labels, in_memory=True)


def write_workbook(workbook, notes, labels):
    """Write ``notes`` as one sheet of ``workbook`` with the translated ``labels``."""
    formats = xlsx_style.add_formats(workbook)
    bold, title, header = formats["bold"], formats["title"], formats["header"]
    money, money_bold = formats["money"], formats["money_total"]
    percent, wrap = formats["percent_2"], formats["wrap"]
    sheet = workbook.add_worksheet(safe_text(labels["sheet"])[:31])
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 30)
    sheet.set_column(2, 4, 18)
    row = 0
    sheet.write_string(row, 0, safe_text(notes["title"]), title)
    row += 2

    def table(row, caption, columns, lines, amount_col):
        sheet.write_string(row, 0, safe_text(caption), bold)
        row += 1
        for col, key in enumerate(columns):
            sheet.write_string(row, col, safe_text(labels[key]), header)
        row += 1
        first = row
        for line in lines:
            for col, key in enumerate(columns):
                if key == "amount":
                    sheet.write_number(row, col, line["amount"] or 0.0, money)
                else:
                    sheet.write_string(row, col, safe_text(line.get(key, "")))
            row += 1
        sheet.write_string(row, 0, safe_text(labels["total"]), bold)
        total = round(sum(line["amount"] or 0.0 for line in lines), 2)
        if lines:
            sheet.write_formula(
                row,
                amount_col,
                f"=SUM({xl_range(first, amount_col, row - 1, amount_col)})",
                money_bold,
                total,
            )
        else:
            sheet.write_number(row, amount_col, 0, money_bold)
        return row + 2

    row = table(
        row,
        labels["remuneration"],
        ["body", "party", "amount"],
        [dict(line, body=line["label"]) for line in notes["remuneration"]],
        2,
    )
    row = table(
        row,
        labels["related_parties"],
        ["party", "nature", "amount", "terms"],
        notes["related_parties"],
        2,
    )
    dist = notes["distributions"]
    sheet.write_string(row, 0, safe_text(labels["distributions"]), bold)
    row += 1
    sheet.write_string(row, 0, safe_text(labels["dividends"]))
    sheet.write_number(row, 1, dist["dividends"] or 0.0, money)
    first = row
    row += 1
    sheet.write_string(row, 0, safe_text(labels["other"]))
    sheet.write_number(row, 1, dist["other"] or 0.0, money)
    row += 1
    sheet.write_string(row, 0, safe_text(labels["total"]), bold)
    total_cell = xl_rowcol_to_cell(row, 1)
    sheet.write_formula(
        row,
        1,
        f"=SUM({xl_range(first, 1, row - 1, 1)})",
        money_bold,
        round((dist["dividends"] or 0.0) + (dist["other"] or 0.0), 2),
    )
    row += 1
    sheet.write_string(row, 0, safe_text(labels["capital"]))
    sheet.write_number(row, 1, dist["capital"] or 0.0, money)
    capital_cell = xl_rowcol_to_cell(row, 1)
    row += 1
    sheet.write_string(row, 0, safe_text(labels["return"]))
    sheet.write_formula(
        row,
        1,
        f'=IF({capital_cell}>0,ROUND(100*{total_cell}/{capital_cell},2),"")',
        percent,
        dist["return"] if dist["return"] is not None else "",
    )
    row += 1
    if dist["cap"] is not None:
        sheet.write_string(row, 0, safe_text(labels["cap"]))
        sheet.write_number(row, 1, dist["cap"], percent)
        row += 1
    row += 1
    sheet.write_string(row, 0, safe_text(labels["statement"]), bold)
    row += 1
    for paragraph in (notes["statement"] or "").split("\n\n"):
        if paragraph.strip():
            sheet.write_string(row, 0, safe_text(paragraph.strip()), wrap)
            row += 1
