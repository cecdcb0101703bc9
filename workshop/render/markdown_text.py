"""Markdown vocabulary for the appendix's sections: escaped user text.

User text is escaped so that a note starting with "# " or containing
"<script>" or "[link](…)" stays literal text in any CommonMark renderer.
"""

from __future__ import annotations

import re

from workshop.render.charts import Chart

# Inline markup characters, escaped anywhere (CommonMark allows a backslash
# before any ASCII punctuation). "&" too, so "&lt;" is not read as an entity.
_INLINE = re.compile(r"([\\`*_{}\[\]<>|~!&#])")
# Line starts that would open a block: list items ("- ", "+ ", "1. ", "1) ")
# and setext heading underlines ("==="). "#", ">" and "*" are inline-escaped.
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.M)


def _escape_block_start(m: re.Match) -> str:
    indent, marker = m.group(1), m.group(2)
    if marker[0].isdigit():  # "1." -> "1\."
        return indent + marker[:-1] + "\\" + marker[-1]
    return indent + "\\" + marker


def md_escape(text: str) -> str:
    return _BLOCK_START.sub(_escape_block_start, _INLINE.sub(r"\\\1", text))


def md_line(text: str) -> str:
    """Escaped and on one line (headings, table cells, list items)."""
    return md_escape(" ".join(text.split()))


def md_paragraph(text: str) -> str:
    """Escaped, keeping the writer's line breaks as hard breaks."""
    # Leading spaces stripped: four would start a code block.
    return "  \n".join(md_escape(line.strip()) for line in text.splitlines() or [""])


def md_labelled(label: str, text: str) -> str:
    """'**label:** text' on one line."""
    return f"**{md_line(label)}:** {md_line(text)}"


def md_image(chart: Chart) -> str:
    """The chart's PNG, which the export puts beside appendix.md. Its alt
    text quotes people's words (a topic's title, corner labels): escaped here,
    for every caller, like any line, so "]" cannot end it, "<" cannot open
    HTML and a newline cannot start a block. The file name is ours
    ("charts/<kind>-<n>.png")."""
    return f"![{md_line(chart.alt)}]({chart.file})"
