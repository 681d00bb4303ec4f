from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SocialEnterpriseCase


@tagged("post_install", "-at_install")
class TestMunicipality(SocialEnterpriseCase):
    def test_valid_municipality(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Aarhus Kommune (test)",
                "is_company": True,
                "is_municipality": True,
                # Not 751: the sample data's Aarhus holds that unique code.
                "municipality_code": "897",
                "country_id": self.env.ref("base.dk").id,
                "vat": "DK55133018",
                "peppol_eas": "0088",
                "peppol_endpoint": "5798000200807",
            }
        )
        self.assertEqual(partner.peppol_endpoint, "5798000200807")

    def test_bad_cvr_names_field_and_form(self):
        with (
            self.assertRaisesRegex(ValidationError, r"CVR.*8 digits"),
            self.cr.savepoint(),
        ):
            self.env["res.partner"].create(
                {
                    "name": "Forkert Kommune",
                    "is_company": True,
                    "is_municipality": True,
                    "vat": "12345678",
                }
            )

    def test_bad_gln_check_digit(self):
        with (
            self.assertRaisesRegex(ValidationError, r"EAN/GLN.*13 digits"),
            self.cr.savepoint(),
        ):
            self.municipality.write(
                {"peppol_eas": "0088", "peppol_endpoint": "5798000200808"}
            )

    def test_bad_municipality_code(self):
        with (
            self.assertRaisesRegex(ValidationError, "three digits"),
            self.cr.savepoint(),
        ):
            self.municipality.municipality_code = "1a"

    def test_placement_count(self):
        self._placement()
        self._placement(employee_id=self.person_b.id)
        self.assertEqual(self.municipality.placement_count, 2)
