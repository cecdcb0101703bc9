from workshop.live.acks import ok, participant_event

from . import domain

NAME = "toy"


def register(socketio, hub) -> None:
    def flush_hands(workshop_id: str) -> None:
        count = {"hands": hub.store.toy_hands(workshop_id)}
        hub.emit_staff(workshop_id, "toy_hands", count, count)

    hub.flushers["toy_hands"] = flush_hands

    def phone_state(workshop: dict, only=None):
        return lambda participant_id: {"toy": workshop["phase"] == NAME}

    hub.phone_state.append(phone_state)

    @socketio.on("toy_hand")
    @participant_event(hub)
    def hand(conn, data):
        up = domain.parse_up(data.get("up"))
        hub.store.toy_set_hand(conn.workshop_id, conn.participant_id, up)
        hub.changed(conn.workshop_id, "toy_hands")
        return ok(up=up)
