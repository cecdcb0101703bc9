"""A shutdown that loses nothing (SIGTERM: systemd, a rolling restart).

1. Not ready: /readyz answers 503, so a balancer sends new clients elsewhere.
2. Stop listening: a new connection is refused at once (not left in the
   kernel's backlog), so a phone's retry goes to another worker or waits for
   the restart.
3. Tell every client ``restarting``: their connection is about to drop, and
   they will reconnect by themselves (a dropped transport, never a Socket.IO
   disconnect, which would stop a client from reconnecting).
4. Wait until every move handed to a group commit is committed (its phone
   got, or is getting, its ack), at most ``deadline`` seconds.
5. Return: the process exits and the connections drop. A move that arrived
   after step 4 is committed before its ack or not at all, as always: an ack
   means committed, so nothing acked is lost even at a kill -9.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger(__name__)

DEADLINE = 10.0


def drain(hub, stop_listening, deadline: float = DEADLINE) -> bool:
    """Steps 1-4; True when everything was written within the deadline."""
    hub.draining = True
    stop_listening()
    hub.socketio.emit("restarting", {})
    give_up = time.monotonic() + deadline
    while not hub.all_written():
        if time.monotonic() > give_up:
            log.warning("shutdown: writes still pending after %.0f s", deadline)
            return False
        hub.socketio.sleep(0.01)
    log.info("shutdown: every accepted write is committed")
    return True
