"""What the enterprise claims as employer: løntilskud, skånejob and old-flexjob refunds.

The basis is the payroll (the wage basis of the month), never check-ins:

1. **Hours**: the hours for which wage was paid, paid absence included, minus the
   hours for which the employer received a refund (sickness or maternity benefit).
2. **Gross**: hours × the dated hourly rate of the scheme (for an old flexjob: the
   refund share of the lowest collective hourly wage, at most the dated maximum hourly
   wage base).
3. **Cap**: a share of the full wage cost (wage, holiday pay/allowance, pension, ATP,
   minus refunds received), counted over a year of employment from the placement's
   start: what was claimed earlier in that year is taken off the cap.

The worked example of løntilskud at a private employer in 2023: 148 paid hours at
86.16 kr, wage cost 160 kr an hour. 148 × 86.16 = 12,751.68 kr, but 50 % of the
wage cost 148 × 160 = 23,680.00 kr is 11,840.00 kr, so 11,840.00 kr is claimed:

>>> hourly_claim(148, 86.16, 148 * 160, 50.0)
(12751.68, 11840.0, 11840.0)

Earlier months of the same year use up the cap (here 10,000 kr of a 11,840 + 11,840
kr cap were claimed):

>>> hourly_claim(148, 86.16, 23680, 50.0, prior_cost=23680, prior_claimed=10000)
(12751.68, 13680.0, 12751.68)

No cap share (skånejob at a public employer): the gross is claimed.

>>> hourly_claim(100, 31.87, 18000, None)
(3187.0, None, 3187.0)

Old flexjob, ⅔ of a collective minimum wage of 300 kr/h, but the maximum hourly wage
base of 2018 was 268.56 kr: ⅔ × 268.56 = 179.04 kr per hour.

>>> refund_rate(300.0, 268.56, "two_thirds")
179.04
>>> refund_rate(180.0, 268.56, "half")
90.0
"""

from fractions import Fraction

from dateutil.relativedelta import relativedelta

REFUND_SHARES = {"half": Fraction(1, 2), "two_thirds": Fraction(2, 3)}

# An organisation whose costs are covered by public money for at least this share is
# a public employer for løntilskud (star.dk, "offentlige arbejdsgivere"). The share
# itself is dated company data (social.employer.status).
PUBLIC_SHARE_THRESHOLD = 50.0


def round_money(value):
    return round(value + 0.0, 2)


def subsidy_hours(paid_hours, absence_hours=0.0, refund_hours=0.0):
    """Hours the subsidy is paid for.

    >>> subsidy_hours(140, 8, 16)
    132.0
    """
    hours = (paid_hours or 0.0) + (absence_hours or 0.0) - (refund_hours or 0.0)
    return round(max(hours, 0.0) + 0.0, 2)


def hourly_claim(hours, rate, wage_cost, cap_share, prior_cost=0.0, prior_claimed=0.0):
    """(gross, cap or None, amount) of one month: see the module docstring."""
    gross = round_money(hours * rate)
    if cap_share is None:
        return gross, None, gross
    cap = round_money(
        max(cap_share / 100.0 * (wage_cost + prior_cost) - prior_claimed, 0.0)
    )
    return gross, cap, min(gross, cap)


def refund_rate(minimum_wage, ceiling, share):
    """Refund per hour of an old flexjob: ``share`` (half / two_thirds) of the lowest
    collective hourly wage, at most the maximum hourly wage base ``ceiling``."""
    base = min(minimum_wage, ceiling) if ceiling else minimum_wage
    return round_money(float(Fraction(str(base)) * REFUND_SHARES[share]))


def employer_kind(public_share):
    """'public' when public money covers at least half of the costs.

    >>> employer_kind(49.9), employer_kind(50)
    ('private', 'public')
    """
    return "public" if (public_share or 0.0) >= PUBLIC_SHARE_THRESHOLD else "private"


def cap_year_start(date_start, month_start):
    """First day of the year of employment (from ``date_start``) holding the month.

    >>> from datetime import date
    >>> cap_year_start(date(2025, 3, 15), date(2026, 2, 1))
    datetime.date(2025, 3, 15)
    >>> cap_year_start(date(2025, 3, 15), date(2026, 4, 1))
    datetime.date(2026, 3, 15)
    """
    start = date_start
    while start + relativedelta(years=1) <= month_start:
        start += relativedelta(years=1)
    return start
