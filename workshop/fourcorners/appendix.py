"""Fyra hörn's appendix section: what the shared core calls, in one place.

See workshop.render.section for the contract.
"""

from __future__ import annotations

from workshop.fourcorners import appendix_formats as formats
from workshop.fourcorners.appendix_view import all_charts, build_view, has_content
from workshop.fourcorners.record import FourCornersRecord
from workshop.render.section import AppendixSection


def _first_opened(record: FourCornersRecord) -> str | None:
    return min((q.opened_at for q in record.questions if q.opened_at), default=None)


SECTION = AppendixSection(
    name="fourcorners",
    anchor="four-corners",
    record=FourCornersRecord,
    heading=lambda tr: tr("Four corners"),
    read=lambda store, workshop_id: store.fourcorners_record(workshop_id),
    started_at=_first_opened,
    build=build_view,
    # Only a workshop that showed a question gets the section (CSV and JSON
    # always hold it: their shape is fixed).
    has_content=has_content,
    charts=all_charts,
    # The summary card shows each question's table; the chart says nothing
    # more, and the live page re-polls.
    summary_charts=lambda view: [],
    pdf=formats.pdf,
    docx=formats.docx,
    markdown=formats.markdown,
    csv=formats.csv,
    json=formats.json,
    html_template="fourcorners/appendix.html",
    summary_template="fourcorners/summary.html",
)
