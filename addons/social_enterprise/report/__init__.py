from . import social_placement_hours_report
from . import social_ratio_report
from . import social_impact_report
from . import social_production_report
from . import social_financial_statement
from . import social_person_timeline
