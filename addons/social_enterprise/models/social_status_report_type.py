from odoo import fields, models

REPORT_KINDS = [
    ("status", "Status"),
    ("review", "Review"),
    ("extension", "Extension Request"),
    ("final", "Final Report"),
    ("dropout", "Dropout"),
]


class SocialStatusReportType(models.Model):
    """A kind of report to the case worker (statusudtalelse, review, extension
    request, final report, dropout): its text blocks and what it may contain."""

    _name = "social.status.report.type"
    _description = "Status Report Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(REPORT_KINDS, required=True, default="status")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    allows_health = fields.Boolean(
        "May Contain Health Details",
        help="Health details (support needs) go into reports of this type only when "
        "this is ticked and the person's consent allows it.",
    )
    block_ids = fields.One2many(
        "social.status.report.block", "type_id", "Text Blocks", copy=True
    )
    source = fields.Char(help="Where the structure of this report comes from.")
