# Privacy in its own file, beside the model's main file, to keep merges apart.
# pylint: disable=consider-merging-classes-inherited
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _is_privacy_controller(self):
        """This municipality is the data controller for the people it places: set
        on the municipality, or an agreement makes the enterprise its processor."""
        self.ensure_one()
        if self.is_data_controller:
            return True
        # sudo: the role on the agreement, not its prices.
        return bool(
            self.env["social.agreement"]
            .sudo()
            .search_count(
                [
                    ("municipality_id", "=", self.id),
                    ("privacy_role", "=", "processor"),
                ],
                limit=1,
            )
        )
