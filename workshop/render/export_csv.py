"""CSV export: a zip of flat tables for spreadsheets.

positions.csv has one row per position change (the full history, not only
final positions), so a spreadsheet can replay the barometer. Headers are
stable English identifiers in every language, like JSON keys. Files are
UTF-8 with a byte-order mark so Excel opens å, ä and ö correctly.
"""
from __future__ import annotations

import csv
import io
import zipfile

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import build_view, pseudonym

# Spreadsheets run a cell starting with these as a formula ("CSV injection");
# user text gets a leading apostrophe, which Excel and LibreOffice hide.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str | None) -> str:
    text = text or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _table(header: list[str], rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def render_csv(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    statements = appendix.statements
    topics = appendix.openspace.topics
    spaces = {s.id: s.name for s in appendix.openspace.spaces}
    slots = {s.id: s for s in appendix.openspace.slots}
    tables = {
        "positions.csv": _table(
            ["statement", "statement_text", "participant", "value", "at"],
            ([s.number, _cell(s.text), pseudonym(h.participant),
              "pass" if h.value is None else h.value, h.at]
             for s in statements for h in s.history)),
        "comments.csv": _table(
            ["statement", "statement_text", "comment", "at"],
            ([s.number, _cell(s.text), _cell(c.text), c.at] for s in statements for c in s.comments)),
        "statements.csv": _table(
            ["statement", "statement_text", "positions", "passes", "summary", "shape",
             "moved", "towards_agree", "towards_disagree", "mean_shift"],
            ([sv.record.number, _cell(sv.record.text), len(sv.record.values), sv.record.passes,
              sv.summary_text, sv.summary.shape, sv.movement.moved, sv.movement.towards_agree,
              sv.movement.towards_disagree, sv.movement.mean_shift] for sv in view.statements)),
        "topics.csv": _table(
            ["topic", "title", "description", "convener", "space", "slot", "starts_at",
             "interest", "peak", "votes", "notes"],
            ([tp.id, _cell(tp.title), _cell(tp.description), _cell(tp.convener),
              spaces.get(tp.space, ""), slots[tp.slot].label if tp.slot in slots else "",
              slots[tp.slot].starts_at if tp.slot in slots else "",
              tp.interest, tp.peak, tp.votes, len(tp.notes)] for tp in topics)),
        "notes.csv": _table(
            ["note", "topic", "topic_title", "kind", "text", "who", "when", "at"],
            ([n.id, tp.id, _cell(tp.title), n.kind, _cell(n.text), _cell(n.who), _cell(n.when), n.at]
             for tp in topics for n in tp.notes)),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in tables.items():
            zf.writestr(name, data)
    return out.getvalue()
