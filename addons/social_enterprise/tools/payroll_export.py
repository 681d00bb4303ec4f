"""Pay-basis export (løngrundlag) for payroll systems: plain Python, no ORM.

A pay basis is a list of :class:`PayLine`: the company's CVR, the employee's number in
the payroll system, the pay type (løntype) of that system, and units, rate and/or
amount. A *writer* turns the list into the bytes of one file format; writers are kept
in a registry, so another payroll system is one small class away::

    @register("dataloen", "Dataløn")
    class DataloenWriter(Writer):
        extension = "csv"
        def render(self, lines): ...

Danløn (whose file Salary also reads) takes semicolon-separated lines
``CVR;employee number;pay type;units;rate;amount`` with units, rates and amounts in
hundredths; empty trailing fields are left out. 25 hours at 200 kr:

>>> from decimal import Decimal
>>> line = PayLine("12345678", "100", "1", Decimal("25"), Decimal("200"), None)
>>> get_writer("danlon").render([line])
b'12345678;100;1;2500;20000\\r\\n'
>>> read_danlon(b'12345678;100;1;2500;20000\\r\\n') == [line]
True

An amount without units (a transport reimbursement of 768.00 kr):

>>> get_writer("danlon").render([PayLine("12345678", "7", "41", None, None, 768)])
b'12345678;7;41;;;76800\\r\\n'
"""

import csv
import io
from collections import namedtuple
from decimal import ROUND_HALF_UP, Decimal

PayLine = namedtuple("PayLine", "cvr employee pay_type units rate amount")
PayLine.__doc__ = "One line of a pay basis; units, rate and amount are numbers or None."

WRITERS = {}
HEADER = ("CVR", "Employee number", "Pay type", "Units", "Rate", "Amount")


def register(code, label):
    """Class decorator: make a writer available under ``code``."""

    def decorate(cls):
        cls.code, cls.label = code, label
        WRITERS[code] = cls
        return cls

    return decorate


def get_writer(code):
    """The writer registered under ``code`` (``KeyError`` if none)."""
    return WRITERS[code]()


def formats():
    """(code, label) of every registered format, for a selection field."""
    return [(code, cls.label) for code, cls in WRITERS.items()]


def hundredths(value):
    """A number as an integer count of hundredths, rounded half-up.

    >>> hundredths(25), hundredths(Decimal("24.005")), hundredths(None)
    (2500, 2401, '')
    """
    if value is None:
        return ""
    quantum = Decimal(str(value)) * 100
    return int(quantum.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _number(value):
    return "" if value is None else str(Decimal(str(value)).quantize(Decimal("0.01")))


class Writer:
    """One file format. ``render(lines)`` returns the file's bytes."""

    code = label = None
    extension = "txt"
    mimetype = "text/plain"

    def render(self, lines):
        raise NotImplementedError


@register("danlon", "Danløn")
class DanlonWriter(Writer):
    extension = "txt"

    def _cells(self, line):
        cells = [
            line.cvr,
            line.employee,
            line.pay_type,
            hundredths(line.units),
            hundredths(line.rate),
            hundredths(line.amount),
        ]
        while cells and cells[-1] == "":
            cells.pop()
        return [str(c) for c in cells]

    def render(self, lines):
        return "".join(";".join(self._cells(line)) + "\r\n" for line in lines).encode(
            "utf-8"
        )


@register("salary", "Salary (Danløn format)")
class SalaryWriter(DanlonWriter):
    """Salary reads Danløn's file as it is."""


@register("csv", "Plain CSV")
class CsvWriter(Writer):
    """A header and one row a line, numbers in kr and hours with a decimal point.

    >>> print(get_writer("csv").render([PayLine("1", "2", "3", 1.5, 24, 36)]).decode())
    CVR,Employee number,Pay type,Units,Rate,Amount
    1,2,3,1.50,24.00,36.00
    <BLANKLINE>
    """

    extension = "csv"
    mimetype = "text/csv"

    def render(self, lines):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        for line in lines:
            writer.writerow(
                [
                    line.cvr,
                    line.employee,
                    line.pay_type,
                    _number(line.units),
                    _number(line.rate),
                    _number(line.amount),
                ]
            )
        return out.getvalue().encode("utf-8")


@register("xlsx", "Excel (xlsx)")
class XlsxWriter(Writer):
    """One sheet, a header row and one row a line, numbers as numbers."""

    extension = "xlsx"
    mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def render(self, lines):
        import xlsxwriter

        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {"in_memory": True})
        sheet = book.add_worksheet("Pay basis")
        bold = book.add_format({"bold": True})
        money = book.add_format({"num_format": "0.00"})
        sheet.write_row(0, 0, HEADER, bold)
        for row, line in enumerate(lines, start=1):
            sheet.write_string(row, 0, line.cvr)
            sheet.write_string(row, 1, line.employee)
            sheet.write_string(row, 2, line.pay_type)
            for col, value in ((3, line.units), (4, line.rate), (5, line.amount)):
                if value is not None:
                    sheet.write_number(row, col, float(value), money)
        sheet.set_column(0, 2, 16)
        sheet.set_column(3, 5, 12)
        book.close()
        return out.getvalue()


def read_danlon(content):
    """Read a Danløn pay-basis file back into :class:`PayLine` (numbers as Decimal).

    >>> read_danlon(b'12345678;7;41;;;76800')
    [PayLine(cvr='12345678', employee='7', pay_type='41', units=None, rate=None, amount=Decimal('768'))]
    """  # noqa: E501
    lines = []
    for number, raw in enumerate(content.decode("utf-8-sig").splitlines(), start=1):
        if not raw.strip():
            continue
        cells = raw.split(";")
        if not 3 <= len(cells) <= 6:
            raise ValueError(f"line {number}: expected 3 to 6 fields, got {len(cells)}")
        cells += [""] * (6 - len(cells))
        values = [
            (Decimal(int(c)) / 100).normalize() if c.strip() else None
            for c in cells[3:]
        ]
        lines.append(PayLine(cells[0], cells[1], cells[2], *values))
    return lines
