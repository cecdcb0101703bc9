"""Justering, pure: canonical JSON, the hash, verdicts, approved."""

from __future__ import annotations

import hashlib

import pytest

from workshop.domain import justering as j
from workshop.domain.errors import Invalid


def test_canonical_json_is_stable_across_key_order():
    a = {"b": 1, "a": {"y": [1, 2], "x": "å"}}
    b = {"a": {"x": "å", "y": [1, 2]}, "b": 1}
    assert j.canonical_json(a) == j.canonical_json(b) == '{"a":{"x":"å","y":[1,2]},"b":1}'.encode()


def test_canonical_json_is_utf8_without_escapes_or_whitespace():
    out = j.canonical_json({"t": "håller med – “ja”", "n": 60.5})
    assert out == '{"n":60.5,"t":"håller med – “ja”"}'.encode()


def test_canonical_json_refuses_nan():
    with pytest.raises(ValueError):
        j.canonical_json({"x": float("nan")})


def test_the_hash_is_sha256_hex_of_the_canonical_bytes():
    text, digest = j.digest({"b": 2, "a": 1})
    assert text == '{"a":1,"b":2}'
    assert digest == hashlib.sha256(b'{"a":1,"b":2}').hexdigest() and len(digest) == 64


def test_verdicts():
    assert j.parse_verdict({"approve": True, "name": "  Anna  Berg "}) == (True, "Anna Berg")
    assert j.parse_verdict({"approve": False, "comment": "Rätta titeln\ntack"}) == (
        False,
        "Rätta titeln\ntack",
    )


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"approve": 1},
        {"approve": "true"},
        {"approve": True},
        {"approve": True, "name": ""},
        {"approve": False, "comment": "  "},
        {"approve": False, "comment": 5},
        {"approve": True, "name": "x" * 81},
    ],
)
def test_bad_verdicts(data):
    with pytest.raises(Invalid):
        j.parse_verdict(data)


def test_approved_needs_every_adjuster_and_at_least_one():
    assert not j.is_approved(set(), set())
    assert not j.is_approved({"a", "b"}, {"a"})
    assert j.is_approved({"a", "b"}, {"a", "b"})
    assert j.is_approved({"a"}, {"a", "old"})  # a revoked adjuster's approval does not matter


def test_state():
    frozen = {"reopened_at": None}
    assert j.state(None, False) == j.DRAFT
    assert j.state({"reopened_at": "2026-12-07"}, True) == j.DRAFT
    assert j.state(frozen, False) == j.FINALISED
    assert j.state(frozen, True) == j.APPROVED
