"""§103 pay (arbejdsdusør) and transport arithmetic: plain Python, no ORM.

The rules (Serviceloven §103 and its executive order):

* Pay is first by effort, like a wage for the work done (piece or task rates); where
  that is not possible, an hourly pay set by a work assessment. For a very modest
  working capacity the pay is at least a floor: a share (5 %) of the lowest collective
  hourly wage of the trade. The wage and the share are dated data; these functions
  take them as numbers.
* Transport: the participant pays the first 10 km each way, but never more than 30 %
  of the net earnings from the place; the rest of the fare is reimbursed. The km and
  the share are dated data too.

Amounts are rounded half-up to øre.

The floor: 5 % of a lowest collective wage of 160.00 kr/h is 8.00 kr/h.

>>> floor_rate(160.0, 5.0)
8.0

60 attended hours at an assessed 24 kr/h:

>>> hourly_pay(60.0, 24.0, floor=8.0)
Pay(quantity=60.0, rate=24.0, amount=1440.0)

An assessed rate below the floor is refused:

>>> hourly_pay(60.0, 7.5, floor=8.0)
Traceback (most recent call last):
...
ValueError: rate 7.50 is below the floor 8.00

25 km by bus at 2.00 kr per km, 12 attended days, 2,000.00 kr earned: the participant
pays 10 km each way (10 × 2 × 2.00 × 12 = 480.00 kr, under 30 % of 2,000.00 = 600.00),
so the fare for the other 15 km each way is reimbursed: 15 × 2 × 2.00 × 12 = 720.00 kr.

>>> transport(25.0, 2.0, 12, 2000.0)
Transport(days=12, km_paid=15.0, full_cost=1200.0, own_share=480.0, amount=720.0)

With 1,440.00 kr earned, 30 % is 432.00 kr, less than the 480.00 kr of the first
10 km: the participant pays 432.00 kr and 1,200.00 - 432.00 = 768.00 kr is reimbursed.

>>> transport(25.0, 2.0, 12, 1440.0)
Transport(days=12, km_paid=15.0, full_cost=1200.0, own_share=432.0, amount=768.0)

Living within 10 km, nothing is reimbursed:

>>> transport(8.0, 2.0, 12, 1440.0).amount
0.0
"""

from collections import namedtuple

from .billing import round_money

Pay = namedtuple("Pay", "quantity rate amount")
Transport = namedtuple("Transport", "days km_paid full_cost own_share amount")


def floor_rate(lowest_wage, percent):
    """The hourly floor: ``percent`` of the lowest collective hourly wage."""
    return round_money(lowest_wage * percent / 100.0)


def hourly_pay(hours, rate, floor=0.0):
    """Pay for ``hours`` at ``rate``; ``ValueError`` below ``floor``."""
    if rate < floor:
        raise ValueError(f"rate {rate:.2f} is below the floor {floor:.2f}")
    return Pay(hours, rate, round_money(hours * rate))


def effort_pay(units, unit_rate, hours, floor=0.0):
    """Pay for ``units`` of work at ``unit_rate``; the pay per attended hour must reach
    ``floor``.

    >>> effort_pay(120, 9.5, 40.0, floor=8.0)
    Pay(quantity=120, rate=9.5, amount=1140.0)
    >>> effort_pay(20, 9.5, 40.0, floor=8.0)
    Traceback (most recent call last):
    ...
    ValueError: pay per hour 4.75 is below the floor 8.00
    """
    amount = round_money(units * unit_rate)
    if hours and amount / hours < floor:
        raise ValueError(
            f"pay per hour {amount / hours:.2f} is below the floor {floor:.2f}"
        )
    return Pay(units, unit_rate, amount)


def transport(distance_km, rate_per_km, days, earnings, own_km=10.0, max_share=30.0):
    """Monthly transport reimbursement for ``days`` attended days.

    ``distance_km`` is one way; the participant's own share is the cost of ``own_km``
    each way, capped at ``max_share`` % of ``earnings`` (the month's net earnings
    from the place).
    """
    if distance_km <= own_km or not days:
        return Transport(days, 0.0, 0.0, 0.0, 0.0)
    full_cost = round_money(distance_km * 2 * rate_per_km * days)
    own_by_km = round_money(own_km * 2 * rate_per_km * days)
    own_share = min(own_by_km, round_money(earnings * max_share / 100.0))
    return Transport(
        days,
        distance_km - own_km,
        full_cost,
        own_share,
        round_money(full_cost - own_share),
    )
