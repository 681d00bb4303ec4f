from odoo import models

from ..tools import impact_xlsx


class SocialImpactReportXlsx(models.AbstractModel):
    """The municipal social-impact report as xlsx, printed from its wizard."""

    _name = "report.social_enterprise.social_impact_xlsx"
    _inherit = "report.social_enterprise.abstract_xlsx"
    _description = "Social-Impact Report (xlsx)"

    def _write_record(self, workbook, record):
        impact_xlsx.write_workbook(
            workbook, record._get_report_data(), record._get_xlsx_labels()
        )
