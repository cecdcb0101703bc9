from dataclasses import dataclass

from workshop.render.section import AppendixSection


@dataclass(frozen=True)
class ToyRecord:
    hands: int = 0


SECTION = AppendixSection(
    name="toy",
    anchor="toy",
    record=ToyRecord,
    heading=lambda tr: tr("Show of hands"),
    read=lambda store, workshop_id: ToyRecord(store.toy_hands(workshop_id)),
    started_at=lambda record: None,
    build=lambda record, lang, tr: record,
    has_content=lambda view: False,  # only CSV and JSON, whose shape is fixed, hold it
    charts=lambda view: [],
    summary_charts=lambda view: [],
    pdf=lambda pdf, view: None,
    docx=lambda document, view: None,
    markdown=lambda view: [],
    csv=lambda view: {"toy.csv": (["hands"], [[view.hands]])},
    json=lambda view: {"toy": {"hands": view.hands}},
    html_template="",
    summary_template="",
)
