"""Socket.IO, the replay: the history once, then only the scrubber.

    staff <- replay_history {"statement", "text", "duration_ms", "changes",
                             "tracks": [[key, [[ms, value | null], ...]], ...]}
             when a replay starts, and on connect while one is on
    staff <- replay {"statement", "duration_ms", "speed", "at_ms", "playing"}
             after every pause, play, seek or change of speed
    state += "replay": the scrubber | null, for staff

The projector animates locally (requestAnimationFrame) from the history and
the last scrubber; the server never streams frames.
"""

from __future__ import annotations

from workshop.auth import FACILITATOR, PROJECTOR, for_role
from workshop.barometer.replay import domain as domain_replay
from workshop.live.part import LivePart


def history_payloads(store, workshop_id: str, statement_id: int) -> tuple[dict, dict]:
    """(facilitators', projectors') history: a projector gets no positions
    of a statement whose dots are hidden (as ``Distribution.public``); a
    hidden statement is never replayed, this only guards the reads."""
    statement = store.statement(workshop_id, statement_id)
    replay = domain_replay.replay_of(store.position_history(statement_id))
    full = {"statement": statement_id, "text": statement["text"], **replay.as_dict()}
    public = {**full, "changes": 0, "tracks": []} if statement["hidden"] else full
    return full, public


def replay_started(hub, workshop_id: str, statement_id: int) -> None:
    hub.emit_staff(workshop_id, "replay_history", *history_payloads(hub.store, workshop_id, statement_id))
    hub.push_state(workshop_id)


def replay_scrubbed(hub, workshop_id: str) -> None:
    scrubber = hub.store.replay(workshop_id)
    hub.emit_staff(workshop_id, "replay", scrubber.as_dict() if scrubber else {"statement": None})


def staff_state(hub, workshop: dict) -> dict:
    scrubber = hub.store.replay(workshop["id"])
    return {"replay": scrubber.as_dict() if scrubber else None}


def send_history(hub, conn, _workshop) -> None:
    scrubber = hub.store.replay(conn.workshop_id)
    if scrubber is not None:
        full, public = history_payloads(hub.store, conn.workshop_id, scrubber.statement)
        hub.socketio.emit("replay_history", for_role(conn.role, full, public), to=conn.sid)


PART = LivePart(
    name="barometer.replay",
    on_connect={FACILITATOR: (send_history,), PROJECTOR: (send_history,)},
    staff_state=staff_state,
)
