from . import mrp_workorder
