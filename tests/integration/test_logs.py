"""A real server's whole log, through a full workshop (created, joined by
link and by code, moves, comments from phones, a rejoin, exports and the
summary through ?key= links, /metrics, wrong keys and codes, SIGTERM),
holds no secret and no participant's text; WORKSHOP_LOG_FORMAT=json gives
one JSON object a line, with the workshop's id."""

from __future__ import annotations

import json
import re

import pytest
import requests
import socketio

from bench.live_server import LiveServer
from tests.integration.conftest import Phone

COMMENT = "Kalle Svensson på Storgatan 5 tycker att bussen är sen"
METRICS_TOKEN = "metrics-secret-token-xyz"


def get(server, path, token=None, expect=200):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.get(server.url + path, headers=headers, timeout=30)
    assert response.status_code == expect, (path, response.status_code)
    return response


def full_workshop(server: LiveServer) -> tuple[dict, list[str]]:
    """Runs a workshop as people do; returns it and every secret it used."""
    w = server.new_workshop("Inspirationsdag")
    wid, key, code = w["id"], w["facilitator_key"], w["code"]
    get(server, f"/j/{code}")  # the join link on the projector's QR code
    get(server, f"/console/{wid}")
    get(server, f"/api/workshops/{wid}", w["projector_key"])
    server.api("POST", f"/api/workshops/{wid}/phase", key, {"phase": "barometer"}, expect=200)
    server.api("PATCH", f"/api/workshops/{wid}/barometer", key, {"phone_comments": True}, expect=200)
    statement = server.open_statement(w, "Vi behöver en gemensam plattform")["id"]
    phones = [Phone(server.url, code).connect() for _ in range(3)]
    for n, phone in enumerate(phones):
        assert phone.move(statement, 20 * n)["ok"]
    said = phones[0].client.call("comment", {"statement": statement, "text": COMMENT}, timeout=5)
    assert said["ok"], said
    tokens = [p.token for p in phones]
    phones[1].close()
    again = Phone(server.url, code, tokens[1]).connect()  # a rejoin with its token
    assert again.move(statement, 55)["ok"]
    for fmt in ("json", "pdf", "csv"):
        get(server, f"/api/workshops/{wid}/export.{fmt}?key={key}")
    get(server, f"/api/workshops/{wid}/summary.html?key={key}")
    get(server, f"/api/workshops/{wid}/export.json?key={w['projector_key']}", expect=403)
    get(server, "/metrics", METRICS_TOKEN)
    get(server, "/api/workshops", "a-wrong-admin-token-123", expect=403)
    wrong = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        wrong.connect(server.url, auth={"code": "999999"}, transports=["websocket"], wait_timeout=5)
    for phone in [*phones, again]:
        phone.close()
    secrets = [server.admin_token, METRICS_TOKEN, key, w["projector_key"], code, *tokens]
    return w, secrets


@pytest.mark.parametrize("log_format", ["json", "plain"])
def test_no_secret_in_any_log_line(tmp_path, log_format):
    env = {"WORKSHOP_LOG_FORMAT": log_format, "WORKSHOP_METRICS_TOKEN": METRICS_TOKEN}
    server = LiveServer(tmp_path / "data", admin_token="admin-secret-token-abc", env=env).start()
    try:
        workshop, secrets = full_workshop(server)
    finally:
        server.stop()  # SIGTERM: the drain's lines too
    log = server.log()
    lines = [line for line in log.splitlines() if line.strip()]
    assert len(lines) > 20, log  # an access line per request at least
    for secret in secrets:
        found = re.findall(rf"(?<![0-9A-Za-z_-]){re.escape(secret)}(?![0-9A-Za-z_-])", log)
        assert found == [], f"{secret!r} is in the log"
    assert COMMENT not in log and "Storgatan" not in log
    export_lines = [line for line in lines if "/export.json" in line]
    assert export_lines and all("key=[hidden]" in line for line in export_lines)
    assert any("/j/[hidden]" in line for line in lines)
    if log_format == "json":
        events = [json.loads(line) for line in lines]  # every line is one JSON object
        assert all({"time", "level", "logger", "event", "workshop"} <= set(e) for e in events)
        access = [e for e in events if e["logger"] == "workshop.access" and "/export.json" in e["path"]]
        assert access and all(e["workshop"] == workshop["id"] for e in access)
        assert {e["status"] for e in access} == {200, 403}
