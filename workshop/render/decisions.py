"""The appendix's "Decisions and next steps" ("Beslut och nästa steg"): the
core's own section, after the methods' (see render/section.py for the
contract). A list: text — who — when. Only a workshop with decisions shows
it in PDF, DOCX, HTML and Markdown; CSV and JSON always hold it.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.domain.decisions import DecisionsRecord, line
from workshop.render.docx_layout import clean
from workshop.render.markdown_text import md_line
from workshop.render.section import AppendixSection


@dataclass(frozen=True)
class DecisionsView:
    record: DecisionsRecord
    lines: list[str]  # "text — who — when", in the order written


def build_view(record: DecisionsRecord, lang: str, tr) -> DecisionsView:
    return DecisionsView(record, [line(d) for d in record.decisions])


def pdf(w, view: DecisionsView) -> None:
    for text in view.lines:
        w.bullet(text)


def docx(doc, view: DecisionsView) -> None:
    for text in view.lines:
        doc.add_paragraph(clean(text), style="List Bullet")


def markdown(view: DecisionsView) -> list[str]:
    return [*(f"- {md_line(text)}" for text in view.lines), ""]


def csv(view: DecisionsView) -> dict:
    return {
        "decisions.csv": (
            ["decision", "text", "who", "when"],
            [[n, d.text, d.who, d.when] for n, d in enumerate(view.record.decisions, start=1)],
        )
    }


def json(view: DecisionsView) -> dict:
    return {"decisions": [{"text": d.text, "who": d.who, "when": d.when} for d in view.record.decisions]}


SECTION = AppendixSection(
    name="decisions",
    anchor="decisions",
    record=DecisionsRecord,
    heading=lambda tr: tr("Decisions and next steps"),
    read=lambda store, workshop_id: store.decisions_record(workshop_id),
    started_at=lambda record: None,
    build=build_view,
    has_content=lambda view: bool(view.lines),
    charts=lambda view: [],
    summary_charts=lambda view: [],
    pdf=pdf,
    docx=docx,
    markdown=markdown,
    csv=csv,
    json=json,
    html_template="export/_decisions.html",
    summary_template="export/_decisions.html",
    in_title=False,
)
