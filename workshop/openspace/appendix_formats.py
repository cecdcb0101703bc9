"""Open Space's section in each export format.

Each function lays out an OpenSpaceView after the shared core wrote the
section's heading (see workshop.render.section): the theme, the agenda wall
as a table, the headcount chart, then every topic with its notes by kind.
"""

from __future__ import annotations

from dataclasses import asdict

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from fpdf.fonts import FontFace

from workshop.openspace.appendix_view import OpenSpaceView, TopicView
from workshop.render import docx_layout
from workshop.render.markdown_text import md_image, md_labelled, md_line, md_paragraph
from workshop.render.pdf_layout import FONT, PdfWriter


# --- PDF ---------------------------------------------------------------------
def pdf(w: PdfWriter, view: OpenSpaceView) -> None:
    L = view.labels
    if view.record.theme:
        w.para(view.record.theme, bold_label=L["theme"])
    if view.wall_rows:
        _pdf_wall(w, view)
    if view.headcount:
        w.together(w.step.heading(L["headcount_chart"], 2), w.step.chart(view.headcount))
    for tv in view.topics:
        head, notes = _pdf_topic(w, tv, L)
        w.together(*head, *notes, keep=len(head))


def _pdf_topic(w: PdfWriter, tv: TopicView, L: dict[str, str]) -> tuple[list, list]:
    """A topic's steps: its head (title, description, facts), then its notes.
    All on one page where they fit; else at least the head together."""
    step = w.step
    head = [step.heading(tv.topic.title, 2)]
    if tv.topic.description:
        head.append(step.para(tv.topic.description))
    head += [step.para(value, label) for label, value in tv.facts]
    steps = []
    if not tv.note_groups:
        steps.append(step.para(L["no_notes"]))
    for number, group in enumerate(tv.note_groups):
        if number:
            steps.append(step.gap(1))
        steps.append(step.heading(group.heading, 4))
        steps += [
            step.bullet(f"{line.note.text} ({line.detail})" if line.detail else line.note.text)
            for line in group.notes
        ]
    return head, steps  # ending on its last line: together() keeps it with the one before


def _pdf_wall(w: PdfWriter, view: OpenSpaceView) -> None:
    L = view.labels
    pdf = w.pdf
    w.heading(L["wall"], 2)
    pdf.set_font(FONT, "", 9)
    spaces = max(1, len(view.wall_spaces))
    with pdf.table(
        col_widths=(30, *([140 / spaces] * spaces)),
        headings_style=FontFace(emphasis="BOLD", fill_color=(232, 232, 232)),
        line_height=4.6,
        text_align="LEFT",
        repeat_headings=1,
    ) as table:
        header = table.row()
        for name in [L["time"], *(view.wall_spaces or [""])]:
            header.cell(name)
        for wall_row in view.wall_rows:
            row = table.row()
            row.cell(wall_row.label, style=FontFace(emphasis="BOLD"))
            if wall_row.is_break:
                row.cell(
                    L["break"],
                    colspan=spaces,
                    align="CENTER",
                    style=FontFace(emphasis="ITALICS", fill_color=(243, 243, 243)),
                )
            else:
                for cell in wall_row.cells or [[]]:
                    row.cell("\n".join(cell))
    pdf.ln(3)


# --- DOCX --------------------------------------------------------------------
def docx(doc, view: OpenSpaceView) -> None:
    L = view.labels
    clean = docx_layout.clean
    if view.record.theme:
        docx_layout.labelled(doc, L["theme"], view.record.theme)
    if view.wall_rows:
        _docx_wall(doc, view)
    if view.headcount:
        doc.add_heading(L["headcount_chart"], 2)
        docx_layout.chart(doc, view.headcount)
    for tv in view.topics:
        # Word keeps a topic's head (title, description, facts) on one page.
        doc.add_heading(clean(tv.topic.title), 2)
        if tv.topic.description:
            doc.add_paragraph(clean(tv.topic.description)).paragraph_format.keep_with_next = True
        for number, (label, value) in enumerate(tv.facts, start=1):
            docx_layout.labelled(doc, label, value, keep_with_next=number < len(tv.facts))
        if not tv.note_groups:
            doc.add_paragraph(L["no_notes"])
        for group in tv.note_groups:
            doc.add_heading(group.heading, 3)
            for line in group.notes:
                p = doc.add_paragraph(clean(line.note.text), style="List Bullet")
                if line.detail:
                    p.add_run(f" ({clean(line.detail)})").italic = True


def _docx_wall(doc, view: OpenSpaceView) -> None:
    L = view.labels
    clean = docx_layout.clean
    doc.add_heading(L["wall"], 2)
    columns = 1 + max(1, len(view.wall_spaces))
    table = doc.add_table(rows=1, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    docx_layout.mark_header_row(header)
    for cell, text in zip(header.cells, [L["time"], *view.wall_spaces]):
        cell.paragraphs[0].add_run(clean(text)).bold = True
    for wall_row in view.wall_rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(clean(wall_row.label)).bold = True
        if wall_row.is_break:
            merged = cells[1].merge(cells[-1]) if columns > 2 else cells[1]
            merged.paragraphs[0].add_run(L["break"]).italic = True
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            for cell, titles in zip(cells[1:], wall_row.cells):
                cell.text = clean("\n".join(titles))


# --- Markdown ------------------------------------------------------------------
def markdown(view: OpenSpaceView) -> list[str]:
    L = view.labels
    out = []
    if view.record.theme:
        out += [md_labelled(L["theme"], view.record.theme), ""]
    if view.wall_rows:
        out += [f"### {md_line(L['wall'])}", "", *_markdown_wall(view)]
    if view.headcount:
        out += [f"### {md_line(L['headcount_chart'])}", "", md_image(view.headcount), ""]
    for tv in view.topics:
        out += [f"### {md_line(tv.topic.title)}", ""]
        if tv.topic.description:
            out += [md_paragraph(tv.topic.description), ""]
        out += [f"- {md_labelled(label, value)}" for label, value in tv.facts] + [""]
        if not tv.note_groups:
            out += [md_line(L["no_notes"]), ""]
        for group in tv.note_groups:
            out += [f"#### {md_line(group.heading)}", ""]
            for line in group.notes:
                detail = f" ({md_line(line.detail)})" if line.detail else ""
                out.append(f"- {md_paragraph(line.note.text)}{detail}".replace("  \n", "  \n  "))
            out.append("")
    return out


def _markdown_wall(view: OpenSpaceView) -> list[str]:
    L = view.labels
    header = [L["time"], *view.wall_spaces]
    out = ["| " + " | ".join(md_line(h) for h in header) + " |", "|" + "---|" * len(header)]
    for row in view.wall_rows:
        cells = (
            [L["break"]] * max(1, len(view.wall_spaces))
            if row.is_break
            else ["; ".join(c) for c in row.cells]
        )
        out.append("| " + " | ".join(md_line(x) for x in [row.label, *cells]) + " |")
    return out + [""]


# --- CSV and JSON ----------------------------------------------------------------
def csv(view: OpenSpaceView) -> dict:
    record = view.record
    spaces = {s.id: s.name for s in record.spaces}
    slots = {s.id: s for s in record.slots}
    return {
        "topics.csv": (
            [
                "topic",
                "title",
                "description",
                "convener",
                "space",
                "slot",
                "starts_at",
                "interest",
                "peak",
                "votes",
                "notes",
            ],
            [
                [
                    tp.id,
                    tp.title,
                    tp.description,
                    tp.convener,
                    spaces.get(tp.space),
                    slots[tp.slot].label if tp.slot in slots else None,
                    slots[tp.slot].starts_at if tp.slot in slots else None,
                    tp.interest,
                    tp.peak,
                    tp.votes,
                    len(tp.notes),
                ]
                for tp in record.topics
            ],
        ),
        "notes.csv": (
            ["note", "topic", "topic_title", "kind", "text", "who", "when", "at"],
            [
                [n.id, tp.id, tp.title, n.kind, n.text, n.who, n.when, n.at]
                for tp in record.topics
                for n in tp.notes
            ],
        ),
    }


def json(view: OpenSpaceView) -> dict:
    record = view.record
    return {
        "openspace": {
            "theme": record.theme,
            "dots": record.dots,
            "spaces": [asdict(s) for s in record.spaces],
            "slots": [asdict(s) for s in record.slots],
            "topics": [_topic_json(tv) for tv in view.topics],
        }
    }


def _topic_json(tv: TopicView) -> dict:
    d = asdict(tv.topic)  # notes become plain dicts too; convener None = anonymous
    d["place"] = tv.place  # "Stora salen, 13:00 Pass 1", as printed
    return d
