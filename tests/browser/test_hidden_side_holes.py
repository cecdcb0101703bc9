"""What the room sees while a statement's dots are hidden (issue 17, hole 6):
someone has the floor and a phone's comment is on the projector, yet the
screen names no side; revealed, it does."""

from __future__ import annotations

import socketio as socketio_client
from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_projector_names_no_side_while_the_dots_are_hidden(server, new_page, artifacts):
    w = server.new_workshop("Länsträff Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    # One person per side: every side named (small groups protected is tests/browser/test_floor_time.py).
    server.api("PATCH", base, key, {"min_group": 1}, expect=200)
    s = server.open_statement(w, "Överenskommelsearbetet kan göras utan att kosta pengar")
    server.api("PATCH", f"{base}/barometer", key, {"phone_comments": True}, expect=200)
    phone = socketio_client.Client(reconnection=False)
    phone.connect(server.url, auth={"code": w["code"]}, transports=["websocket"], wait_timeout=10)
    try:
        assert phone.call("position", {"statement": s["id"], "value": 90}, timeout=5)["ok"]
        assert phone.call("hand", {"on": True}, timeout=5)["ok"]
        said = phone.call("comment", {"statement": s["id"], "text": "Bli starka tillsammans"}, timeout=5)
        comments = f"{base}/statements/{s['id']}/phone-comments/{said['id']}"
        server.api("PATCH", comments, key, {"status": "approved"}, expect=200)
        server.api(
            "PUT", f"{base}/statements/{s['id']}/shown-comment", key, {"comment": said["id"]}, expect=200
        )
        server.api("POST", f"{base}/statements/{s['id']}/floor", key, {}, expect=200)
        server.api("PATCH", f"{base}/statements/{s['id']}", key, {"hidden": True}, expect=200)

        projector = new_page(width=1280, height=720)
        projector.goto(server.url + _path(w["projector_url"]))
        expect(projector.locator("#shown-comment-text")).to_have_text("Bli starka tillsammans")
        expect(projector.locator("#floor-note")).to_be_hidden()
        expect(projector.locator("#shown-comment-region")).to_be_hidden()
        expect(projector.locator("body")).not_to_contain_text("sidan")
        projector.screenshot(path=str(artifacts / "hidden-side-projector.png"))
        assert serious_violations(projector) == []

        # Revealed: the side is named again, on the same screen, without a reload.
        server.api("POST", f"{base}/statements/{s['id']}/reveal", key, expect=200)
        expect(projector.locator("#floor-note")).to_have_text("Ordet: någon från håller med-sidan")
        expect(projector.locator("#shown-comment-region")).to_have_text("Kommentar från håller med-sidan")
        # Hidden again: the side goes again.
        server.api("PATCH", f"{base}/statements/{s['id']}", key, {"hidden": True}, expect=200)
        expect(projector.locator("#floor-note")).to_be_hidden()
        expect(projector.locator("#shown-comment-region")).to_be_hidden()
        expect(projector.locator("#shown-comment-text")).to_have_text("Bli starka tillsammans")
        projector.screenshot(path=str(artifacts / "hidden-side-projector-again.png"))
    finally:
        phone.disconnect()
