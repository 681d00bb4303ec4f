"""Plain-Python helpers of social_enterprise: no ORM, no database, fast to test.

Models call these; these never import odoo.models.
"""

from . import identifiers, payroll_formats, periods, ratio, subsidy
