"""Redaction and the two formats (workshop/logs.py); the full run through a
real server is tests/integration/test_logs.py."""

import io
import json
import logging

import pytest

from workshop import logs


@pytest.mark.parametrize(
    "line, kept",
    [
        ('"GET /api/workshops/abc/export.pdf?key=SECRETKEY&lang=sv HTTP/1.1"', "lang=sv"),
        ("/console#token=SECRETKEY", "/console"),
        ("/projector/abc#key=SECRETKEY", "/projector/abc"),
        ('"GET /j/123456 HTTP/1.1"', "/j/"),
        ("Authorization: Bearer SECRETKEY", "Authorization"),
        ("auth={'code': '123456', 'participant': 'SECRETKEY'}", "auth="),
        ('{"token": "SECRETKEY"}', "{"),
        ("/x?participant=SECRETKEY", "/x"),
    ],
)
def test_redact_hides_every_kind_of_secret(line, kept):
    out = logs.redact(line)
    assert "SECRETKEY" not in out and "123456" not in out
    assert kept in out and logs.HIDDEN in out


def test_redact_leaves_the_rest():
    line = '127.0.0.1 "GET /api/workshops/abcdef123456/summary.html?lang=en HTTP/1.1" 200 512 3.1 ms'
    assert logs.redact(line) == line


def emitted(log_format: str, *args, **kwargs) -> str:
    stream = io.StringIO()
    handler = logs.configure(log_format, stream=stream)
    try:
        logging.getLogger("workshop.test").info(*args, **kwargs)
        text = "".join(["Kal", "le Svensson"])  # data at run time, not in the stack's source lines
        try:
            raise ValueError(f"a phone wrote: {text}")
        except ValueError:
            logging.getLogger("workshop.test").exception("failed for %s", "/j/654321")
    finally:
        logging.getLogger().removeHandler(handler)
    return stream.getvalue()


def test_json_is_one_object_a_line_with_the_workshop_and_no_exception_message():
    out = emitted("json", "opened %s", "/api/workshops/abcdef123456/export.pdf?key=SECRET")
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["workshop"] == "abcdef123456" and "SECRET" not in first["event"]
    assert second["error"] == "ValueError" and "Kalle" not in out and "654321" not in out
    assert second["stack"] and second["level"] == "error"


def test_plain_is_redacted_too():
    out = emitted("plain", "opened %s", "/x?key=SECRET")
    assert "SECRET" not in out and "key=[hidden]" in out and "654321" not in out
