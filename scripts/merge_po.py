"""Merge each addon's .pot into its da.po: keep translations, add new, drop obsolete.

Usage: merge_po.py ADDON/i18n/ADDON.pot [...]. Prints the untranslated count per file.
"""

import pathlib
import sys

import polib


def merge(pot_path):
    pot = polib.pofile(str(pot_path))
    po_path = pot_path.parent / "da.po"
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e for e in old}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update(
        {
            "Language": "da",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
    )
    for entry in pot:
        previous = known.get((entry.msgctxt, entry.msgid))
        entry.msgstr = previous.msgstr if previous else ""
        if previous and "fuzzy" in previous.flags and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        po.append(entry)
    po.save(str(po_path))
    missing = [e.msgid for e in po if not e.msgstr]
    print(f"{po_path}: {len(po)} terms, {len(missing)} untranslated")
    return missing


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        merge(pathlib.Path(arg))
