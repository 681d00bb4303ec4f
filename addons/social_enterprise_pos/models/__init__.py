from . import account_analytic_line
from . import pos_config
from . import pos_order
from . import pos_session
