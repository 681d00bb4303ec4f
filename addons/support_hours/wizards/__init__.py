from . import support_session_week
from . import support_session_group
