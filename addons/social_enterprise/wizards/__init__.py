from . import social_placement_end_wizard
from . import social_impact_report_wizard
from . import social_financial_statement_wizard
from . import social_privacy_preview
from . import social_payroll_export_wizard
from . import social_wage_import_wizard
