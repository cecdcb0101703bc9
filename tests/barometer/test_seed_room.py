"""The Värmland day (seed minutes, section Åsiktsbarometer) replayed through
the real doors: phones place themselves and move, raise their hands from
their side of the line and write comments; the facilitator gives the floor
as suggested, moderates, closes, and replays. The appendix then says, under
each statement, who spoke from where, the approved comments by region, and
shows three frames of the movement."""

import io
import re
import time

import docx
import pypdf

from tests.barometer.test_domain_summary import SEED_STATEMENTS
from tests.conftest import ok
from workshop.barometer import appendix_formats as formats
from workshop.barometer.appendix_view import all_charts, build_view
from workshop.barometer.floor.domain import region_of_position
from workshop.i18n import translator
from workshop.render.export_html import _environment, svg_charts
from workshop.render.pdf_layout import AppendixPDF, PdfWriter

TEXTS = [
    "Min organisation har något att tillföra till Värmlands utveckling",
    "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet i länet",
    "Vi i Värmland bör fortsätta arbetet med att få till en överenskommelse i länet",
    "Överenskommelsearbetet kan göras utan att kosta pengar",
    "Den värmländska överenskommelsen bör vara avgränsad till att bara gälla det sociala området",
    "Integrationsarbetet ska vara utanför den värmländska överenskommelsen",
    "Den kommande regionen i Värmland är viktig för överenskommelsearbetet",
]
# The minutes' own "Kommentar:" lines stay the facilitator's.
FACILITATOR_COMMENTS = {
    3: "använda resurser gemensamt, bli starka",
    6: "det måste vara brett och omfatta alla, begränsas det av överenskommelsen?",
}
# Written on phones: (statement, phone, text, approved?)
PHONE_COMMENTS = [
    (3, 0, "Samverkan kräver att vi delar resurser", True),
    (4, 8, "Det kostar – tid och pengar", True),
    (4, 1, "<b>Gratis</b> är det aldrig", True),
    (4, 9, "Det här ska bort", False),
    (6, 0, "Integration hör hemma i överenskommelsen", True),
]
PHONES = 13
# Names must never reach the appendix: the phones only ever had pseudonyms.
REGION_WORDS = {
    "disagree": "håller inte med-sidan",
    "middle": "mitten",
    "agree": "håller med-sidan",
    "pass": "dem som passade",
}


def first_value(final: int, j: int) -> int:
    """Every third person starts 20 points towards the middle of the line, then moves."""
    if j % 3:
        return final
    return final + 20 if final < 50 else final - 20


def test_the_seed_day_yields_an_appendix_with_the_floor_comments_and_movement(api, phone, store, workshop):
    wid = workshop["id"]
    # Every region labelled, however few stand there (small groups protected
    # has its own tests: tests/barometer/floor/test_protected.py).
    store.update_workshop_settings(wid, min_group=1)
    phones = [phone() for _ in range(PHONES)]
    ids = [api("POST", "/statements", {"text": text})["id"] for text in TEXTS]
    api("PATCH", "/barometer", {"phone_comments": True})
    spoken = {}
    for number, (sid, (_, values, *_)) in enumerate(zip(ids, SEED_STATEMENTS), start=1):
        api("POST", f"/statements/{sid}/open")
        for j, value in enumerate(values):
            # Settled there (a finger lifted): the first place counts as a position taken.
            ok(phones[j], "position", {"statement": sid, "value": first_value(value, j), "settled": True})
        for j, value in enumerate(values):
            ok(phones[j], "position", {"statement": sid, "value": value})
        # One hand from each region present, asked in line order from the right.
        askers = {}
        for j, value in sorted(enumerate(values), key=lambda jv: -jv[1]):
            askers.setdefault(region_of_position(value), j)
        for j in askers.values():
            ok(phones[j], "hand", {"on": True})
        order = [
            api("POST", f"/statements/{sid}/floor", {"participant": None})["speaker"]["region"]
            for _ in askers
        ]
        api("DELETE", f"/statements/{sid}/floor")
        spoken[number] = order
        if number in FACILITATOR_COMMENTS:
            api("POST", f"/statements/{sid}/comments", {"text": FACILITATOR_COMMENTS[number]})
        for n, j, text, approve in PHONE_COMMENTS:
            if n == number:
                cid = ok(phones[j], "comment", {"statement": sid, "text": text})["id"]
                api(
                    "PATCH",
                    f"/statements/{sid}/phone-comments/{cid}",
                    {"status": "approved" if approve else "rejected"},
                )
        api("POST", f"/statements/{sid}/close")

    # Replay the third statement at 20x: it runs to the end by itself.
    scrubber = api("POST", f"/statements/{ids[2]}/replay", {"speed": 20})
    assert scrubber["playing"] and scrubber["duration_ms"] > 0
    deadline = time.monotonic() + scrubber["duration_ms"] / 20 / 1000 + 5
    while store.replay(wid).playing and time.monotonic() < deadline:  # ends by itself, a timer's tick late
        time.sleep(0.02)
    assert store.replay(wid).playing is False and store.replay(wid).at_ms == scrubber["duration_ms"]

    view = build_view(store.barometer_record(wid), "sv", translator("sv"))
    assert len(view.statements) == 7
    for s in view.statements:
        # Who spoke from where: each region present once, the least heard first.
        regions = spoken[s.record.number]
        assert len(set(regions)) == len(regions)
        assert s.floor_text.endswith(
            "i tur och ordning: " + ", ".join(REGION_WORDS[r] for r in regions) + "."
        )
        # Three frames of movement: every third person moved.
        assert s.frames_chart is not None
        assert s.movement.moved > 0
    by_number = {s.record.number: s for s in view.statements}
    assert by_number[4].phone_comments == [
        ("Kommentar från håller inte med-sidan", ["Det kostar – tid och pengar"]),
        ("Kommentar från mitten", ["<b>Gratis</b> är det aldrig"]),
    ]
    assert by_number[3].phone_comments == [
        ("Kommentar från håller inte med-sidan", ["Samverkan kräver att vi delar resurser"])
    ]

    # The same in the documents themselves.
    html = (
        _environment()
        .get_template("barometer/appendix.html")
        .render(view=view, charts=svg_charts(all_charts(view), "chart"))
    )
    assert html.count('<fieldset class="replay-frames">') == 7
    assert html.count("<strong>Ordet:</strong>") == 7
    assert "&lt;b&gt;Gratis&lt;/b&gt; är det aldrig" in html and "Det här ska bort" not in html
    pdf = AppendixPDF(footer_text="Bilaga", page_label="{page}/{pages}")
    pdf.add_page()
    formats.pdf(PdfWriter(pdf), view)
    text = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(bytes(pdf.output()))).pages).split()
    )
    assert text.count("Ordet: ") == 7
    assert text.index("Kommentar: använda resurser gemensamt") < text.index(
        "Kommentar från håller inte med-sidan"
    )
    document = docx.Document()
    formats.docx(document, view)
    alts = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert sum(a.startswith("Återuppspelningen i tre bilder") for a in alts) == 7
    assert not re.search(r"\bP\d+\b", text), "the appendix says where people stood, not who they were"
