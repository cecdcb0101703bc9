"""Markdown export: a zip with appendix.md and its charts as PNG files.

The title and facts, then each shown method's section ("## heading" and the
lines its ``markdown`` hook writes, see markdown_text.py); every chart the
sections link to goes into the zip under its ``Chart.file``.
"""

from __future__ import annotations

import io
import zipfile

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import MARKDOWN_FILE, build_view
from workshop.render.markdown_text import md_labelled, md_line


def render_markdown(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    lines = [f"# {md_line(view.title)}", ""]
    lines += [f"- {md_labelled(label, value)}" for label, value in view.facts] + [""]
    for part in view.shown:
        lines += [f"## {md_line(part.heading)}", "", *part.section.markdown(part.view)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MARKDOWN_FILE, "\n".join(lines).encode("utf-8"))
        for part in view.shown:
            for chart in part.section.charts(part.view):
                # PNG is already compressed: store, do not deflate again.
                zf.writestr(chart.file, chart.draw("png"), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()
