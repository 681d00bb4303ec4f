from . import support_hours_demo
