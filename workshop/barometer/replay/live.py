"""Socket.IO, the replay: the history once, then only the scrubber.

    staff <- replay_history {"statement", "round", "rounds", "text", "duration_ms", "changes",
                             "tracks": [[key, [[ms, value | null], ...]], ...]}
             when a replay starts, and on connect while one is on
    staff <- replay {"statement", "round", "duration_ms", "speed", "at_ms", "playing"}
             after every pause, play, seek or change of speed
    state += "replay": the scrubber | null, for staff

The projector animates locally (requestAnimationFrame) from the history and
the last scrubber; the server never streams frames.
"""

from __future__ import annotations

from workshop.auth import FACILITATOR, PROJECTOR, for_role
from workshop.barometer.replay import domain as domain_replay
from workshop.live.part import LivePart


def history_payloads(store, workshop_id: str, statement_id: int, round_=None) -> tuple[dict, dict]:
    """(facilitators', projectors') history of one round (default: the
    statement's current round): a projector gets no positions of a
    statement whose dots are hidden (as ``Distribution.public``); a hidden
    statement is never replayed, this only guards the reads."""
    statement = store.statement(workshop_id, statement_id)
    rounds = statement["round"]
    round_ = rounds if round_ is None else domain_replay.parse_round(round_, rounds)
    replay = domain_replay.replay_of(store.position_history(statement_id, round_))
    full = {
        "statement": statement_id,
        "round": round_,
        "rounds": rounds,
        "text": statement["text"],
        **replay.as_dict(),
    }
    public = {**full, "changes": 0, "tracks": []} if statement["hidden"] else full
    return full, public


def replay_started(hub, workshop_id: str, statement_id: int, round_: int | None = None) -> None:
    payloads = history_payloads(hub.store, workshop_id, statement_id, round_)
    hub.emit_staff(workshop_id, "replay_history", *payloads)
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
        full, public = history_payloads(hub.store, conn.workshop_id, scrubber.statement, scrubber.round)
        hub.socketio.emit("replay_history", for_role(conn.role, full, public), to=conn.sid)


PART = LivePart(
    name="barometer.replay",
    on_connect={FACILITATOR: (send_history,), PROJECTOR: (send_history,)},
    staff_state=staff_state,
)
