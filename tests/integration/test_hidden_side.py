"""While a statement's dots are hidden, the projector learns no side (issue
17, hole 6): over the real server, the projector's `floor` (push and GET)
carries no speaker key or region, and the shown phone comment no region;
hiding after they were shown takes them back; revealing brings them."""

from __future__ import annotations

import threading
import time

import requests
import socketio as socketio_client


class Projector:
    """The projector's socket: every `floor` and `comment_shown` it is sent."""

    def __init__(self, live, workshop):
        self.got: dict[str, list] = {"floor": [], "comment_shown": []}
        self.arrived = threading.Condition()
        self.client = socketio_client.Client(reconnection=False)
        for name in self.got:
            self.client.on(name, lambda data, name=name: self._add(name, data))
        self.client.connect(
            live.url,
            auth={"workshop": workshop["id"], "key": workshop["projector_key"]},
            transports=["websocket"],
            wait_timeout=10,
        )

    def _add(self, name, data):
        with self.arrived:
            self.got[name].append(data)
            self.arrived.notify_all()

    def last(self, name: str, predicate, timeout: float = 5.0):
        """The latest `name` payload once one matching `predicate` arrived."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while not (self.got[name] and predicate(self.got[name][-1])):
                left = deadline - time.monotonic()
                assert left > 0, f"no matching {name}: {self.got[name][-3:]}"
                self.arrived.wait(left)
            return self.got[name][-1]

    def close(self):
        self.client.disconnect()


def unclocked(floor: dict) -> dict:
    """A `floor` without the server's clock ("now", for the countdowns)."""
    return {k: v for k, v in floor.items() if k != "now"}


def speaking_with_a_shown_comment(live, phones):
    """An open statement; a phone at 90 has the floor and its approved comment is shown."""
    w = live.new_workshop()
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    # One person on the line: named only with min_group 1 (small groups protected, default 3).
    live.api("PATCH", base, key, {"min_group": 1}, expect=200)
    s = live.open_statement(w, "Vi behöver mer samverkan")
    live.api("PATCH", f"{base}/barometer", key, {"phone_comments": True}, expect=200)
    phone = phones(live.url, w["code"])
    assert phone.move(s["id"], 90)["ok"]
    assert phone.client.call("hand", {"on": True}, timeout=5)["ok"]
    said = phone.client.call("comment", {"statement": s["id"], "text": "Bli starka tillsammans"}, timeout=5)
    assert said["ok"], said
    comments = f"{base}/statements/{s['id']}/phone-comments/{said['id']}"
    live.api("PATCH", comments, key, {"status": "approved"}, expect=200)
    live.api("PUT", f"{base}/statements/{s['id']}/shown-comment", key, {"comment": said["id"]}, expect=200)
    live.api("POST", f"{base}/statements/{s['id']}/floor", key, {}, expect=200)
    return w, s


def projector_get_floor(live, w, s) -> dict:
    response = requests.get(
        f"{live.url}/api/workshops/{w['id']}/statements/{s['id']}/floor",
        headers={"Authorization": f"Bearer {w['projector_key']}"},
        timeout=5,
    )
    assert response.status_code == 200
    return response.json()


def test_hiding_the_dots_takes_the_side_off_the_projector(live, phones):
    w, s = speaking_with_a_shown_comment(live, phones)
    hide = f"/api/workshops/{w['id']}/statements/{s['id']}"
    projector = Projector(live, w)
    try:
        # Shown: the speaker's dot and side, the comment's side.
        floor = projector.last("floor", lambda f: f["speaker"] is not None)
        assert floor["speaker"]["region"] == "agree" and "key" in floor["speaker"]
        assert projector.last("comment_shown", lambda c: c["statement"] == s["id"])["region"] == "agree"

        live.api("PATCH", hide, w["facilitator_key"], {"hidden": True}, expect=200)
        # The push: no speaker key or region, no comment region.
        floor = projector.last("floor", lambda f: f.get("hidden"))
        assert unclocked(floor) == {"statement": s["id"], "speaker": None, "hidden": True}
        shown = projector.last("comment_shown", lambda c: c.get("region") is None)
        assert shown == {"statement": s["id"], "text": "Bli starka tillsammans", "region": None}
        # The GET, with the projector's key.
        assert unclocked(projector_get_floor(live, w, s)) == {
            "statement": s["id"],
            "speaker": None,
            "hidden": True,
        }
    finally:
        projector.close()

    # A projector that connects while hidden gets the same.
    late = Projector(live, w)
    try:
        assert unclocked(late.last("floor", lambda f: True)) == {
            "statement": s["id"],
            "speaker": None,
            "hidden": True,
        }
        assert late.last("comment_shown", lambda c: True)["region"] is None
        # Revealed: the side comes back.
        live.api("POST", f"{hide}/reveal", w["facilitator_key"], expect=200)
        assert late.last("floor", lambda f: f["speaker"] is not None)["speaker"]["region"] == "agree"
        assert late.last("comment_shown", lambda c: c["region"] is not None)["region"] == "agree"
    finally:
        late.close()


def test_the_facilitator_still_sees_everything_while_hidden(live, phones):
    w, s = speaking_with_a_shown_comment(live, phones)
    live.api(
        "PATCH", f"/api/workshops/{w['id']}/statements/{s['id']}", w["facilitator_key"], {"hidden": True}
    )
    floor = live.api("GET", f"/api/workshops/{w['id']}/statements/{s['id']}/floor", w["facilitator_key"])
    assert floor["speaker"]["region"] == "agree" and floor["speaker"]["pseudonym"].startswith("P")
