"""Build each addon's README.md from its readme/ fragments (like oca-gen-addon-readme).

Usage: gen_readme.py [--check]. With --check, exit 1 when a README.md is out of date.
"""

import ast
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("ROADMAP.md", "Known issues / Roadmap"),
]


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    parts = [
        f"# {manifest['name']}",
        "",
        "<!-- Generated from readme/ by scripts/gen_readme.py: edit the fragments. -->",
        "",
        f"*{manifest['summary']}*",
        "",
        f"Version {manifest['version']}, license {manifest['license']}, "
        f"depends on {', '.join(manifest['depends'])}.",
    ]
    for filename, title in SECTIONS:
        fragment = addon / "readme" / filename
        if not fragment.exists():
            continue
        if title:
            parts += ["", f"## {title}"]
        parts += ["", fragment.read_text().strip()]
    parts += ["", "## Credits", "", f"Authors: {manifest['author']}.", ""]
    return "\n".join(parts)


def main(check):
    stale = []
    for manifest in sorted((ROOT / "addons").glob("*/__manifest__.py")):
        addon = manifest.parent
        text = render(addon)
        target = addon / "README.md"
        if target.exists() and target.read_text() == text:
            continue
        if check:
            stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(text)
    if stale:
        print("Out of date (run scripts/gen_readme.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
