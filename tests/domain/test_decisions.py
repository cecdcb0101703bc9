import pytest

from workshop.domain.decisions import Decision, line, validate_changes, validate_decision
from workshop.domain.errors import Invalid


def test_a_decision_with_and_without_who_and_when():
    assert validate_decision({"text": " Ta fram en plan ", "who": "Anna", "when": "v. 12"}) == {
        "text": "Ta fram en plan", "who": "Anna", "when": "v. 12",
    }  # fmt: skip
    assert validate_decision({"text": "Ses igen", "who": " "}) == {
        "text": "Ses igen",
        "who": None,
        "when": None,
    }


@pytest.mark.parametrize(
    "body", [{}, {"text": ""}, {"text": 5}, {"text": "x" * 1001}, {"text": "x", "who": 3}]
)
def test_bad_decisions(body):
    with pytest.raises(Invalid):
        validate_decision(body)


def test_changes_only_what_is_sent():
    assert validate_changes({"who": "Bo"}) == {"who": "Bo"}
    assert validate_changes({"when": ""}) == {"when": None}
    with pytest.raises(Invalid):
        validate_changes({})
    with pytest.raises(Invalid):
        validate_changes({"text": ""})


def test_line():
    assert line(Decision("Plan", "Anna", "v. 12")) == "Plan — Anna — v. 12"
    assert line(Decision("Plan", None, "maj")) == "Plan — maj"
