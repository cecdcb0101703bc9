"""Socket.IO, comments from phones: written on the phone, moderated in the console.

phone -> comment {"statement": id, "text": 1..280 chars}   acked once committed
staff <- phone_comments {"statement", "comments"}  facilitators only: the open
         statement's comments, pending ones included
staff <- comment_shown {"statement", "text", "region"} | {"statement": null}
         the one approved comment on the projector, by region, never by person;
         projectors get "region": null while the statement's dots are hidden
state += "may_comment" for a phone while a statement is open (see live_floor),
         "phone_comments_allowed" for staff (the setting, made under Prepare)
"""

from __future__ import annotations

from ..auth import FACILITATOR, PROJECTOR, for_role
from ..domain.parse import parse_id
from ..live.acks import ok, participant_event
from ..live.hub import room
from . import domain_comments as rules


def comments_changed(hub, workshop_id: str) -> None:
    hub.changed(workshop_id, "phone_comments", "comment_shown")


def register(socketio, hub) -> None:
    store = hub.store

    def flush_comments(workshop_id: str) -> None:
        statement = store.open_statement(workshop_id)
        if statement is not None:
            socketio.emit(
                "phone_comments",
                {
                    "statement": statement["id"],
                    "comments": store.phone_comments(workshop_id, statement["id"]),
                },
                to=room(workshop_id, FACILITATOR),
            )

    def shown(workshop_id: str) -> tuple[dict, dict]:
        """The shown comment for staff, and for the projector."""
        return rules.shown_views(store.shown_phone_comment(workshop_id))

    def flush_shown(workshop_id: str) -> None:
        hub.emit_staff(workshop_id, "comment_shown", *shown(workshop_id))

    def staff_state(workshop: dict) -> dict:
        return {"phone_comments_allowed": store.barometer_settings(workshop["id"])["phone_comments"]}

    hub.staff_state.append(staff_state)
    hub.flushers["phone_comments"] = flush_comments
    hub.flushers["comment_shown"] = flush_shown
    hub.refreshed_with_state.update({"phone_comments", "comment_shown"})

    def send_shown(conn, _workshop) -> None:
        socketio.emit("comment_shown", for_role(conn.role, *shown(conn.workshop_id)), to=conn.sid)

    hub.on_connect[FACILITATOR].append(send_shown)
    hub.on_connect[PROJECTOR].append(send_shown)

    @socketio.on("comment")
    @participant_event(hub)
    def comment(conn, data):
        statement_id = parse_id(data.get("statement"), "statement")
        text = rules.validate_phone_comment(data.get("text"))
        saved = store.add_phone_comment(conn.workshop_id, statement_id, conn.participant_id, text)
        hub.changed(conn.workshop_id, "phone_comments")
        return ok(statement=statement_id, id=saved["id"], status=saved["status"])
