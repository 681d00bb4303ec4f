from odoo import fields, models


class SocialPayParticipantMixin(models.AbstractModel):
    """A record of one §103 participant's pay (basis, effort units, transport):
    kept on the placement, the person and company read from it."""

    _name = "social.pay.participant.mixin"
    _description = "Record of a §103 Participant's Pay"
    _check_company_auto = True

    placement_id = fields.Many2one(
        "social.placement",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("scheme_type", "=", "sheltered_103")],
        check_company=True,
    )
    employee_id = fields.Many2one(
        related="placement_id.employee_id", store=True, string="Participant"
    )
    company_id = fields.Many2one(related="placement_id.company_id", store=True)
