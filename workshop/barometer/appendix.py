"""The barometer's appendix section: what the shared core calls, in one place.

See workshop.render.section for the contract.
"""

from __future__ import annotations

from workshop.barometer import appendix_formats as formats
from workshop.barometer.appendix_view import all_charts, build_view, summary_charts
from workshop.barometer.record import BarometerRecord
from workshop.render.section import AppendixSection


def _first_opened(record: BarometerRecord) -> str | None:
    """The workshop was held the day its first statement opened."""
    return min((s.opened_at for s in record.statements if s.opened_at), default=None)


SECTION = AppendixSection(
    name="barometer",
    anchor="barometer",
    record=BarometerRecord,
    heading=lambda tr: tr("Opinion barometer"),
    read=lambda store, workshop_id: store.barometer_record(workshop_id),
    started_at=_first_opened,
    build=build_view,
    # Always shown: "No statements were shown." is worth saying too.
    has_content=lambda view: True,
    charts=all_charts,
    summary_charts=summary_charts,
    pdf=formats.pdf,
    docx=formats.docx,
    markdown=formats.markdown,
    csv=formats.csv,
    json=formats.json,
    html_template="barometer/appendix.html",
    summary_template="barometer/summary.html",
)
