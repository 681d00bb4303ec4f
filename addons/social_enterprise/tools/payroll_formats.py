"""Payroll files: readers (and later writers) for the formats Danish payroll systems
use, behind one small registry.

A *reader* turns the text of a pay-run file into plain :class:`PayrollLine` rows, or
raises :class:`PayrollFormatError` naming the line and the field that is wrong. It
knows nothing about Odoo: which pay type feeds which wage-basis field is data
(``social.payroll.import.type``), and matching employee numbers is the wizard's job.

Danløn's pay-basis format, which Salary also reads, is one semicolon-separated line per
pay item: ``CVR;employee number;pay type;units;rate;amount``, units and money in
hundredths, the trailing fields optional. 25 hours at 200 kr:

>>> lines = read("danloen", "12345678;100;1;2500;20000\\n")
>>> lines[0].employee_number, lines[0].pay_type, lines[0].units, lines[0].rate
('100', '1', 25.0, 200.0)
>>> lines[0].amount                # units × rate when the amount is left out
5000.0

A wrong line refuses the whole file and says where:

>>> try:
...     read("danloen", "12345678;100;1;2500\\n12345678;101;1;25,00\\n")
... except PayrollFormatError as error:
...     print(error.line, error.field, error.message)
2 units '25,00' is not a whole number of hundredths

Adding Dataløn, Salary or Zenegy is one class: subclass :class:`PayrollReader`, set
``code`` and ``label``, implement ``parse_line`` and decorate it with
``@register``. Writers for the pay-basis export can sit next to the readers.
"""

import csv
import io
from dataclasses import dataclass

READERS = {}


class PayrollFormatError(ValueError):
    """A payroll file that cannot be read; ``line`` (from 1) and ``field`` say where."""

    def __init__(self, line, field, message):
        self.line = line
        self.field = field
        self.message = message
        super().__init__(f"line {line}, {field}: {message}")


@dataclass(frozen=True)
class PayrollLine:
    """One pay item of one employee: the number of units, the rate and the amount."""

    line: int
    cvr: str
    employee_number: str
    pay_type: str
    units: float
    rate: float
    amount: float


def register(cls):
    """Class decorator: make a reader available under its ``code``."""
    READERS[cls.code] = cls
    return cls


def selection():
    """[(code, label)] of the registered readers, for a selection field."""
    return [(code, cls.label) for code, cls in sorted(READERS.items())]


def read(code, text):
    """Parse ``text`` with the reader registered as ``code``; all lines or none."""
    if code not in READERS:
        raise PayrollFormatError(0, "format", f"unknown payroll format {code!r}")
    return READERS[code]().parse(text)


class PayrollReader:
    """Base class of the readers: splits the file into lines and skips blank ones."""

    code = None
    label = None
    delimiter = ";"

    def parse(self, text):
        rows = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=self.delimiter)
        lines = []
        for number, row in enumerate(rows, start=1):
            if not any(cell.strip() for cell in row):
                continue
            lines.append(self.parse_line(number, [cell.strip() for cell in row]))
        if not lines:
            raise PayrollFormatError(0, "file", "the file holds no pay lines")
        return lines

    def parse_line(self, number, cells):
        raise NotImplementedError


def hundredths(number, field, value, required=True):
    """'2500' -> 25.0; refuses decimals, signs in the middle and empty required cells.

    >>> hundredths(1, "units", "-150")
    -1.5
    >>> hundredths(1, "rate", "", required=False)
    """
    if value == "":
        if required:
            raise PayrollFormatError(number, field, "is empty")
        return None
    digits = value[1:] if value[:1] in "+-" else value
    if not digits.isdigit():
        raise PayrollFormatError(
            number, field, f"{value!r} is not a whole number of hundredths"
        )
    return int(value) / 100.0


@register
class DanloenReader(PayrollReader):
    """Danløn (and Salary): ``CVR;employee number;pay type;units;rate;amount``."""

    code = "danloen"
    label = "Danløn (CVR;employee no.;pay type;units;rate;amount)"

    def parse_line(self, number, cells):
        if not 4 <= len(cells) <= 6:
            raise PayrollFormatError(
                number, "line", f"expected 4 to 6 fields, found {len(cells)}"
            )
        cells = cells + [""] * (6 - len(cells))
        cvr, employee, pay_type = cells[:3]
        if not (cvr.isdigit() and len(cvr) == 8):
            raise PayrollFormatError(number, "CVR", f"{cvr!r} is not 8 digits")
        if not employee:
            raise PayrollFormatError(number, "employee number", "is empty")
        if not pay_type.isdigit():
            raise PayrollFormatError(
                number, "pay type", f"{pay_type!r} is not a number"
            )
        units = hundredths(number, "units", cells[3])
        rate = hundredths(number, "rate", cells[4], required=False)
        amount = hundredths(number, "amount", cells[5], required=False)
        if amount is None:
            amount = round(units * rate, 2) if rate is not None else 0.0
        return PayrollLine(number, cvr, employee, pay_type, units, rate or 0.0, amount)
