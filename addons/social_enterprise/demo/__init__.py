from . import social_billing_demo
from . import social_placement_demo
from . import social_wage_period_demo
from . import social_pay_demo
