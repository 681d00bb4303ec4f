from . import social_production_report
