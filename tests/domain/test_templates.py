"""The template frame, plain statements, and matching across workshops."""

import pytest

from workshop.domain.errors import Invalid
from workshop.domain.templates import match, normalise, statement_csv, statement_lines, validate_document


def test_normalise_ignores_case_spacing_and_punctuation():
    assert normalise("  Kollektivtrafiken  ÄR bra! ") == normalise("kollektivtrafiken är bra")
    assert normalise("Skolan är trygg") != normalise("Skolan är otrygg")


def test_match_by_origin_first_then_by_text():
    items = [
        ("k1", "Bussen räcker"),
        ("k2", "Skolan"),
        ("k1", "Bussen räcker (omformulerad)"),
        (None, "skolan."),
        (None, "Nytt"),
    ]
    assert match(items) == [0, 1, 0, 1, 2]


def test_plain_text_and_csv():
    assert statement_lines("a\n\n  b \n") == ["a", "b"]
    assert statement_csv('Påstående,nr\n"x, y",1\nz,2\n') == ["x, y", "z"]
    assert statement_csv("first\nsecond\n") == [
        "first",
        "second",
    ]  # no known header: the first column, every row
    with pytest.raises(Invalid):
        statement_lines(" \n")


def test_frame_refuses_unknown_methods_and_fields():
    doc = {"format": "workshop-template", "version": 1, "title": "T", "methods": {"x": {}}}
    with pytest.raises(Invalid):
        validate_document(doc, {})
    assert validate_document({**doc, "methods": {"x": {}}}, {"x": lambda part: {"ok": True}})["methods"] == {
        "x": {"ok": True}
    }
