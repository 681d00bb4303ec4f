from markupsafe import Markup

from odoo import api, fields, models


class SocialPrivacyPreview(models.TransientModel):
    """What the daily retention run will anonymise in the coming months."""

    _name = "social.privacy.preview"
    _description = "Anonymisation Preview"

    months = fields.Integer(default=1, required=True)
    preview_html = fields.Html("Due", compute="_compute_preview_html", sanitize=False)

    @api.depends("months")
    def _compute_preview_html(self):
        labels = {
            "support": self.env._("Health data"),
            "identity": self.env._("Name, CPR and contact data"),
        }
        for wizard in self:
            items = self.env["hr.employee"]._privacy_get_preview(max(wizard.months, 0))
            if not items:
                wizard.preview_html = Markup("<p>%s</p>") % self.env._(
                    "Nothing is due in this period."
                )
                continue
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
                % (
                    item["employee"].name,
                    labels[item["category"]],
                    fields.Date.to_string(item["due"]),
                    self.env._("Legal hold: kept") if item["hold"] else "",
                )
                for item in items
            )
            head = Markup("<tr><th>%s</th><th>%s</th><th>%s</th><th></th></tr>") % (
                self.env._("Person"),
                self.env._("Data"),
                self.env._("Due"),
            )
            wizard.preview_html = (
                Markup('<table class="table table-sm"><thead>')
                + head
                + Markup("</thead><tbody>")
                + rows
                + Markup("</tbody></table>")
            )
