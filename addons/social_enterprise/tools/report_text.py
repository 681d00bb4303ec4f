"""Text blocks with placeholders for the status reports to case workers.

A block is plain text with ``{{name}}`` placeholders; filling it escapes the
values and turns blank lines into paragraphs. An unknown placeholder stays as it
is, so the coordinator sees what the draft could not fill.

>>> fill("{{person}} attended {{days}} of {{planned}} days.",
...      {"person": "Anna", "days": "38", "planned": "40"})
'<p>Anna attended 38 of 40 days.</p>'
>>> fill("Goals:\\n\\n{{goals}}", {"goals": "<b>sic</b>"})
'<p>Goals:</p><p>&lt;b&gt;sic&lt;/b&gt;</p>'
>>> fill("{{unknown}} stays", {})
'<p>{{unknown}} stays</p>'
>>> placeholders("{{a}} and {{ b }} and {{a}}")
['a', 'b']
>>> number(12.5), number(12.0), number(0.333)
('12,5', '12', '0,33')
"""

import re
from html import escape

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


def placeholders(text):
    """The placeholder names used in ``text``, in order, once each."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text or "")))


def fill(text, values):
    """``text`` with its placeholders replaced, as HTML paragraphs."""

    def replace(match):
        key = match.group(1)
        return escape(str(values[key])) if key in values else match.group(0)

    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    html = []
    for paragraph in paragraphs:
        lines = [
            PLACEHOLDER.sub(replace, escape(line, quote=False))
            for line in paragraph.splitlines()
        ]
        html.append("<p>" + "<br/>".join(lines) + "</p>")
    return "".join(html)


def number(value, digits=2):
    """A figure the Danish way: decimal comma, no trailing zeros."""
    text = f"{round(value, digits):.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
