from . import test_tools
from . import test_scheme
from . import test_partner
from . import test_placement
from . import test_security
from . import test_cpr
