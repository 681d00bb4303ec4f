from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    social_personreference = fields.Char(
        "Personreference",
        help="The buyer's routing code (personreference) exported as the OIOUBL "
        "AccountingCustomerParty/Party/Contact/ID instead of Odoo's partner id. "
        "Billing runs copy it from the municipal agreement.",
    )
