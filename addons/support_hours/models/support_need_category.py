from odoo import fields, models


class SupportNeedCategory(models.Model):
    """A kind of support need (mentor, structure, transport, ...), configurable."""

    _name = "support.need.category"
    _description = "Support Need Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _code_unique = models.UniqueIndex("(code)", "The category code must be unique.")
