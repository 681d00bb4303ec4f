from . import social_production_report
from . import social_production_output
