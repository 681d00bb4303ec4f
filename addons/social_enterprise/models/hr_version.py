from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import identifiers


class HrVersion(models.Model):
    _inherit = "hr.version"

    # The CPR number lives in Odoo's SSN field (HR officers only). Odoo tracks it, which
    # would copy old and new numbers into the chatter: a Danish deployment must not.
    ssnid = fields.Char(tracking=False)

    @api.constrains("ssnid")
    def _check_ssnid(self):
        """A Danish CPR number: 10 digits with a valid birth date (no modulus-11
        check)."""
        res = super()._check_ssnid()
        for version in self:
            country = version.private_country_id or version.company_id.country_id
            if not version.ssnid or (country and country.code != "DK"):
                continue
            if not identifiers.is_valid_cpr(version.ssnid):
                # Never echo the number itself into an error (errors end up in logs).
                raise ValidationError(
                    self.env._(
                        "SSN No (CPR number) of %(name)s: expected 10 digits "
                        "DDMMYY-NNNN "
                        "with a valid birth date.",
                        name=version.employee_id.name,
                    )
                )
        return res
