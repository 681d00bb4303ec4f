"""One set of workbook options and cell formats for every xlsx report, no ORM.

The renderers (``impact_xlsx``, ``financial_xlsx``, ``rsv_xlsx``) write into a
workbook they are given: in Odoo that is the one OCA ``report_xlsx`` opens with
``workbook_options()`` (see ``report/social_report_xlsx.py``); outside Odoo,
``render(write, ...)`` opens one in memory and returns the file's bytes.

Every workbook is opened so that no text ever becomes a formula, a link or a
number (``strings_to_*`` off: a scheme named ``=HYPERLINK(...)`` stays text), and
dates show dd-mm-yyyy. ``add_formats(workbook)`` gives the same named formats to
every report, so the three reports look alike and a change of style is made once:

>>> import io, xlsxwriter
>>> book = xlsxwriter.Workbook(io.BytesIO(), workbook_options())
>>> formats = add_formats(book)
>>> sorted(formats) == sorted(FORMATS)
True
>>> formats["money"].num_format
'#,##0.00'
>>> workbook_options(constant_memory=True)["strings_to_formulas"]
False
>>> as_datetime(__import__("datetime").date(2026, 3, 1))
datetime.datetime(2026, 3, 1, 0, 0)
>>> book.close()
"""

import io
from datetime import datetime

import xlsxwriter

DATE = "dd-mm-yyyy"
MONTH = "mm-yyyy"
MONEY = "#,##0.00"
DECIMAL = "#,##0.0"

WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": DATE,
}

FORMATS = {
    "bold": {"bold": True},
    "title": {"bold": True, "font_size": 14},
    "header": {"bold": True, "bottom": 1, "text_wrap": True},
    "month_header": {"bold": True, "bottom": 1, "num_format": MONTH},
    "date": {"num_format": DATE},
    "muted": {"italic": True, "font_color": "#666666"},
    "right": {"align": "right"},
    "wrap": {"text_wrap": True, "valign": "top"},
    "count": {"num_format": "0"},
    "decimal": {"num_format": DECIMAL},
    "decimal_bold": {"num_format": DECIMAL, "bold": True},
    "percent": {"num_format": "0.0"},
    "percent_2": {"num_format": "0.00"},
    "money": {"num_format": MONEY},
    "money_total": {"num_format": MONEY, "bold": True, "top": 1},
}


def workbook_options(**extra):
    """The options every report workbook is opened with, plus ``extra`` ones."""
    return dict(WORKBOOK_OPTIONS, **extra)


def add_formats(workbook):
    """The named cell formats of ``FORMATS``, added to ``workbook`` once."""
    return {name: workbook.add_format(props) for name, props in FORMATS.items()}


def as_datetime(value):
    """A date as the midnight datetime xlsxwriter writes as a date cell."""
    if isinstance(value, datetime):
        return value
    return datetime(value.year, value.month, value.day)


def render(write, *args, **options):
    """Bytes of an xlsx file written by ``write(workbook, *args)`` into a workbook
    opened in memory with ``workbook_options(**options)``."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, workbook_options(**options))
    write(workbook, *args)
    workbook.close()
    return output.getvalue()
