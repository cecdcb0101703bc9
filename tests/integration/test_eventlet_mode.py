"""eventlet is deprecated upstream but stays a supported mode: one smoke test
through the real server in that mode."""

import time

from bench.live_server import LiveServer


def test_eventlet_mode_serves_a_barometer_round_trip(tmp_path, phones):
    live = LiveServer(tmp_path / "data", async_mode="eventlet").start()
    try:
        assert "eventlet" in live.log()
        w = live.new_workshop()
        key = w["facilitator_key"]
        s = live.api("POST", f"/api/workshops/{w['id']}/statements", key, {"text": "Eventlet"}, expect=201)
        live.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key, expect=200)
        phone = phones(live.url, w["code"])
        assert phone.move(s["id"], 64) == {"ok": True, "statement": s["id"], "value": 64}
        time.sleep(0.1)
        dist = live.api("GET", f"/api/workshops/{w['id']}/statements/{s['id']}/distribution", key)
        assert dist["values"] == [64]
    finally:
        live.stop()
