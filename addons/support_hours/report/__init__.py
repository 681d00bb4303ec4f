from . import support_hours_report
from . import support_assessment_score
from . import social_impact_report
