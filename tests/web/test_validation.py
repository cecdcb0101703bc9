"""The one JSON body parser: every malformed body is a clear, translated 400
that changes nothing, never a 500 or a traceback in the log."""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.properties import PROPERTIES, json_values
from workshop.domain.errors import Invalid
from workshop.domain.parse import ID_MAX
from workshop.web import validation

INT_MIN = -ID_MAX - 1
MAX_DEPTH = 32  # levels of [ and { a body may nest
JSON_HEADERS = {"Content-Type": "application/json"}


@pytest.fixture
def post_raw(client, admin, caplog):
    """POST raw bytes as JSON to /api/workshops; asserts a 400 that logged
    nothing and created nothing; returns the (Swedish) error message."""
    caplog.set_level(logging.INFO)

    def post(raw: bytes, content_type: str = "application/json", path="/api/workshops", headers=admin):
        r = client.post(path, data=raw, headers={**headers, "Content-Type": content_type})
        assert r.status_code == 400, (r.status_code, r.get_data()[:200])
        assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
        assert client.get("/api/workshops", headers=admin).get_json()["workshops"] == []
        return r.get_json()["error"]

    return post


def test_lone_surrogate_is_a_400(post_raw):
    assert post_raw(rb'{"title": "\ud800"}') == "Texten i begäran är inte giltig Unicode."
    assert post_raw(rb'{"title": "a\udc00b"}') == "Texten i begäran är inte giltig Unicode."
    # ...in a key too
    assert post_raw(rb'{"\udfff": 1}') == "Texten i begäran är inte giltig Unicode."


def test_a_surrogate_pair_is_fine(client, admin):
    r = client.post(
        "/api/workshops", data=rb'{"title": "\ud83d\ude00 glad"}', headers={**admin, **JSON_HEADERS}
    )
    assert r.status_code == 201 and r.get_json()["title"] == "\U0001f600 glad"


def test_invalid_utf8_is_a_400(post_raw):
    assert post_raw(b'{"title": "\xff"}') == "Begäran är inte giltig UTF-8."
    # a UTF-8-encoded surrogate (CESU) is not UTF-8 either
    assert post_raw(b'{"title": "\xed\xa0\x80"}') == "Begäran är inte giltig UTF-8."


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 990, 40_000])
def test_deep_nesting_is_a_400(post_raw, depth):
    message = "Begäran är nästlad för djupt (högst 32 nivåer)."
    assert post_raw(b"[" * depth + b"]" * depth) == message
    assert post_raw(b'{"title": ' + b"[" * depth + b"]" * depth + b"}") == message
    assert post_raw(b'{"a":' * depth + b"1" + b"}" * depth) == message


def test_nesting_up_to_the_limit_is_parsed():
    nested = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert validation.parse_json(nested.encode()) == json.loads(nested)
    # brackets inside strings are text, not nesting
    assert validation.parse_json(json.dumps({"text": "[" * 1000 + '\\"{'}).encode()) == {
        "text": "[" * 1000 + '\\"{'
    }


@pytest.mark.parametrize(
    "text",
    [str(ID_MAX + 1), str(INT_MIN - 1), str(10**30), str(-(10**30)), "9" * 5000, "9" * 19],
    ids=["2^63", "-2^63-1", "10^30", "-10^30", "5000 digits", "19 nines"],
)
def test_integers_outside_64_bit_are_a_400(post_raw, text):
    text = text.encode()
    message = post_raw(b'{"title": "x", "language": ' + text + b"}")
    assert (
        message
        == "Ett tal i begäran är för stort (heltal ska ligga mellan -9223372036854775808 och 9223372036854775807)."
    )
    post_raw(b'{"title": ["x", {"deep": [' + text + b"]}]}")


def test_the_64_bit_limits_themselves_are_parsed():
    assert validation.parse_json(f'{{"a": [{ID_MAX}, {INT_MIN}]}}'.encode()) == {"a": [ID_MAX, INT_MIN]}


@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"-Infinity", b"1e999", b"-1e400"])
def test_non_finite_numbers_are_a_400(post_raw, number):
    assert post_raw(b'{"title": ' + number + b"}") == "Tal i begäran måste vara ändliga."


@pytest.mark.parametrize(
    "raw", [b"", b"{", b'{"title": "x",}', b"{'title': 'x'}", b'{"title": "x"} {}', b"\xef\xbb\xbf{}"]
)
def test_syntax_errors_are_a_400_with_the_place(post_raw, raw):
    assert post_raw(raw).startswith("Begäran är inte giltig JSON (rad 1, kolumn ")


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]
)
def test_content_type_not_json_is_a_400(post_raw, content_type):
    assert (
        post_raw(b'{"title": "x"}', content_type)
        == "Skicka ett JSON-objekt (Content-Type: application/json)."
    )


@pytest.mark.parametrize("raw", [b"[]", b'"title"', b"1", b"null"])
def test_not_an_object_is_a_400(post_raw, raw):
    assert post_raw(raw) == "Skicka ett JSON-objekt (Content-Type: application/json)."


def test_english_messages(client, admin):
    r = client.post(
        "/api/workshops?lang=en",
        data=rb'{"title": "\ud800"}',
        headers={**admin, **JSON_HEADERS, "Accept-Language": "en"},
    )
    assert r.status_code == 400 and r.get_json()["error"] == "The text in the request is not valid Unicode."


MALFORMED = [
    rb'{"text": "\ud800", "title": "\ud800", "name": "\ud800"}',
    b"\xff",
    b"[" * 990 + b"]" * 990,
    b'{"text": 9223372036854775808}',
    b'{"text": NaN}',
    b"{",
]


def _fill(rule, workshop_id: str) -> str:
    path = rule.rule.replace("<workshop_id>", workshop_id)
    for arg in rule.arguments - {"workshop_id"}:
        path = path.replace(f"<int:{arg}>", "1").replace(f"<{arg}>", "1")
    return path


def test_every_write_route_refuses_malformed_bodies_without_a_500(app, client, workshop, fac, caplog):
    """Every POST/PUT/PATCH under /api: a malformed body is never a 500 and
    never logs an error. Routes that read a body answer 400."""
    base = f"/api/workshops/{workshop['id']}"
    client.post(f"{base}/statements", json={"text": "Ett"}, headers=fac)
    client.post(f"{base}/spaces", json={"name": "Rum A"}, headers=fac)
    client.post(f"{base}/slots", json={"label": "Pass 1", "starts_at": "13:00", "minutes": 45}, headers=fac)
    client.post(f"{base}/topics", json={"title": "Ämne"}, headers=fac)
    caplog.set_level(logging.INFO)
    routes = [
        rule
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
        and rule.methods & {"POST", "PUT", "PATCH"}
        # Finalising reads no body, and freezes the workshop: every route after it would be 409.
        and rule.endpoint != "api_justering.finalise"
    ]
    read_bodies = 0
    for rule in routes:
        path = _fill(rule, workshop["id"])
        for method in sorted(rule.methods & {"POST", "PUT", "PATCH"}):
            for raw in MALFORMED:
                r = client.open(path, method=method, data=raw, headers={**fac, **JSON_HEADERS})
                assert r.status_code < 500, (method, path, raw[:40], r.get_data()[:200])
                read_bodies += r.status_code == 400
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert read_bodies >= 15 * len(MALFORMED)
    statements = client.get(f"{base}/statements", headers=fac).get_json()["statements"]
    assert [s["text"] for s in statements] == ["Ett"]


# -- properties ---------------------------------------------------------


def _depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def _strings(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


def _integers(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for v in value:
            yield from _integers(v)
    elif isinstance(value, int) and not isinstance(value, bool):
        yield value


def _holds_the_invariant(value) -> None:
    assert _depth(value) <= MAX_DEPTH
    for text in _strings(value):
        text.encode("utf-8")  # no lone surrogates: raises if there is one
    assert all(INT_MIN <= n <= ID_MAX for n in _integers(value))


REFUSED = object()


def _parse_or_invalid(raw: bytes):
    try:
        value = validation.parse_json(raw)
    except Invalid:
        return REFUSED
    _holds_the_invariant(value)
    return value


@PROPERTIES
@given(st.binary(max_size=200))
def test_any_bytes_parse_or_are_invalid(raw):
    _parse_or_invalid(raw)


@PROPERTIES
@given(json_values, st.booleans())
def test_valid_json_round_trips_or_is_invalid(value, ascii_only):
    raw = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    parsed = _parse_or_invalid(raw)
    assert parsed is REFUSED or parsed == value


@PROPERTIES
@given(json_values, st.integers(min_value=0, max_value=80))
def test_any_nesting_parses_or_is_invalid(value, depth):
    raw = ("[" * depth + json.dumps(value) + "]" * depth).encode()
    parsed = _parse_or_invalid(raw)
    if (
        _depth(value) + depth <= MAX_DEPTH
        and all(INT_MIN <= n <= ID_MAX for n in _integers(value))
        and all(not any("\ud800" <= ch <= "\udfff" for ch in s) for s in _strings(value))
    ):
        assert parsed is not REFUSED


@PROPERTIES
@given(st.text(alphabet=st.sampled_from('[]{}",:\\ 01e-.tfnaulrs'), max_size=120))
def test_json_like_noise_parses_or_is_invalid(text):
    _parse_or_invalid(text.encode())
