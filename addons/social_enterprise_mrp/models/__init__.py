from . import mrp_workcenter
from . import mrp_workcenter_productivity
from . import mrp_workorder
from . import mrp_production
from . import social_workcenter_capacity
from . import social_placement
from . import social_pay_effort
from . import social_pay_run
