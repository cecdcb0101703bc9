from tests.toy_method import domain
from workshop.live.acks import ok
from workshop.live.part import LivePart

NAME = "toy"


def flush_hands(hub, workshop_id: str) -> None:
    count = {"hands": hub.store.toy_hands(workshop_id)}
    hub.emit_staff(workshop_id, "toy_hands", count, count)


def phone_state(hub, workshop: dict, only=None):
    return lambda participant_id, reading=None: {"toy": workshop["phase"] == NAME}


def hand(hub, conn, data):
    up = domain.parse_up(data.get("up"))
    hub.store.toy_set_hand(conn.workshop_id, conn.participant_id, up)
    hub.changed(conn.workshop_id, "toy_hands")
    return ok(up=up)


PART = LivePart(
    name=NAME, phone_events={"toy_hand": hand}, flushers={"toy_hands": flush_hands}, phone_state=phone_state
)
