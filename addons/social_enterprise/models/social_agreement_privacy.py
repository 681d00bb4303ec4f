# Privacy in its own file, beside the model's main file, to keep merges apart.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PRIVACY_ROLES = [
    ("controller", "Controller: the enterprise decides"),
    ("processor", "Processor: the municipality is data controller"),
]


class SocialAgreement(models.Model):
    _inherit = "social.agreement"

    privacy_role = fields.Selection(
        PRIVACY_ROLES,
        "Our Role (GDPR)",
        required=True,
        default="controller",
        tracking=True,
        help="For the people this municipality places: does the enterprise decide "
        "about their data (controller), or does it process it on the "
        "municipality's instructions (processor, with a data processing "
        "agreement)? As processor, retention, deletion and export follow the "
        "municipality, and names may go into its reports.",
    )
    privacy_retention_months = fields.Integer(
        "Retention Required (months)",
        tracking=True,
        help="Months the municipality requires the health data of the people it "
        "placed to be kept after their last placement and support end. Empty: the "
        "enterprise's retention rule. Name and CPR are never kept shorter than the "
        "bookkeeping law requires.",
    )
    privacy_terms = fields.Char(
        "Data Processing Agreement",
        help="Reference of the data processing agreement (databehandleraftale).",
    )

    @api.constrains("privacy_retention_months")
    def _check_privacy_retention_months(self):
        for agreement in self:
            if agreement.privacy_retention_months < 0:
                raise ValidationError(
                    self.env._(
                        "%(agreement)s: a retention period cannot be negative.",
                        agreement=agreement.name,
                    )
                )
