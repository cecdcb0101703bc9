"""Socket.IO, Fyra hörn: phones pick a corner; staff get the room's tally.

    phone -> corner {"question": id, "corner": 0..3 | "pass"}   acked once committed
    staff <- tally (coalesced, one per window), questions (facilitators)
    state += {"corners": {"question": {id, text, labels}, "choice"} | null}   phones, in its phase
             {"corners": {"question": {id, text, labels, status}} | null,     staff
              "corners_closed": {id, text, labels, status, tally} | null}

A choice is acked only after the store committed it; the hub then sends one
`tally` per window however many phones chose. Phones never get other
people's choices: the tally goes to staff rooms only.
"""

from __future__ import annotations

from ..auth import FACILITATOR, PROJECTOR, for_role
from ..domain.parse import parse_id
from ..live.acks import ok, participant_event
from ..live.hub import room
from . import domain as rules

NAME = "fourcorners"
TALLY = "tally"


def _question_view(question: dict, *fields: str) -> dict:
    return {k: question[k] for k in ("id", "text", "labels", *fields)}


def questions_changed(hub, workshop_id: str) -> None:
    """Questions added, edited, deleted or commented: refresh facilitators' lists."""
    hub.socketio.emit(
        "questions", {"questions": hub.store.fc_questions(workshop_id)}, to=room(workshop_id, FACILITATOR)
    )


def register(socketio, hub) -> None:
    store = hub.store

    def tally_payloads(question: dict) -> tuple[dict, dict]:
        tally = store.fc_tally(question["id"])
        return tally.as_dict(), tally.public()

    def flush_tally(workshop_id: str) -> None:
        question = store.fc_open_question(workshop_id)
        if question is not None:
            hub.emit_staff(workshop_id, "tally", *tally_payloads(question))

    hub.flushers[TALLY] = flush_tally
    hub.refreshed_with_state.add(TALLY)

    def phone_state(workshop: dict, only=None):
        # Outside its phase it adds nothing to a phone's state. Read once per
        # push, then answer per phone from memory; a welcome reads its own row.
        if workshop["phase"] != NAME:
            return lambda participant_id: {}
        question = store.fc_open_question(workshop["id"])
        mine = only.participant_id if only is not None else None
        choices = store.fc_choices_by_participant(question["id"], mine) if question else {}

        def part(participant_id: int) -> dict:
            if question is None:
                return {"corners": None}
            return {
                "corners": {
                    "question": _question_view(question),
                    "choice": rules.choice_for_phone(choices.get(participant_id), participant_id in choices),
                }
            }

        return part

    def staff_state(workshop: dict) -> dict:
        question = store.fc_open_question(workshop["id"])
        return {
            "corners": {"question": _question_view(question, "status")} if question else None,
            "corners_closed": closed_result(workshop),
        }

    def closed_result(workshop: dict) -> dict | None:
        """The question closed last with its final tally: the projector keeps
        the room's answer up after "Stäng frågan", as the barometer keeps its
        result, until another question opens. The state goes to projectors
        too, so the tally is the public one."""
        question = store.fc_last_closed_question(workshop["id"])
        if question is None:
            return None
        return {**_question_view(question, "status"), "tally": store.fc_tally(question["id"]).public()}

    hub.phone_state.append(phone_state)
    hub.staff_state.append(staff_state)

    def send_tally(conn, _workshop) -> None:
        question = store.fc_open_question(conn.workshop_id)
        if question:
            full, public = tally_payloads(question)
            socketio.emit("tally", for_role(conn.role, full, public), to=conn.sid)

    hub.on_connect[FACILITATOR].append(send_tally)
    hub.on_connect[PROJECTOR].append(send_tally)

    @socketio.on("corner")
    @participant_event(hub)
    def corner(conn, data):
        question_id = parse_id(data.get("question"), "question")
        choice = rules.parse_corner(data.get("corner"))
        store.fc_record_choice(conn.workshop_id, question_id, conn.participant_id, choice)
        hub.changed(conn.workshop_id, TALLY)
        return ok(question=question_id, corner=rules.choice_for_phone(choice, True))
