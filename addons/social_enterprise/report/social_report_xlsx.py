from odoo import models

from ..tools import xlsx_style


class SocialReportXlsx(models.AbstractModel):
    """The xlsx reports of this addon, printed through OCA ``report_xlsx``.

    Each report is an ``ir.actions.report`` (``report_type="xlsx"``) whose
    ``report_name`` names a model ``report.<report_name>`` inheriting this one.
    ``report_xlsx`` opens the workbook with ``get_workbook_options`` (the shared
    options of ``tools/xlsx_style.py``), finds the records (the ``docids`` of the
    action, read with the printing user's rights) and calls
    ``generate_xlsx_report``, which writes one sheet per record through
    ``_write_record``: the plain-Python renderer of ``tools/``.
    """

    _name = "report.social_enterprise.abstract_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Social Enterprise XLSX Report"

    def _get_extra_workbook_options(self):
        """Hook: options this report adds to the shared ones."""
        return {}

    def get_workbook_options(self):
        return xlsx_style.workbook_options(**self._get_extra_workbook_options())

    def generate_xlsx_report(self, workbook, data, objs):
        for record in objs:
            self._write_record(workbook, record)

    def _write_record(self, workbook, record):
        raise NotImplementedError()
