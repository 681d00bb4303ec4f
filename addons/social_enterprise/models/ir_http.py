from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Land each role on its work: a user without a home action of their own gets
        the home action of their role (see ``res.users._get_home_action``)."""
        info = super().session_info()
        if (
            info.get("uid")
            and info.get("is_internal_user")
            and not info.get("home_action_id")
        ):
            action = self.env.user._get_home_action()
            if action:
                info["home_action_id"] = action.id
        return info
