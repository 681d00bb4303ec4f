from odoo import fields, models

SUPERVISOR = "social_enterprise.social_enterprise_group_supervisor"


class SocialPlacement(models.Model):
    _inherit = "social.placement"

    accommodation_ids = fields.Many2many(
        "support.accommodation",
        string="Accommodations",
        compute="_compute_accommodation_ids",
        groups=SUPERVISOR,
        help="The person's accommodations from their active support needs, in plain "
        "words. Never the needs themselves.",
    )

    def _compute_accommodation_ids(self):
        # Read as the current user: the accommodation rules decide what shows.
        accommodations = self.env["support.accommodation"].search(
            [("employee_id", "in", self.employee_id.ids)]
        )
        for placement in self:
            placement.accommodation_ids = accommodations.filtered(
                lambda a, p=placement: a.employee_id == p.employee_id
            )
