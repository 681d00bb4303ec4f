from . import social_mrp_demo
