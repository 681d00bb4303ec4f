from odoo import models

from ..tools import financial_xlsx


class SocialFinancialStatementXlsx(models.AbstractModel):
    """The financial statement by revenue stream as xlsx, printed from its wizard."""

    _name = "report.social_enterprise.social_financial_statement_xlsx"
    _inherit = "report.social_enterprise.abstract_xlsx"
    _description = "Financial Statement by Revenue Stream (xlsx)"

    def _get_extra_workbook_options(self):
        return dict(financial_xlsx.WORKBOOK_OPTIONS)

    def _write_record(self, workbook, record):
        financial_xlsx.write_workbook(
            workbook, record._get_statement_data(), record._get_xlsx_labels()
        )
