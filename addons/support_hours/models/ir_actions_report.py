from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        """A printed report of sensitive records is a read of their restricted
        fields: log every restricted field the user may read, for every record (PDF,
        HTML and text reports all render through here)."""
        result = super()._get_rendering_context(report, docids, data)
        records = self.env[report.model].browse(docids or [])
        sensitive = getattr(records, "_support_sensitive_fields", ())
        if records and sensitive and not self.env.su:
            readable = [
                name
                for name in sensitive
                if records._has_field_access(records._fields[name], "read")
            ]
            if readable:
                records.exists()._log_sensitive_access(sorted(readable))
        return result
