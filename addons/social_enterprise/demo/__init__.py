from . import social_billing_demo
