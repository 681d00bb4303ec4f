"""Plain-Python helpers of support_hours: no ORM, no database, fast to test.

Models call these; these never import odoo.models.
"""

from . import hours
