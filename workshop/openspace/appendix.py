"""Open Space's appendix section: what the shared core calls, in one place.

See workshop.render.section for the contract.
"""

from __future__ import annotations

from workshop.openspace import appendix_formats as formats
from workshop.openspace.appendix_view import build_view, has_content
from workshop.openspace.record import OpenSpaceRecord
from workshop.render.section import AppendixSection

SECTION = AppendixSection(
    name="openspace",
    anchor="open-space",
    record=OpenSpaceRecord,
    heading=lambda tr: tr("Open Space"),
    read=lambda store, workshop_id: store.openspace_record(workshop_id),
    # The record keeps no time Open Space began, so it leaves the
    # workshop's date to the other sections.
    started_at=lambda record: None,
    build=build_view,
    has_content=has_content,
    charts=lambda view: [view.headcount] if view.headcount else [],
    summary_charts=lambda view: [],  # the summary page shows topics and notes only
    pdf=formats.pdf,
    docx=formats.docx,
    markdown=formats.markdown,
    csv=formats.csv,
    json=formats.json,
    html_template="openspace/appendix.html",
    summary_template="openspace/summary.html",
)
