"""Path ids: every <int:...> segment is an id 1..2^63-1; anything else is a
404 like any unknown id, never an OverflowError from SQLite (a 500)."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.domain.parse import ID_MAX
from workshop.web.converters import IdConverter, numbers_up_to

TOO_BIG = [str(ID_MAX + 1), str(2**64), "9" * 30, "9" * 5000]


@pytest.mark.parametrize("sid", TOO_BIG, ids=["2^63", "2^64", "30 digits", "5000 digits"])
def test_ids_from_2_to_the_63_are_404(client, workshop, fac, caplog, sid):
    caplog.set_level(logging.INFO)
    base = f"/api/workshops/{workshop['id']}"
    for method, path in [
        ("GET", f"/statements/{sid}"),
        ("PATCH", f"/statements/{sid}"),
        ("DELETE", f"/statements/{sid}"),
        ("POST", f"/statements/{sid}/open"),
        ("GET", f"/statements/{sid}/distribution"),
        ("DELETE", f"/statements/1/comments/{sid}"),
        ("PATCH", f"/spaces/{sid}"),
        ("DELETE", f"/slots/{sid}"),
        ("PUT", f"/topics/{sid}/placement"),
    ]:
        r = client.open(base + path, method=method, json={}, headers=fac)
        assert r.status_code == 404, (method, path[:60], r.status_code)
        assert r.get_json()["error"] == "Hittades inte."
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]


def test_the_largest_id_is_an_unknown_statement(client, workshop, fac):
    r = client.get(f"/api/workshops/{workshop['id']}/statements/{ID_MAX}", headers=fac)
    assert r.status_code == 404 and r.get_json()["error"] == "Påståendet finns inte."


@pytest.mark.parametrize("sid", ["0", "-1", "00", "007", "\u0663", "1.0"])
def test_zero_negative_and_odd_ids_are_404(client, workshop, fac, sid):
    for method in ("GET", "PATCH", "DELETE"):
        r = client.open(
            f"/api/workshops/{workshop['id']}/statements/{sid}", method=method, json={}, headers=fac
        )
        assert r.status_code == 404, method


def test_every_int_segment_uses_the_bounded_converter(app):
    from werkzeug.routing import IntegerConverter

    converters = [conv for rule in app.url_map.iter_rules() for conv in (rule._converters or {}).values()]
    assert app.url_map.converters["int"] is IdConverter
    ints = [conv for conv in converters if isinstance(conv, IntegerConverter)]
    assert ints and all(isinstance(conv, IdConverter) for conv in ints)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.integers(min_value=-10, max_value=2**70)
    | st.integers(min_value=ID_MAX - 1000, max_value=ID_MAX + 1000),
    st.sampled_from(["", "0", "00"]),
)
def test_the_id_pattern_takes_exactly_1_to_2_to_the_63_minus_1(n, zeros):
    text = zeros + str(n)
    expected = not zeros and 1 <= n <= ID_MAX
    assert bool(re.fullmatch(IdConverter.regex, text)) == expected


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.integers(min_value=1, max_value=10**6))
def test_the_pattern_builder_for_any_bound(bound):
    pattern = re.compile(numbers_up_to(bound))
    for n in {0, 1, 2, 9, 10, 11, bound - 1, bound, bound + 1, 10 ** len(str(bound)), bound // 2}:
        assert bool(pattern.fullmatch(str(n))) == (1 <= n <= bound), (bound, n)
