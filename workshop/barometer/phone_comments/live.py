"""Socket.IO, comments from phones: written on the phone, moderated in the console.

phone -> comment {"statement": id, "text": 1..280 chars}   acked once committed
staff <- phone_comments {"statement", "comments"}  facilitators only: the open
         statement's comments, pending ones included
staff <- comment_shown {"statement", "text", "region"} | {"statement": null}
         the one approved comment on the projector, by region, never by person;
         projectors get "region": null while the statement's dots are hidden
state += "may_comment" for a phone while a statement is open (see floor/live.py),
         "phone_comments_allowed" for staff (the setting, made under Prepare)
"""

from __future__ import annotations

from workshop.auth import FACILITATOR, PROJECTOR, for_role
from workshop.barometer.phone_comments import domain as rules
from workshop.domain.parse import parse_id
from workshop.live.acks import ok
from workshop.live.hub import room
from workshop.live.part import LivePart


def comments_changed(hub, workshop_id: str) -> None:
    hub.changed(workshop_id, "phone_comments", "comment_shown")


def flush_comments(hub, workshop_id: str) -> None:
    statement = hub.store.open_statement(workshop_id)
    if statement is not None:
        hub.socketio.emit(
            "phone_comments",
            {
                "statement": statement["id"],
                "comments": hub.store.phone_comments(workshop_id, statement["id"]),
            },
            to=room(workshop_id, FACILITATOR),
        )


def shown(store, workshop_id: str) -> tuple[dict, dict]:
    """The shown comment for staff, and for the projector."""
    return rules.shown_views(store.shown_phone_comment(workshop_id))


def flush_shown(hub, workshop_id: str) -> None:
    hub.emit_staff(workshop_id, "comment_shown", *shown(hub.store, workshop_id))


def staff_state(hub, workshop: dict) -> dict:
    return {"phone_comments_allowed": hub.store.barometer_settings(workshop["id"])["phone_comments"]}


def send_shown(hub, conn, _workshop) -> None:
    hub.socketio.emit("comment_shown", for_role(conn.role, *shown(hub.store, conn.workshop_id)), to=conn.sid)


def comment(hub, conn, data):
    statement_id = parse_id(data.get("statement"), "statement")
    text = rules.validate_phone_comment(data.get("text"))
    saved = hub.store.add_phone_comment(conn.workshop_id, statement_id, conn.participant_id, text)
    hub.changed(conn.workshop_id, "phone_comments")
    return ok(statement=statement_id, id=saved["id"], status=saved["status"])


PART = LivePart(
    name="barometer.phone_comments",
    phone_events={"comment": comment},
    flushers={"phone_comments": flush_comments, "comment_shown": flush_shown},
    refreshed_with_state=("phone_comments", "comment_shown"),
    on_connect={FACILITATOR: (send_shown,), PROJECTOR: (send_shown,)},
    staff_state=staff_state,
)
