"""The barometer's section in each export format.

Each function lays out a BarometerView after the shared core wrote the
section's heading (see workshop.render.section).
"""

from __future__ import annotations

from dataclasses import asdict

from workshop.barometer.appendix_view import BarometerView, StatementView
from workshop.barometer.floor.domain import seconds_heard, spoken, turn_seconds
from workshop.domain.participants import pseudonym
from workshop.domain.texts import TEXT_LANGUAGES
from workshop.render import docx_layout
from workshop.render.markdown_text import md_image, md_labelled, md_line, md_paragraph
from workshop.render.pdf_layout import PdfWriter


def pdf(w: PdfWriter, view: BarometerView) -> None:
    """Each statement on one page where it fits; where long comments make
    it too tall, still its block (heading, counts, chart, summary, movement)."""
    L = view.labels
    step = w.step
    if not view.statements:
        w.para(L["no_statements"])
    for s in view.statements:
        block = [
            step.heading(s.heading, 2),
            step.para(s.counts),
            # The replay's caption stays with its frames (the block is kept together).
            *([step.para(L["frames_caption"], L["replay"])] if s.frames_chart else []),
            step.chart(s.positions_chart),
            step.para(s.summary_line, s.summary_label),
            step.para(s.movement_text, L["movement"]),
        ]
        if s.movement_chart:
            block.append(step.chart(s.movement_chart))
        if s.rounds_text:
            block.append(step.para(s.rounds_text, L["rounds"]))
        if s.rounds_chart:
            block.append(step.chart(s.rounds_chart))
        if s.texts_text:
            block.insert(2, step.para(s.texts_text, L["texts"]))
        after = [step.para(c.text, L["comment"]) for c in s.record.comments]
        if s.floor_text:
            after.append(step.para(s.floor_text, L["floor"]))
        after += [step.para(text, label) for label, text in _phone_comment_lines(s)]
        w.together(*block, *after, keep=len(block))


def docx(doc, view: BarometerView) -> None:
    L = view.labels
    if not view.statements:
        doc.add_paragraph(L["no_statements"])
    for s in view.statements:
        # Word keeps the block (heading to movement) on one page.
        doc.add_heading(docx_layout.clean(s.heading), 2)
        doc.add_paragraph(s.counts).paragraph_format.keep_with_next = True
        if s.frames_chart:
            docx_layout.labelled(doc, L["replay"], L["frames_caption"], keep_with_next=True)
        docx_layout.chart(doc, s.positions_chart, keep_with_next=True)
        docx_layout.labelled(doc, s.summary_label, s.summary_line, keep_with_next=True)
        docx_layout.labelled(doc, L["movement"], s.movement_text, keep_with_next=bool(s.movement_chart))
        if s.movement_chart:
            docx_layout.chart(doc, s.movement_chart)
        if s.rounds_text:
            docx_layout.labelled(doc, L["rounds"], s.rounds_text, keep_with_next=bool(s.rounds_chart))
        if s.rounds_chart:
            docx_layout.chart(doc, s.rounds_chart)
        if s.texts_text:
            docx_layout.labelled(doc, L["texts"], s.texts_text)
        for c in s.record.comments:
            docx_layout.labelled(doc, L["comment"], c.text)
        if s.floor_text:
            docx_layout.labelled(doc, L["floor"], s.floor_text)
        for label, text in _phone_comment_lines(s):
            docx_layout.labelled(doc, label, text)


def markdown(view: BarometerView) -> list[str]:
    L = view.labels
    out = []
    if not view.statements:
        out += [md_line(L["no_statements"]), ""]
    for s in view.statements:
        out += [
            f"### {md_line(s.heading)}",
            "",
            md_line(s.counts),
            "",
            *([md_labelled(L["replay"], L["frames_caption"]), ""] if s.frames_chart else []),
            md_image(s.positions_chart),
            "",
            f"**{md_line(s.summary_label)}:** {md_paragraph(s.summary_line)}",
            "",
            md_labelled(L["movement"], s.movement_text),
            "",
        ]
        if s.movement_chart:
            out += [md_image(s.movement_chart), ""]
        if s.rounds_text:
            out += [md_labelled(L["rounds"], s.rounds_text), ""]
        if s.rounds_chart:
            out += [md_image(s.rounds_chart), ""]
        if s.texts_text:
            out += [md_labelled(L["texts"], s.texts_text), ""]
        for c in s.record.comments:
            out += [f"**{md_line(L['comment'])}:** {md_paragraph(c.text)}", ""]
        if s.floor_text:
            out += [md_labelled(L["floor"], s.floor_text), ""]
        for label, text in _phone_comment_lines(s):
            out += [md_labelled(label, text), ""]
    return out


def _phone_comment_lines(s: StatementView) -> list[tuple[str, str]]:
    """After the facilitator's own comments, each approved comment from a
    phone, grouped by region: ("Kommentar från mitten", text)."""
    return [(label, text) for label, texts in s.phone_comments for text in texts]


def csv(view: BarometerView) -> dict:
    """positions.csv holds every change (the full history, not only final
    positions), so a spreadsheet can replay the barometer; ``gesture_end``
    is 1 where the phone said a gesture ended (the person settled there).
    floor.csv: who was given the floor, by region, in order;
    phone_comments.csv: the approved ones (every cell goes through the
    shared writer's formula guard, see render/export_csv.py)."""
    statements = [s.record for s in view.statements]
    return {
        "positions.csv": (
            ["statement", "statement_text", "participant", "value", "at", "gesture_end"],
            [
                [
                    s.number,
                    s.text,
                    pseudonym(h.participant),
                    "pass" if h.value is None else h.value,
                    h.at,
                    int(h.gesture_end),
                ]
                for s in statements
                for h in s.history
            ],
        ),
        "comments.csv": (
            ["statement", "statement_text", "comment", "at"],
            [[s.number, s.text, c.text, c.at] for s in statements for c in s.comments],
        ),
        # region "someone": a protected turn (fewer than min_group stood there then).
        "floor.csv": (
            ["statement", "statement_text", "turn", "region", "at", "until", "seconds"],
            [
                [s.number, s.text, i, turn.region, turn.at, turn.until, turn_seconds(turn)]
                for s in statements
                for i, turn in enumerate(s.turns, start=1)
            ],
        ),
        "phone_comments.csv": (
            ["statement", "statement_text", "region", "comment", "at"],
            [[s.number, s.text, c.region, c.text, c.at] for s in statements for c in s.phone_comments],
        ),
        # "Fråga igen": each earlier round's final positions (the last round's are positions.csv's).
        "rounds.csv": (
            ["statement", "statement_text", "round", "participant", "value"],
            [
                [s.number, s.text, r.round, pseudonym(p), "pass" if v is None else v]
                for s in statements
                for r in s.rounds
                for p, v in sorted(r.final.items())
            ],
        ),
        "statements.csv": (
            [
                "statement",
                "statement_text",
                "positions",
                "passes",
                "summary",
                "shape",
                "moved",
                "towards_agree",
                "towards_disagree",
                "mean_shift",
                "round",
                # The statement in its other languages (empty: none).
                *(f"text_{lang}" for lang in TEXT_LANGUAGES),
                "minutes",  # the Protokollsanteckning (empty: none written)
            ],
            [
                [
                    sv.record.number,
                    sv.record.text,
                    len(sv.record.values),
                    sv.record.passes,
                    sv.summary_text,
                    sv.summary.shape,
                    sv.movement.moved,
                    sv.movement.towards_agree,
                    sv.movement.towards_disagree,
                    sv.movement.mean_shift,
                    sv.record.round,
                    *(sv.record.texts.get(lang) for lang in TEXT_LANGUAGES),
                    (sv.record.minutes or {}).get("text"),
                ]
                for sv in view.statements
            ],
        ),
    }


def json(view: BarometerView) -> dict:
    """Both language versions of every summary are included under ``summary``."""
    return {"statements": [_statement_json(s) for s in view.statements]}


def _statement_json(s: StatementView) -> dict:
    r = s.record
    heard, order = spoken(r.turns)
    return {
        "id": r.id,
        "number": r.number,
        "text": r.text,
        "opened_at": r.opened_at,
        "closed_at": r.closed_at,
        "values": r.values,
        "passes": r.passes,
        "final": {pseudonym(p): v for p, v in sorted(r.final.items())},
        "summary": s.summary.as_dict(),
        "summary_text": s.summary_text,
        "movement": s.movement.as_dict(),
        "movement_text": s.movement_text,
        "comments": [asdict(c) for c in r.comments],
        "history": [
            {
                "participant": pseudonym(h.participant),
                "value": h.value,
                "at": h.at,
                "gesture_end": h.gesture_end,
            }
            for h in r.history
        ],
        # Ordet, by region and in order (who spoke is not kept here), seconds heard per
        # region; protected turns under "someone" (never their region); approved phone comments.
        "floor": {
            "heard": heard,
            "order": order,
            "seconds": seconds_heard(r.turns),
            "turns": [
                {"region": t.region, "since": t.at, "until": t.until, "seconds": turn_seconds(t)}
                for t in r.turns
            ],
        },
        "phone_comments": [{"text": c.text, "region": c.region, "at": c.at} for c in r.phone_comments],
        "frames": asdict(s.frames),  # the replay's stills: first, middle, final
        # "Fråga igen": the round `final` is from, and the earlier rounds' finals.
        "round": r.round,
        "rounds": [
            {"round": x.round, "final": {pseudonym(p): v for p, v in sorted(x.final.items())}}
            for x in r.rounds
        ],
        "rounds_text": s.rounds_text,
        "texts": r.texts,  # the statement in other languages: one distribution, one result
        "minutes": r.minutes,  # {"text", "version"}: the Protokollsanteckning; null: none written
    }
