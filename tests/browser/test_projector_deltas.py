"""The projector takes deltas (auth "deltas": true): after many moves from
real phones it shows exactly the dots a full `distribution` has, each at its
value, with the same counts (Debian's Chromium against the real server)."""

from __future__ import annotations

import random

import socketio as socketio_client

from tests.integration.conftest import Phone, eventually

PHONES, MOVES = 30, 12

# Each dot's key and the value its place on the line stands for.
DOTS = """() => {
  const swarm = document.getElementById("swarm");
  const width = swarm.clientWidth;
  return [...swarm.querySelectorAll(".dot")].map((d) => {
    const [x] = d.style.transform.match(/-?[\\d.]+/g).map(Number);
    return [Number(d.dataset.key), ((x + d.offsetWidth / 2) / width) * 100];
  });
}"""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_after_many_moves_the_projector_shows_the_full_distributions_dots(server, new_page, artifacts):
    w = server.new_workshop("Deltas")
    s = server.open_statement(w, "Kollektivtrafiken ska vara gratis")
    # An outside client that does not ask for deltas: the whole distribution, as before.
    whole = []
    plain = socketio_client.Client(reconnection=False)
    plain.on("distribution", whole.append)
    plain.on("distribution_delta", lambda d: whole.append({"unexpected delta": d}))
    plain.connect(
        server.url, auth={"workshop": w["id"], "key": w["facilitator_key"]}, transports=["websocket"]
    )

    projector = new_page(width=1280, height=720)
    frames = []
    projector.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(str(f)[:40])))
    projector.goto(server.url + _path(w["projector_url"]))
    projector.wait_for_selector("#stage:not([hidden])")

    rng = random.Random(3)
    phones = [Phone(server.url, w["code"]).connect() for _ in range(PHONES)]
    final = {}
    try:
        for _ in range(MOVES):
            for i, phone in enumerate(phones):
                final[i] = rng.choice(["pass", *range(0, 101)])
                assert phone.move(s["id"], final[i])["ok"]
        placed = sorted(v for v in final.values() if v != "pass")
        assert eventually(lambda: whole and sorted(whole[-1].get("values", [])) == placed)
        full = whole[-1]
        assert not [d for d in whole if "unexpected delta" in d]
        assert "seq" not in full and full["passes"] == PHONES - len(placed)

        projector.wait_for_function(
            "(n) => document.querySelectorAll('#swarm .dot').length === n", arg=len(full["dots"])
        )
        projector.wait_for_function(
            "(t) => document.getElementById('count').textContent === t", arg=f"Positioner: {full['count']}"
        )
        shown = dict(projector.evaluate(DOTS))
        assert sorted(shown) == [key for key, _ in full["dots"]]
        for key, value in full["dots"]:
            assert abs(shown[key] - value) < 0.5, (key, shown[key], value)
        assert projector.inner_text("#passes") == f"Pass: {full['passes']}"
        # What came was deltas, not a whole distribution per window.
        assert any("distribution_delta" in f for f in frames)
        projector.screenshot(path=str(artifacts / "projector-deltas.png"))
    finally:
        for phone in phones:
            phone.close()
        plain.disconnect()
