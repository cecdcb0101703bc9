"""A realistic appendix: the Värmland day from the seed minutes.

Seven statements with distributions built to match the minutes' phrases,
some people moving during discussion, comments from the minutes, and an
Open Space afternoon with three spaces, three slots (one of them "Fika") and
notes of every kind. One statement and one note carry markup and Swedish
letters, one note is 20,000 characters long.
"""

from __future__ import annotations

import pytest

from tests.registry import REGISTRY
from workshop.barometer.record import (
    BarometerRecord,
    Comment,
    PhoneComment,
    PositionChange,
    SpokenTurn,
    StatementRecord,
)
from workshop.domain.appendix import Appendix
from workshop.openspace.record import Note, OpenSpaceRecord, Slot, Space, Topic

SCRIPT = "<script>alert(1)</script>"
SWEDISH = "åäöÅÄÖ"
LONG_NOTE = ("Lång anteckning om samverkan mellan idéburna organisationer och det offentliga. " * 260)[
    :20_000
]

# (text, final values, passes, start values for movers, comments)
STATEMENTS = [
    (
        "Min organisation har något att tillföra till Värmlands utveckling",
        [75, 80, 85, 90, 95, 100, 88, 92, 70, 80],
        0,
        {},
        [],
    ),
    (
        "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet i länet",
        [3, 9, 16, 24, 31, 37, 44, 51, 58, 64],
        1,
        {2: 70, 5: 60},
        [],
    ),
    (
        "Vi i Värmland bör fortsätta arbetet med att få till en överenskommelse i länet",
        [20, 45, 50, 55, 60, 70, 75, 80, 85, 90, 95, 72],
        0,
        {1: 40, 3: 30, 7: 90},
        ["använda resurser gemensamt, bli starka"],
    ),
    (
        "Överenskommelsearbetet kan göras utan att kosta pengar",
        [45, 50, 50, 55, 55, 60, 48, 52, 5, 8, 10, 12, 15],
        2,
        {9: 50},
        ["det kostar"],
    ),
    (
        "Den värmländska överenskommelsen bör vara avgränsad till att bara gälla det sociala området",
        [3, 9, 16, 24, 31, 37, 44, 51, 58, 64],
        0,
        {},
        [],
    ),
    (
        f"Integrationsarbetet ska vara utanför den värmländska överenskommelsen {SCRIPT} {SWEDISH}",
        [5, 15, 25, 40, 50, 60, 70, 80, 90, 100],
        3,
        {4: 20},
        ["det måste vara brett och omfatta alla, begränsas det av överenskommelsen?", f"{SCRIPT} & co"],
    ),
    (
        "Den kommande regionen i Värmland är viktig för överenskommelsearbetet",
        [55, 58, 60, 62, 65, 68, 70, 72, 75, 78],
        0,
        {},
        [],
    ),
]

EXPECTED_SUMMARIES = [
    ("Alla håller med", "Everyone agrees"),
    ("Spridning mellan mitten och håller inte med", "Spread between the middle and disagree"),
    ("Lätt övervikt åt håller med", "Slight lean towards agree"),
    (
        "Gruppering i mitten och en grupp som inte håller med",
        "A group in the middle and a group that disagrees",
    ),
    ("Spridning mellan mitten och håller inte med", "Spread between the middle and disagree"),
    (
        "Spridning över hela skalan. Många pass (3 av 13).",
        "Spread over the whole scale. Many passes (3 of 13).",
    ),
    ("Grupperat från mitten till håller med", "Grouped from the middle to agree"),
]

TOPIC_TITLES = ["Projektledning", "Folkhälsa, psykisk hälsa", "Kommunikation"]

# Statement 3 was discussed: Ordet went round the line and two phones'
# comments were approved (one of them markup).
FLOOR = {
    3: [
        SpokenTurn(1, "disagree", "2015-11-20T09:14:00Z"),
        SpokenTurn(9, "agree", "2015-11-20T09:15:00Z"),
        SpokenTurn(3, "middle", "2015-11-20T09:16:00Z"),
    ]
}
PHONE_COMMENTS = {
    3: [
        PhoneComment("Gemensamma resurser gör oss starka", "agree", "2015-11-20T09:14:30Z"),
        PhoneComment(f"Vem betalar? {SCRIPT}", "disagree", "2015-11-20T09:15:30Z"),
    ]
}


def _at(minute: int) -> str:
    return f"2015-11-20T09:{minute % 60:02d}:00Z"


def _statement(number: int, text, values, passes, starts, comments) -> StatementRecord:
    final: dict[int, int | None] = {p: v for p, v in enumerate(values, start=1)}
    for i in range(passes):
        final[len(values) + 1 + i] = None
    history = []
    for p, start in sorted(starts.items()):  # movers: a drag that settles, later the final one
        history.append(PositionChange(p, 50, _at(number)))  # a sample while dragging
        history.append(PositionChange(p, start, _at(number), gesture_end=True))
    for p, v in final.items():
        history.append(PositionChange(p, v, _at(number + 10), gesture_end=True))
    return StatementRecord(
        id=100 + number,
        number=number,
        text=text,
        final=final,
        history=history,
        comments=[Comment(c, _at(number + 20)) for c in comments],
        opened_at=_at(number),
        closed_at=_at(number + 30),
        turns=FLOOR.get(number, []),
        phone_comments=PHONE_COMMENTS.get(number, []),
    )


def _notes(topic: int, extra: list[Note] = ()) -> list[Note]:
    base = topic * 10
    return [
        Note(base + 1, topic, "text", f"Struktur – nästa steg för område {topic}", _at(1)),
        Note(base + 2, topic, "key_point", f"Det måste finnas någon ansvarig ({topic})", _at(2)),
        Note(
            base + 3,
            topic,
            "proposal",
            f"Bjuda in alla idéburna organisationer ({topic})",
            _at(3),
            who="Arbetsgruppen",
            when="mars 2016",
        ),
        Note(base + 4, topic, "question", f"Ekonomi? Vem betalar ({topic})?", _at(4)),
        *extra,
    ]


def build_appendix() -> Appendix:
    spaces = [Space(1, "Stora salen", 40), Space(2, "Rum Klarälven"), Space(3, "Rum Vänern", 12)]
    slots = [
        Slot(1, "Pass 1", "13:00", 60),
        Slot(2, "Fika", "14:00", 30, kind="break"),
        Slot(3, "Pass 2", "14:30", 60),
    ]
    topics = [
        Topic(
            1,
            TOPIC_TITLES[0],
            "Vem håller i arbetet?",
            "Helena Olsson",
            space=1,
            slot=1,
            interest=14,
            here=0,
            peak=12,
            votes=7,
            notes=_notes(1),
        ),
        Topic(
            2,
            TOPIC_TITLES[1],
            "Samverkan kring vilka föreningar som finns",
            None,
            space=2,
            slot=1,
            interest=9,
            peak=8,
            votes=4,
            notes=_notes(2, [Note(29, 2, "text", LONG_NOTE, _at(9))]),
        ),
        Topic(
            3,
            TOPIC_TITLES[2],
            "Avsändare, budskap, mottagare",
            "Åsa Löfvenberg",
            space=1,
            slot=3,
            interest=11,
            peak=10,
            votes=5,
            notes=_notes(
                3, [Note(39, 3, "key_point", f"Första steget: en avsändare {SCRIPT} {SWEDISH}", _at(9))]
            ),
        ),
    ]
    return Appendix(
        section_types=REGISTRY.appendix_sections(),
        title="Länsträff idéburna organisationer Värmland",
        code="VRM15",
        language="sv",
        created_at="2015-11-20T08:00:00Z",
        date="2015-11-20",
        participants=16,
        sections={
            "barometer": BarometerRecord(
                statements=[_statement(i, *row) for i, row in enumerate(STATEMENTS, start=1)]
            ),
            "openspace": OpenSpaceRecord(
                theme="Hur går vi vidare med överenskommelsen i Värmland?",
                spaces=spaces,
                slots=slots,
                topics=topics,
            ),
        },
    )


@pytest.fixture(scope="session")
def appendix() -> Appendix:
    return build_appendix()


def pseudo_translator(lang: str):
    """Marks every translated string: '⟪Comment⟫'. Shows that a label went
    through gettext, without depending on the Swedish catalog."""
    if lang == "sv":
        return lambda msgid: f"⟪{msgid}⟫"
    return lambda msgid: msgid


@pytest.fixture
def pseudo_swedish(monkeypatch):
    import workshop.barometer.charts
    import workshop.openspace.charts
    import workshop.render.appendix_view

    for module in (workshop.render.appendix_view, workshop.barometer.charts, workshop.openspace.charts):
        monkeypatch.setattr(module, "translator", pseudo_translator)
