"""The barometer's section of the appendix: who spoke from where, approved
comments from phones by region (after the facilitator's own), and the
replay's three frames, in every format. Drives the section's own hooks, so
it needs no other method's section."""

import io
import re

import docx
import pypdf
import pytest

from workshop.barometer import appendix_formats as formats
from workshop.barometer import charts
from workshop.barometer.appendix_view import all_charts, build_view
from workshop.barometer.record import (
    BarometerRecord,
    Comment,
    PhoneComment,
    PositionChange,
    SpokenTurn,
    StatementRecord,
)
from workshop.i18n import translator
from workshop.render.export_html import _environment, svg_charts
from workshop.render.pdf_layout import AppendixPDF, PdfWriter

SCRIPT = "<script>alert(1)</script>"


def at(minute: int, second: int = 0) -> str:
    return f"2015-11-20T10:{minute:02d}:{second:02d}.000+00:00"


def statement(number: int, movers: bool = True, **extra) -> StatementRecord:
    history = [PositionChange(1, 20, at(0)), PositionChange(2, 50, at(1)), PositionChange(3, 80, at(2))]
    if movers:
        history += [
            PositionChange(1, 40, at(6)),
            PositionChange(3, None, at(9)),
            PositionChange(2, 60, at(10)),
        ]
    final = {}
    for h in history:
        final[h.participant] = h.value
    return StatementRecord(
        id=100 + number,
        number=number,
        text=f"Påstående {number}",
        final=final,
        history=history,
        comments=[Comment("använda resurser gemensamt", at(11))],
        opened_at=at(0),
        closed_at=at(12),
        **extra,
    )


RECORD = BarometerRecord(
    statements=[
        statement(
            1,
            turns=[
                SpokenTurn(1, "disagree", at(3)),
                SpokenTurn(3, "agree", at(4)),
                SpokenTurn(2, "disagree", at(5)),
                SpokenTurn(4, "pass", at(6)),
            ],
            phone_comments=[
                PhoneComment("Bli starka tillsammans", "agree", at(3)),
                PhoneComment(f"Det kostar {SCRIPT} & mer", "disagree", at(4)),
                PhoneComment("Vet inte än", "pass", at(5)),
                PhoneComment("Gemensamma resurser", "agree", at(6)),
            ],
        ),
        statement(2, movers=False),
    ]
)

SV_FLOOR = (
    "2 från håller inte med-sidan, 1 från håller med-sidan, 1 från dem som passade; "
    "i tur och ordning: håller inte med-sidan, håller med-sidan, håller inte med-sidan, dem som passade."
)
SV_COMMENTS = [
    "Kommentar från håller inte med-sidan: Det kostar <script>alert(1)</script> & mer",
    "Kommentar från håller med-sidan: Bli starka tillsammans",
    "Kommentar från håller med-sidan: Gemensamma resurser",
    "Kommentar från dem som passade: Vet inte än",
]


def view(lang="sv"):
    return build_view(RECORD, lang, translator(lang))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_view_floor_comments_and_frames():
    first, second = view().statements
    assert first.floor_text == SV_FLOOR
    assert [label for label, _ in first.phone_comments] == [
        "Kommentar från håller inte med-sidan",
        "Kommentar från håller med-sidan",
        "Kommentar från dem som passade",
    ]
    assert first.frames_chart.file == "charts/statement-01-frames.png"
    assert first.frames_chart.alt.startswith(
        "Återuppspelningen i tre bilder: Första positioner: 3 positioner"
    )
    # Nobody spoke, no phone comments, nobody moved: nothing to add.
    assert (second.floor_text, second.phone_comments, second.frames_chart) == (None, [], None)
    assert view("en").statements[0].floor_text.startswith("2 from the disagree side, 1 from the agree side")
    # Where people moved, the three frames stand in for the strip (their last
    # row is the final positions); movement charts follow, as always.
    assert [c.file for c in all_charts(view())] == [
        "charts/statement-01-frames.png",
        "charts/statement-02.png",
        "charts/statement-01-movement.png",
    ]
    second = view().statements[1]
    assert second.positions_chart is second.strip


def pdf_text() -> str:
    pdf = AppendixPDF(footer_text="Bilaga", page_label="{page}/{pages}")
    pdf.add_page()
    formats.pdf(PdfWriter(pdf), view())
    reader = pypdf.PdfReader(io.BytesIO(bytes(pdf.output())))
    return flat("\n".join(p.extract_text() for p in reader.pages))


def test_pdf_says_who_spoke_from_where_and_lists_comments_after_the_facilitators():
    text = pdf_text()
    assert f"Ordet: {SV_FLOOR}" in text
    positions = [text.index(flat(c)) for c in SV_COMMENTS]
    assert positions == sorted(positions)
    assert text.index("Kommentar: använda resurser gemensamt") < positions[0]


def test_docx_has_the_same_and_the_frames_picture():
    doc = docx.Document()
    formats.docx(doc, view())
    paragraphs = [p.text for p in doc.paragraphs]
    assert f"Ordet: {SV_FLOOR}" in paragraphs
    found = [paragraphs.index(c) for c in SV_COMMENTS]
    assert found == sorted(found) and paragraphs.index("Kommentar: använda resurser gemensamt") < found[0]
    alts = [shape._inline.docPr.get("descr") for shape in doc.inline_shapes]
    assert any(a.startswith("Återuppspelningen i tre bilder") for a in alts)


def test_markdown():
    lines = formats.markdown(view())
    text = "\n".join(lines)
    assert f"**Ordet:** {SV_FLOOR}" in text
    assert (
        "**Kommentar från håller inte med-sidan:** Det kostar \\<script\\>alert(1)\\</script\\> \\& mer"
        in text
    )
    assert "(charts/statement-01-frames.png)" in text


def test_csv_and_json():
    tables = formats.csv(view())
    header, rows = tables["floor.csv"]
    assert header == ["statement", "statement_text", "turn", "region", "at", "until", "seconds"]
    assert [r[2:4] for r in rows] == [[1, "disagree"], [2, "agree"], [3, "disagree"], [4, "pass"]]
    header, rows = tables["phone_comments.csv"]
    assert [r[2] for r in rows] == ["agree", "disagree", "pass", "agree"]
    out = formats.json(view())["statements"][0]
    assert {k: out["floor"][k] for k in ("heard", "order", "seconds")} == {
        "heard": {"disagree": 2, "middle": 0, "agree": 1, "pass": 1},
        "order": ["disagree", "agree", "disagree", "pass"],
        "seconds": {"disagree": 0, "middle": 0, "agree": 0, "pass": 0},  # no turn here has an end
    }
    assert out["phone_comments"][1] == {
        "text": f"Det kostar {SCRIPT} & mer",
        "region": "disagree",
        "at": at(4),
    }
    assert out["frames"] == {
        "first": {"values": [20, 50, 80], "passes": 0},
        "middle": {"values": [20, 50, 80], "passes": 0},
        "final": {"values": [40, 60], "passes": 1},
    }


def html() -> str:
    v = view()
    return (
        _environment()
        .get_template("barometer/appendix.html")
        .render(view=v, charts=svg_charts(all_charts(v), "chart"))
    )


def test_html_escapes_and_carries_a_script_free_replay():
    page = html()
    assert SCRIPT not in page and "Det kostar &lt;script&gt;alert(1)&lt;/script&gt; &amp; mer" in page
    assert "<script" not in page.lower()
    assert f"<strong>Ordet:</strong> {SV_FLOOR}" in page
    # One fieldset per statement that moved (in place of its strip), three labelled radios.
    (fieldset,) = re.findall(r'<fieldset class="replay-frames">.*?</fieldset>', page, re.S)
    assert "<legend>Återuppspelning</legend>" in fieldset
    radios = re.findall(
        r'<label><input type="radio" name="replay-1" value="(\w+)"( checked)?> ([^<]+)</label>', fieldset
    )
    assert radios == [
        ("first", "", "Första positioner"),
        ("middle", "", "Halvvägs"),
        ("final", " checked", "Slutliga positioner"),
    ]  # the final positions, as the strip was
    assert 'role="img"' in fieldset and "<title" in fieldset
    # CSS crops the three-row chart to the chosen row.
    step = 100 * charts.FRAME_ROW_HEIGHT / charts.FRAMES_WIDTH
    assert f'input[value="middle"]:checked) svg.chart {{ margin-top: -{step:.4f}%; }}' in page
    assert f'input[value="final"]:checked) svg.chart {{ margin-top: -{2 * step:.4f}%; }}' in page


def test_frames_chart_has_three_rows_of_equal_height_and_literal_labels():
    frames = (("Kostar $x^2$ ${ b $", (10, 20, 30), 1), ("Halvvägs", (40,), 0), ("Slut", (), 2))
    svg = charts.frames_chart(frames, "sv", "svg").decode()
    width, height = (float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())
    assert width == charts.FRAMES_WIDTH * 72
    assert height == pytest.approx((3 * charts.FRAME_ROW_HEIGHT + charts.FRAMES_SCALE_HEIGHT) * 72)
    assert charts.frames_chart(frames, "en", "png").startswith(b"\x89PNG")


def test_json_and_charts_agree_on_where_people_first_stood():
    """Issue 20: frames.first showed where a finger first touched (50), while
    the movement pairs start where the person settled (85, 40)."""
    history = [
        PositionChange(1, 50, at(0, 0)),
        PositionChange(1, 85, at(0, 1), True),
        PositionChange(2, 92, at(0, 2), True),
        PositionChange(3, 50, at(0, 3)),
        PositionChange(3, 40, at(0, 4), True),
        PositionChange(1, 60, at(5), True),
        PositionChange(3, 20, at(6), True),
    ]
    record = BarometerRecord(
        statements=[
            StatementRecord(
                id=1,
                number=1,
                text="S",
                final={1: 60, 2: 92, 3: 20},
                history=history,
                comments=[],
                opened_at=at(0),
                closed_at=at(7),
            )
        ]
    )
    out = formats.json(build_view(record, "sv", translator("sv")))["statements"][0]
    assert [first for first, _ in out["movement"]["pairs"]] == [85, 92, 40]
    assert out["frames"]["first"] == {"values": [85, 92, 40], "passes": 0}
    (s,) = build_view(record, "sv", translator("sv")).statements
    assert "Första positioner: 3 positioner" in s.frames_chart.alt and "50" not in s.frames_chart.alt
