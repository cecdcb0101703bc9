"""Fyra hörn's section in each export format.

Each function lays out a FourCornersView after the shared core wrote the
section's heading (see workshop.render.section): per question, the four
corners with their counts as a small table, the chart, which corner most
people chose, how many changed corner, and the facilitator's comments.
"""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from fpdf.fonts import FontFace

from workshop.domain.participants import pseudonym
from workshop.fourcorners.appendix_view import FourCornersView, QuestionView
from workshop.fourcorners.domain import PASS
from workshop.render import docx_layout
from workshop.render.markdown_text import md_image, md_labelled, md_line, md_paragraph
from workshop.render.pdf_layout import FONT, PdfWriter


def _rows(view: FourCornersView, q: QuestionView) -> list[tuple[str, str, str]]:
    """(corner, answer, people): A..D, then the passes."""
    return [(c.letter, c.label, str(c.count)) for c in q.corners] + [(view.labels["pass"], "", str(q.passes))]


def _header(view: FourCornersView) -> list[str]:
    L = view.labels
    return [L["corner"], L["answer"], L["people"]]


# --- PDF ---------------------------------------------------------------------
def pdf(w: PdfWriter, view: FourCornersView) -> None:
    L = view.labels
    for q in view.questions:
        w.heading(q.heading, 2)
        _pdf_table(w, view, q)
        w.chart(q.chart)
        w.para(q.summary_line, bold_label=q.summary_label)
        w.para(q.changed_text, bold_label=L["changes"])
        for c in q.record.comments:
            w.para(c.text, bold_label=L["comment"])


def _pdf_table(w: PdfWriter, view: FourCornersView, q: QuestionView) -> None:
    pdf = w.pdf
    pdf.set_font(FONT, "", 9.5)
    with pdf.table(
        col_widths=(22, 118, 30),
        headings_style=FontFace(emphasis="BOLD", fill_color=(232, 232, 232)),
        line_height=4.8,
        text_align=("LEFT", "LEFT", "RIGHT"),
        repeat_headings=1,
    ) as table:
        header = table.row()
        for name in _header(view):
            header.cell(name)
        for corner, answer, people in _rows(view, q):
            row = table.row()
            row.cell(corner, style=FontFace(emphasis="BOLD"))
            row.cell(answer)
            row.cell(people)
    pdf.ln(3)


# --- DOCX --------------------------------------------------------------------
def docx(doc, view: FourCornersView) -> None:
    L = view.labels
    for q in view.questions:
        doc.add_heading(docx_layout.clean(q.heading), 2)
        _docx_table(doc, view, q)
        docx_layout.chart(doc, q.chart)
        docx_layout.labelled(doc, q.summary_label, q.summary_line)
        docx_layout.labelled(doc, L["changes"], q.changed_text)
        for c in q.record.comments:
            docx_layout.labelled(doc, L["comment"], c.text)


def _docx_table(doc, view: FourCornersView, q: QuestionView) -> None:
    clean = docx_layout.clean
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    docx_layout.mark_header_row(header)
    for cell, text in zip(header.cells, _header(view)):
        cell.paragraphs[0].add_run(text).bold = True
    for corner, answer, people in _rows(view, q):
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(corner).bold = True
        cells[1].text = clean(answer)
        cells[2].text = people
    doc.add_paragraph()


# --- Markdown ------------------------------------------------------------------
def markdown(view: FourCornersView) -> list[str]:
    L = view.labels
    out = []
    for q in view.questions:
        out += [
            f"### {md_line(q.heading)}",
            "",
            *_markdown_table(view, q),
            md_image(q.chart),
            "",
            f"**{md_line(q.summary_label)}:** {md_paragraph(q.summary_line)}",
            "",
            md_labelled(L["changes"], q.changed_text),
            "",
        ]
        for c in q.record.comments:
            out += [f"**{md_line(L['comment'])}:** {md_paragraph(c.text)}", ""]
    return out


def _markdown_table(view: FourCornersView, q: QuestionView) -> list[str]:
    out = ["| " + " | ".join(md_line(h) for h in _header(view)) + " |", "|---|---|---:|"]
    for row in _rows(view, q):
        out.append("| " + " | ".join(md_line(x) for x in row) + " |")
    return out + [""]


# --- CSV and JSON ----------------------------------------------------------------
def csv(view: FourCornersView) -> dict:
    """corners.csv holds every change (the full history, not only final
    choices), so a spreadsheet can replay the room; corner_comments.csv the
    facilitator's comments, as comments.csv does for the barometer."""
    return {
        "corners.csv": (
            ["question", "question_text", "participant", "corner", "corner_label", "at"],
            [
                [
                    q.record.number,
                    q.record.text,
                    pseudonym(h.participant),
                    h.corner,
                    PASS if h.corner is None else q.record.labels[h.corner],
                    h.at,
                ]
                for q in view.questions
                for h in q.record.history
            ],
        ),
        "corner_comments.csv": (
            ["question", "question_text", "comment", "at"],
            [
                [q.record.number, q.record.text, c.text, c.at]
                for q in view.questions
                for c in q.record.comments
            ],
        ),
        "corner_questions.csv": (
            [
                "question",
                "question_text",
                "label_0",
                "label_1",
                "label_2",
                "label_3",
                "count_0",
                "count_1",
                "count_2",
                "count_3",
                "passes",
                "participants",
                "changed",
                "minutes",  # the Protokollsanteckning (empty: none written)
            ],
            [
                [
                    q.record.number,
                    q.record.text,
                    *q.record.labels,
                    *(c.count for c in q.corners),
                    q.passes,
                    q.participants,
                    q.changed,
                    (q.record.minutes or {}).get("text"),
                ]
                for q in view.questions
            ],
        ),
    }


def json(view: FourCornersView) -> dict:
    return {"fourcorners": [_question_json(q) for q in view.questions]}


def _question_json(q: QuestionView) -> dict:
    r = q.record
    return {
        "id": r.id,
        "number": r.number,
        "text": r.text,
        "labels": list(r.labels),
        "texts": r.texts,  # the question and corners in other languages; one tally
        "minutes": r.minutes,  # {"text", "version"}: the Protokollsanteckning; null: none written
        "opened_at": r.opened_at,
        "closed_at": r.closed_at,
        "counts": [c.count for c in q.corners],
        "passes": q.passes,
        "most_chosen": q.most_chosen,
        "summary_text": q.summary_text,
        "participants": q.participants,
        "changed": q.changed,
        "changed_text": q.changed_text,
        "final": {pseudonym(p): PASS if c is None else c for p, c in sorted(r.final.items())},
        "comments": [{"text": c.text, "at": c.at} for c in r.comments],
        "history": [
            {
                "participant": pseudonym(h.participant),
                "corner": PASS if h.corner is None else h.corner,
                "at": h.at,
            }
            for h in r.history
        ],
    }
