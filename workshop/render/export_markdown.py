"""Markdown export: a zip with appendix.md and its charts as PNG files.

User text is escaped so that a note starting with "# " or containing
"<script>" or "[link](…)" stays literal text in any CommonMark renderer.
"""
from __future__ import annotations

import io
import re
import zipfile

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import (
    HEADCOUNT_CHART_NAME, MARKDOWN_FILE, AppendixView, build_view, movement_chart_name,
    strip_chart_name,
)

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


def _alt(text: str) -> str:
    return text.replace("[", "(").replace("]", ")")


def _statements(view: AppendixView, L: dict[str, str]) -> list[str]:
    out = [f"## {md_line(L['barometer'])}", ""]
    if not view.statements:
        out += [md_line(L["no_statements"]), ""]
    for s in view.statements:
        n = s.record.number
        out += [f"### {md_line(s.heading)}", "", md_line(s.counts), "",
                f"![{_alt(s.strip_alt)}]({strip_chart_name(n)})", "",
                f"**{md_line(L['summary'])}:** {md_line(s.summary_text)}", "",
                f"**{md_line(L['movement'])}:** {md_line(s.movement_text)}", ""]
        if s.has_movement_chart:
            out += [f"![{_alt(s.movement_alt)}]({movement_chart_name(n)})", ""]
        for c in s.record.comments:
            out += [f"**{md_line(L['comment'])}:** {md_paragraph(c.text)}", ""]
    return out


def _wall(view: AppendixView, L: dict[str, str]) -> list[str]:
    header = [L["time"], *view.wall_spaces]
    out = ["| " + " | ".join(md_line(h) for h in header) + " |",
           "|" + "---|" * len(header)]
    for row in view.wall_rows:
        cells = ([L["break"]] * max(1, len(view.wall_spaces)) if row.is_break
                 else ["; ".join(c) for c in row.cells])
        out.append("| " + " | ".join(md_line(x) for x in [row.label, *cells]) + " |")
    return out + [""]


def _openspace(view: AppendixView, L: dict[str, str]) -> list[str]:
    os_ = view.appendix.openspace
    out = [f"## {md_line(L['open_space'])}", ""]
    if os_.theme:
        out += [f"**{md_line(L['theme'])}:** {md_line(os_.theme)}", ""]
    if view.wall_rows:
        out += [f"### {md_line(L['wall'])}", "", *_wall(view, L)]
    if os_.topics:
        out += [f"### {md_line(L['headcount_chart'])}", "",
                f"![{_alt(view.headcount_alt)}]({HEADCOUNT_CHART_NAME})", ""]
    for tv in view.topics:
        out += [f"### {md_line(tv.topic.title)}", ""]
        if tv.topic.description:
            out += [md_paragraph(tv.topic.description), ""]
        out += [f"- **{md_line(label)}:** {md_line(value)}" for label, value in tv.facts] + [""]
        if not tv.note_groups:
            out += [md_line(L["no_notes"]), ""]
        for group in tv.note_groups:
            out += [f"#### {md_line(group.heading)}", ""]
            for line in group.notes:
                detail = f" ({md_line(line.detail)})" if line.detail else ""
                out.append(f"- {md_paragraph(line.note.text)}{detail}".replace("  \n", "  \n  "))
            out.append("")
    return out


def render_markdown(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    L = view.labels
    lines = [f"# {md_line(view.title)}", ""]
    lines += [f"- **{md_line(label)}:** {md_line(value)}" for label, value in view.facts] + [""]
    lines += _statements(view, L)
    if view.has_openspace:
        lines += _openspace(view, L)
    charts = view.charts("png")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MARKDOWN_FILE, "\n".join(lines).encode("utf-8"))
        for s in view.statements:
            # PNG is already compressed: store, do not deflate again.
            zf.writestr(strip_chart_name(s.record.number), charts.strips[s.record.id],
                        compress_type=zipfile.ZIP_STORED)
            if s.has_movement_chart:
                zf.writestr(movement_chart_name(s.record.number), charts.movements[s.record.id],
                            compress_type=zipfile.ZIP_STORED)
        if charts.headcount:
            zf.writestr(HEADCOUNT_CHART_NAME, charts.headcount, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()
