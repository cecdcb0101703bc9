"""Cookies and origins on the real server (issue 19): Socket.IO accepts a
browser only from our own origin (cors_allowed_origins), and a session's
cookie changes nothing from another origin, over HTTP or the socket."""

from __future__ import annotations

import json

import pytest
import requests
import socketio
import websocket

EVIL = "https://evil.example"


def _signed_in(live) -> tuple[requests.Session, str]:
    browser = requests.Session()
    r = browser.post(
        live.url + "/signin", json={"token": live.admin_token}, headers={"Origin": live.url}, timeout=5
    )
    assert r.status_code == 200
    return browser, r.json()["csrf"]


def _connect(live, cookie: str, origin: str | None):
    client = socketio.Client(reconnection=False)
    headers = {"Cookie": f"workshop_session={cookie}"} | ({"Origin": origin} if origin else {})
    return client, headers


def test_a_foreign_origin_cannot_open_a_polling_socket_with_the_cookie(live):
    browser, _ = _signed_in(live)
    w = live.new_workshop("Ursprung")
    cookie = browser.cookies["workshop_session"]
    client, headers = _connect(live, cookie, EVIL)
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(
            live.url, auth={"workshop": w["id"]}, headers=headers, transports=["polling"], wait_timeout=5
        )
    assert not client.connected
    ours, headers = _connect(live, cookie, live.url)
    ours.connect(
        live.url, auth={"workshop": w["id"]}, headers=headers, transports=["polling"], wait_timeout=5
    )
    assert ours.connected
    ours.disconnect()


def _websocket(live, origin: str, cookie: str):
    """A raw websocket (websocket-client sends exactly one Origin: ours to choose)."""
    url = live.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    return websocket.create_connection(url, origin=origin, cookie=f"workshop_session={cookie}", timeout=5)


def test_a_foreign_origin_cannot_open_a_websocket_with_the_cookie(live):
    browser, _ = _signed_in(live)
    w = live.new_workshop("Ursprung")
    cookie = browser.cookies["workshop_session"]
    # gevent-websocket agrees the upgrade before Engine.IO sees the request;
    # Engine.IO then refuses the origin and the socket is closed at once:
    # no Engine.IO open packet, nothing to talk to.
    foreign = _websocket(live, EVIL, cookie)
    try:
        assert foreign.recv() == ""
        with pytest.raises((websocket.WebSocketConnectionClosedException, OSError)):
            foreign.send("40" + json.dumps({"workshop": w["id"]}))
            foreign.recv()
    finally:
        foreign.close()
    ws = _websocket(live, live.url, cookie)
    try:
        assert ws.recv().startswith("0{")  # Engine.IO open
        ws.send("40" + json.dumps({"workshop": w["id"]}))
        # Connected as staff by the cookie: its first pushes (presence, state) and the CONNECT ack.
        first = [ws.recv() for _ in range(3)]
        assert any(m.startswith('42["state"') for m in first) and not any(
            m.startswith("44") for m in first
        ), first
    finally:
        ws.close()


def test_a_foreign_origin_cannot_write_with_the_cookie(live):
    browser, csrf = _signed_in(live)
    r = browser.post(
        live.url + "/api/workshops",
        json={"title": "X"},
        headers={"X-CSRF-Token": csrf, "Origin": EVIL},
        timeout=5,
    )
    assert r.status_code == 403
    r = browser.post(live.url + "/api/workshops", json={"title": "X"}, timeout=5)  # no CSRF token
    assert r.status_code == 403
    assert live.api("GET", "/api/workshops")["workshops"] == []
    r = browser.post(
        live.url + "/api/workshops",
        json={"title": "X"},
        headers={"X-CSRF-Token": csrf, "Origin": live.url},
        timeout=5,
    )
    assert r.status_code == 201
