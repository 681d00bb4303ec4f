from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import identifiers


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_municipality = fields.Boolean(
        "Municipality",
        help="A Danish municipality (kommune) that buys places and support.",
    )
    municipality_code = fields.Char(
        size=3,
        help="The three-digit kommunekode, e.g. 101 for Copenhagen.",
    )
    is_data_controller = fields.Boolean(
        "Data Controller",
        help="The municipality is the data controller for the people it places here "
        "(the enterprise is its processor): a manager may then include names in its "
        "reports.",
    )
    placement_ids = fields.One2many("social.placement", "municipality_id", "Placements")
    placement_count = fields.Integer(compute="_compute_placement_count")

    _municipality_code_unique = models.UniqueIndex(
        "(municipality_code) WHERE municipality_code IS NOT NULL AND active",
        "Another municipality already has this municipality code.",
    )

    MUNICIPALITY_FIELDS = ("is_municipality", "municipality_code", "is_data_controller")

    def _check_municipality_rights(self, vals):
        """Only Social Enterprise managers mark or change municipalities."""
        if (
            any(f in vals for f in self.MUNICIPALITY_FIELDS)
            and not self.env.su
            and not self.env.user.has_group(
                "social_enterprise.social_enterprise_group_manager"
            )
        ):
            raise AccessError(
                self.env._(
                    "Only Social Enterprise managers can mark a contact as a "
                    "municipality or change its municipality code."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_municipality") or vals.get("municipality_code"):
                self._check_municipality_rights(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_municipality_rights(vals)
        return super().write(vals)

    @api.constrains("municipality_code")
    def _check_municipality_code(self):
        for partner in self:
            code = partner.municipality_code
            if code and not (len(code) == 3 and code.isdigit()):
                raise ValidationError(
                    self.env._(
                        "Municipality Code of %(name)s: expected three digits such as "
                        "101, "
                        "got '%(code)s'.",
                        name=partner.display_name,
                        code=code,
                    )
                )

    @api.constrains("vat", "country_id", "is_municipality")
    def _check_danish_cvr(self):
        """Danish companies and municipalities carry a CVR with a modulus-11 check."""
        for partner in self:
            danish = partner.country_id.code == "DK" or partner.is_municipality
            if not partner.vat or not danish or not partner.is_company:
                continue
            if not identifiers.is_valid_cvr(partner.vat):
                raise ValidationError(
                    self.env._(
                        "Tax ID (CVR) of %(name)s: expected 8 digits with a valid "
                        "check digit, "
                        "e.g. DK64942212; got '%(vat)s'.",
                        name=partner.display_name,
                        vat=partner.vat,
                    )
                )

    def _build_error_peppol_endpoint(self, eas, endpoint):
        """GLN/EAN location numbers (scheme 0088) must be 13 digits with a GS1 check
        digit."""
        if eas == "0088" and not identifiers.is_valid_gln(endpoint):
            return self.env._(
                "Peppol Endpoint (EAN/GLN location number): expected 13 digits with a "
                "valid "
                "GS1 check digit, e.g. 5798000416604; got '%(endpoint)s'.",
                endpoint=endpoint,
            )
        return super()._build_error_peppol_endpoint(eas, endpoint)

    def _compute_placement_count(self):
        counts = self.env["social.placement"]._count_by("municipality_id", self)
        for partner in self:
            partner.placement_count = counts.get(partner, 0)

    def action_view_placements(self):
        self.ensure_one()
        return self.env["social.placement"]._action_open_for("municipality_id", self)

    def _get_document_lang(self):
        """Language of the documents sent to this partner (invoices, their texts,
        reports): Danish for Danish receivers (municipalities and partners in
        Denmark) when Danish is installed, else the partner's own language."""
        self.ensure_one()
        partner = self.commercial_partner_id
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        danish = partner.is_municipality or partner.country_id.code == "DK"
        if danish and "da_DK" in installed:
            return "da_DK"
        return partner.lang or self.env.lang
