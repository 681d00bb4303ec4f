from . import test_tools
from . import test_production_hours
from . import test_capacity
from . import test_security
from . import test_install
