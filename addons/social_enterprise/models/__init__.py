from . import social_scheme
from . import social_scheme_rate
from . import social_placement
from . import social_placement_demo
from . import res_partner
from . import hr_employee
from . import hr_version
