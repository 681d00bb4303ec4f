from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _get_home_action(self):
        """The user's own home action, else the one of their most senior role
        (``res.groups.home_action_id`` with the highest priority), else none."""
        self.ensure_one()
        if self.action_id:
            return self.action_id
        # sudo: the groups' home actions are configuration every member may know.
        groups = (
            self.sudo()
            .all_group_ids.filtered("home_action_id")
            .sorted(lambda g: (-g.home_action_priority, g.id))
        )
        return groups[:1].home_action_id
