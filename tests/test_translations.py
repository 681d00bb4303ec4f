"""Every user-facing string has a Danish translation that keeps its placeholders."""

import pathlib
import re

import polib

from odoo.tests import tagged
from odoo.tests.common import BaseCase

ADDONS = pathlib.Path(__file__).resolve().parent.parent / "addons"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\w*\}")


@tagged("post_install", "-at_install")
class TestTranslations(BaseCase):
    def test_da_po_complete_and_consistent(self):
        addons = sorted(p.parent for p in ADDONS.glob("*/__manifest__.py"))
        self.assertGreaterEqual(len(addons), 2)
        for addon in addons:
            pot = polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
            po = polib.pofile(str(addon / "i18n" / "da.po"))
            translated = {(e.msgctxt, e.msgid): e for e in po if e.msgstr}
            missing = [e.msgid for e in pot if (e.msgctxt, e.msgid) not in translated]
            self.assertFalse(missing, f"{addon.name}: untranslated {missing[:10]}")
            # Odoo merges the .pot into the .po when it loads it: a term missing
            # from the .pot becomes obsolete and is never translated.
            in_pot = {(e.msgctxt, e.msgid) for e in pot}
            extra = [e.msgid for e in po if (e.msgctxt, e.msgid) not in in_pot]
            self.assertFalse(extra, f"{addon.name}: not in the .pot {extra[:5]}")
            # Odoo reads a term only with its "#. module:" comment; one without it
            # stops the loading of the file's code translations.
            orphans = [e.msgid for e in po if "module: " not in (e.comment or "")]
            self.assertFalse(orphans, f"{addon.name}: no module comment {orphans[:5]}")
            for entry in po:
                self.assertEqual(
                    sorted(PLACEHOLDER.findall(entry.msgid)),
                    sorted(PLACEHOLDER.findall(entry.msgstr)),
                    f"{addon.name}: placeholders differ in {entry.msgid!r}",
                )
