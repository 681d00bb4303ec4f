from odoo import models

from ..tools import rsv_xlsx


class SocialRsvReportXlsx(models.AbstractModel):
    """The RSV annual notes as xlsx, in the Print menu of the notes."""

    _name = "report.social_enterprise.social_rsv_xlsx"
    _inherit = "report.social_enterprise.abstract_xlsx"
    _description = "RSV Annual Notes (xlsx)"

    def _write_record(self, workbook, record):
        rsv_xlsx.write_workbook(
            workbook, record._get_notes_data(), record._get_xlsx_labels()
        )
