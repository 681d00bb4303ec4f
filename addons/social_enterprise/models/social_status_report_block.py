from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import report_text


class SocialStatusReportBlock(models.Model):
    """One section of a report type: a title and a text with placeholders."""

    _name = "social.status.report.block"
    _description = "Status Report Text Block"
    _order = "type_id, sequence, id"

    type_id = fields.Many2one(
        "social.status.report.type", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    title = fields.Char(required=True, translate=True)
    body = fields.Text(
        required=True,
        translate=True,
        help="Text with placeholders such as {{person}}, {{period}}, "
        "{{attended_days}}, {{planned_days}}, {{attended_hours}}, "
        "{{effective_hours}}, {{absence}}, {{goals}}, {{progression}}, "
        "{{support_hours}}, {{support_needs}}, {{next_steps}}.",
    )
    health = fields.Boolean(
        "Health Details",
        help="The block holds health details: left out unless the report may "
        "contain them.",
    )

    @api.constrains("body")
    def _check_placeholders(self):
        known = set(self.env["social.status.report"]._get_placeholder_names())
        for block in self:
            unknown = set(report_text.placeholders(block.body)) - known
            if unknown:
                raise ValidationError(
                    self.env._(
                        "Unknown placeholders in %(title)s: %(names)s.",
                        title=block.title,
                        names=", ".join(sorted(unknown)),
                    )
                )
