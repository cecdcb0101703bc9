"""The barometer's appendix view: the movement sentence in the export's words."""

from __future__ import annotations

import pytest

from workshop.barometer.appendix_view import build_view
from workshop.barometer.record import BarometerRecord, PositionChange, StatementRecord
from workshop.i18n import translator


def _view(moves: dict[int, tuple[int, int]], lang: str):
    """One statement; participant -> (settled first, final), an hour apart."""
    history = [PositionChange(p, first, "2026-11-20T10:00:00+00:00", True) for p, (first, _) in moves.items()]
    history += [
        PositionChange(p, final, "2026-11-20T11:00:00+00:00", True) for p, (_, final) in moves.items()
    ]
    record = StatementRecord(1, 1, "Påstående", {p: final for p, (_, final) in moves.items()}, history, [])
    return build_view(BarometerRecord([record]), lang, translator(lang)).statements[0]


@pytest.mark.parametrize(
    "moves, en, sv",
    [
        (
            {1: (50, 50)},
            "Nobody moved: the one person kept their first position.",
            "Ingen flyttade sig: den enda stod kvar där den först ställde sig.",
        ),
        (
            {1: (50, 50), 2: (80, 82)},
            "Nobody moved: both kept their first position.",
            "Ingen flyttade sig: båda stod kvar där de först ställde sig.",
        ),
        (
            {1: (50, 50), 2: (80, 82), 3: (10, 10)},
            "Nobody moved: 3 kept their first position.",
            "Ingen flyttade sig: alla 3 stod kvar där de först ställde sig.",
        ),
        (
            {1: (50, 70), 2: (80, 30)},
            "Both moved: 1 towards agree, 1 towards disagree (mean shift -15 points).",
            "Båda flyttade sig: 1 mot håller med, 1 mot håller inte med (i medel -15 steg på skalan).",
        ),
        (
            {1: (50, 70), 2: (80, 80)},
            "1 of 2 moved: 1 towards agree, 0 towards disagree (mean shift +10 points).",
            "1 av 2 flyttade sig: 1 mot håller med, 0 mot håller inte med (i medel +10 steg på skalan).",
        ),
    ],
)
def test_two_people_are_both_never_all_two(moves, en, sv):
    assert _view(moves, "en").movement_text == en
    assert _view(moves, "sv").movement_text == sv


def test_a_drag_that_only_places_people_draws_no_movement_chart():
    history = [PositionChange(1, v, f"2026-11-20T10:00:0{i}.{i}+00:00") for i, v in enumerate((50, 65, 80))]
    history.append(PositionChange(1, 80, "2026-11-20T10:00:03+00:00", True))
    record = StatementRecord(1, 1, "Påstående", {1: 80}, history, [])
    view = build_view(BarometerRecord([record]), "en", translator("en")).statements[0]
    assert view.movement.moved == 0 and view.movement_chart is None
    assert view.movement_text == "Nobody moved: the one person kept their first position."
