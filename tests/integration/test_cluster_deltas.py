"""With Redis (several processes) a screen that asks for deltas gets whole
`distribution`s (docs/protocol.md): a window there is cut by whichever
process flushes, so no process could number them."""

import threading

import socketio as socketio_client

from tests.integration.test_cluster import (
    Screen,
    _workshop,
    cluster,  # noqa: F401  (the module's servers)
)


class DeltaScreen(Screen):
    """A projector connecting as our pages do: auth "deltas": true."""

    def __init__(self, url: str, workshop: dict):
        self.events, self.lock = [], threading.Lock()
        self.client = socketio_client.Client(reconnection=False)
        self.client.on("*", self._got)
        auth = {"workshop": workshop["id"], "key": workshop["projector_key"], "deltas": True}
        self.client.connect(url, auth=auth, transports=["websocket"], wait_timeout=10)


def test_a_screen_asking_for_deltas_gets_whole_distributions_in_a_cluster(cluster, phones):  # noqa: F811
    a, b = cluster
    w, s = _workshop(a)
    screen = DeltaScreen(b.url, w)
    try:
        movers = [phones(a.url, w["code"]) for _ in range(3)]
        for round_ in range(3):
            for i, phone in enumerate(movers):
                assert phone.move(s["id"], 10 * i + round_)["ok"]
        screen.wait("distribution", lambda d: sorted(d["values"]) == [2, 12, 22])
        assert screen.of("distribution_delta") == []
        assert all("seq" not in d for _, d in screen.of("distribution"))
    finally:
        screen.client.disconnect()
