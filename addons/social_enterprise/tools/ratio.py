"""The ratio rule (rimelighedskrav) for wage-subsidy and work-placement people.

Per production unit (P-number): one person in løntilskud or virksomhedspraktik for
every ``per_small`` ordinary employees up to ``threshold`` ordinary employees, then one
for every ``per_large`` beyond. The parameters come from the company's settings so that
a change of rule is data, not code.

One person is *always* allowed, even in a unit with 0-4 ordinary employees ("dog
altid en person", BEK 1297/2017): a unit with 3 ordinary employees allows one praktik
person. Ordinary employees are counted without subsidised staff (flexjob, løntilskud,
skånejob) and fixed-term hires; that counting is the ratio report's.

>>> allowed_subsidised(0)
1
>>> allowed_subsidised(3)
1
>>> allowed_subsidised(5)
1
>>> allowed_subsidised(49)
9
>>> allowed_subsidised(50)
10
>>> allowed_subsidised(75)
12
"""

# The floor of the rule: at least this many, whatever the size of the unit.
ALWAYS_ALLOWED = 1


def allowed_subsidised(ordinary, per_small=5, threshold=50, per_large=10):
    """How many subsidised/praktik people a unit with ``ordinary`` employees may
    have."""
    ordinary = max(int(ordinary or 0), 0)
    allowed = min(ordinary, threshold) // per_small
    if ordinary > threshold:
        allowed += (ordinary - threshold) // per_large
    return max(allowed, ALWAYS_ALLOWED)
