"""Validation of Danish and GS1 identifiers, with python-stdnum.

>>> is_valid_cvr("10103940")
True
>>> is_valid_cvr("10103941")
False
>>> is_valid_gln("5798000420830")
True
>>> is_valid_gln("5798000420831")
False
>>> is_valid_cpr("0101701234")  # no mod-11: numbers issued since 2007 may fail it
True
>>> is_valid_cpr("3102701234")   # 31 February does not exist
False
>>> compact_cvr("DK 10 10 39 40")
'10103940'
"""

import re

from stdnum import ean
from stdnum.dk import cpr, cvr
from stdnum.exceptions import ValidationError as StdnumError


def compact_cvr(value):
    """The 8 digits of a CVR number, without a DK prefix, spaces or dashes."""
    value = cvr.compact(value or "")
    return value[2:] if value.upper().startswith("DK") else value


def is_valid_cvr(value):
    """8 digits with a valid modulus-11 check (CVR, the Danish company register)."""
    try:
        cvr.validate(compact_cvr(value))
    except StdnumError:
        return False
    return True


def is_valid_gln(value):
    """A 13-digit GLN/EAN location number with a valid GS1 check digit."""
    value = (value or "").strip()
    if len(value) != 13 or not value.isdigit():
        return False
    try:
        ean.validate(value)
    except StdnumError:
        return False
    return True


def is_valid_cpr(value):
    """10 digits whose birth date and century are valid.

    The modulus-11 check is deliberately not applied: CPR numbers without a valid
    check digit have been issued since 2007.
    """
    try:
        number = cpr.compact(value or "")
        if len(number) != 10 or not number.isdigit():
            return False
        cpr.get_birth_date(number)
    except (StdnumError, ValueError):
        return False
    return True


_CPR_LIKE = re.compile(r"(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)")


def looks_like_cpr(text):
    """Does ``text`` hold something that reads as a CPR number (DDMMYY-NNNN)?

    References on invoices must be the municipality's case references, never CPR.

    >>> looks_like_cpr("SAG-KK-48213")
    False
    >>> looks_like_cpr("ref 010190-1234")
    True
    >>> looks_like_cpr("5798000416604")      # a 13-digit GLN is not a CPR
    False
    """
    for match in _CPR_LIKE.finditer(text or ""):
        if is_valid_cpr(match.group(1) + match.group(2)):
            return True
    return False
