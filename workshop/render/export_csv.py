"""CSV export: a zip of flat tables for spreadsheets.

Each method's ``csv`` hook names its tables and gives header and rows as
plain values; every cell is written here, by one writer, so no column can
skip the formula guard. Headers are stable English identifiers in every
language, like JSON keys. Files are UTF-8 with a byte-order mark so Excel
opens å, ä and ö correctly.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import approval_text, build_view, merged

# Spreadsheets run a cell starting with these as a formula ("CSV injection");
# text gets a leading apostrophe, which Excel and LibreOffice hide.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Numbers stay numbers (a mean shift of -2.5 is data, not a formula);
    None is an empty cell; anything else is text and is guarded."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _table(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in (header, *rows):
        writer.writerow([_cell(value) for value in row])
    return buf.getvalue().encode("utf-8-sig")


def _approval(appendix: Appendix, lang: str) -> dict:
    """approval.csv once the adjusters approved (justering): one row."""
    a = appendix.approval
    if a is None:
        return {}
    header = ("version", "sha256", "approved_by", "approved_at", "text")
    return {
        "approval.csv": (
            header,
            [(a.version, a.sha256, "; ".join(a.names), a.approved_at, approval_text(a, lang))],
        )
    }


def render_csv(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    tables = merged([*(part.section.csv(part.view) for part in view.parts), _approval(appendix, lang)])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, (header, rows) in tables.items():
            zf.writestr(name, _table(header, rows))
    return out.getvalue()
