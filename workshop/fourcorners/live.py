"""Socket.IO, Fyra hörn: phones pick a corner; staff get the room's tally.

    phone -> corner {"question": id, "corner": 0..3 | "pass"}   acked once committed
    staff <- tally (coalesced, one per window), questions (facilitators)
    staff that connect with auth "deltas": true (one process only):
          <- tally + "seq" (a snapshot: on connect, every SNAPSHOT_EVERY
             windows, on a new question, after a gap)
             tally_delta (the other windows: workshop/domain/deltas.py)
          -> tally_snapshot {} after a gap in "seq"
    state += {"corners": {"question": {id, text, labels}, "choice"} | null}   phones, in its phase
             {"corners": {"question": {id, text, labels, status}} | null,     staff
              "corners_closed": {id, text, labels, status, tally} | null}

A choice is acked only after the store committed it; the hub then sends one
`tally` per window however many phones chose. Phones never get other
people's choices: the tally goes to staff rooms only.
"""

from __future__ import annotations

from workshop.auth import FACILITATOR, PROJECTOR, for_role
from workshop.domain.parse import parse_id
from workshop.domain.texts import read_in
from workshop.fourcorners import domain as rules
from workshop.live.acks import ok
from workshop.live.deltas import DeltaWindows
from workshop.live.hub import deltas_room, room
from workshop.live.part import LivePart

NAME = "fourcorners"
TALLY = "tally"


def _question_view(question: dict, *fields: str) -> dict:
    # Its other languages too, when it has any: the phone shows the one it reads in.
    view = {k: question[k] for k in ("id", "text", "labels", *fields)}
    if question.get("texts"):
        view["texts"] = question["texts"]
    return view


def _phone_question(question: dict, reading: str | None) -> dict:
    """The open question for a phone: its text and corner labels in the
    phone's reading language (the workshop's when the question lacks it)."""
    view = _question_view(question)
    own = {"text": question["text"], "labels": question["labels"]}
    words = read_in(reading, own, question.get("texts"))
    return {**view, "text": words["text"], "labels": list(words["labels"])}


def questions_changed(hub, workshop_id: str) -> None:
    """Questions added, edited, deleted or commented: refresh facilitators' lists."""
    hub.socketio.emit(
        "questions", {"questions": hub.store.fc_questions(workshop_id)}, to=room(workshop_id, FACILITATOR)
    )


def tally_payloads(store, question: dict) -> tuple[dict, dict]:
    tally = store.fc_tally(question["id"])
    return tally.as_dict(), tally.public()


def _windows(hub) -> DeltaWindows | None:
    """The tally's delta windows; None with several processes (whole tallies, as before)."""
    return hub.runtime[NAME]


def _entries(tally: rules.Tally) -> dict:
    return dict(tally.choices)  # number -> corner, None for a pass


def _tally_of(question: int, entries: dict) -> rules.Tally:
    return rules.Tally(question=question, choices=tuple(sorted(entries.items())))


def tally_delta(question: int, seq: int, tally: rules.Tally, changes: tuple) -> dict:
    """The `tally_delta` event (what projectors may see: the public tally's numbers), the dots
    that changed and those that left."""
    dots, gone = changes
    return {**tally.public(), "seq": seq, "dots": dots, "gone": gone}


def flush_tally(hub, workshop_id: str) -> None:
    question = hub.store.fc_open_question(workshop_id)
    if question is None:
        return
    tally = hub.store.fc_tally(question["id"])
    windows = _windows(hub)
    if windows is None:  # a cluster: whole tallies to every screen
        hub.emit_staff(workshop_id, "tally", tally.as_dict(), tally.public())
        return
    # Cut every window, screens taking deltas or not: a screen's snapshot is the last cut.
    seq, changes = windows.window(workshop_id, question["id"], _entries(tally))
    plain, taking_deltas = hub.staff_split(workshop_id)
    if plain:
        hub.emit_staff(workshop_id, "tally", tally.as_dict(), tally.public(), skip=taking_deltas)
    if not taking_deltas:
        return
    # Corners are never hidden: facilitators and projectors get the same payload.
    if changes is None:
        hub.emit_staff(workshop_id, "tally", {**tally.public(), "seq": seq}, rooms=deltas_room)
    else:
        hub.emit_staff(
            workshop_id, "tally_delta", tally_delta(question["id"], seq, tally, changes), rooms=deltas_room
        )


def phone_state(hub, workshop: dict, only=None):
    # Outside its phase it adds nothing to a phone's state. Read once per
    # push, then answer per phone from memory; a welcome reads its own row.
    if workshop["phase"] != NAME:
        return lambda participant_id, reading=None: {}
    store = hub.store
    question = store.fc_open_question(workshop["id"])
    mine = only.participant_id if only is not None else None
    choices = store.fc_choices_by_participant(question["id"], mine) if question else {}

    def part(participant_id: int, reading: str | None = None) -> dict:
        if question is None:
            return {"corners": None}
        return {
            "corners": {
                "question": _phone_question(question, reading),
                "choice": rules.choice_for_phone(choices.get(participant_id), participant_id in choices),
            }
        }

    return part


def staff_state(hub, workshop: dict) -> dict:
    question = hub.store.fc_open_question(workshop["id"])
    return {
        "corners": {"question": _question_view(question, "status")} if question else None,
        "corners_closed": closed_result(hub.store, workshop),
    }


def closed_result(store, workshop: dict) -> dict | None:
    """The question closed last with its final tally: the projector keeps
    the room's answer up after "Stäng frågan", as the barometer keeps its
    result, until another question opens. The state goes to projectors
    too, so the tally is the public one."""
    question = store.fc_last_closed_question(workshop["id"])
    if question is None:
        return None
    return {**_question_view(question, "status"), "tally": store.fc_tally(question["id"]).public()}


def send_tally(hub, conn, _workshop) -> None:
    """A new staff screen's first `tally`: a snapshot (the last window's cut) if it takes deltas."""
    question = hub.store.fc_open_question(conn.workshop_id)
    if not question:
        return
    windows = _windows(hub)
    if conn.deltas and windows is not None:
        entries = _entries(hub.store.fc_tally(question["id"]))
        seq, held = windows.snapshot(conn.workshop_id, question["id"], entries)
        hub.socketio.emit("tally", {**_tally_of(question["id"], held).public(), "seq": seq}, to=conn.sid)
        return
    full, public = tally_payloads(hub.store, question)
    hub.socketio.emit("tally", for_role(conn.role, full, public), to=conn.sid)


def tally_snapshot(hub, conn, _data) -> None:
    """A screen saw a gap in "seq": it gets a snapshot (nothing if no question is open)."""
    send_tally(hub, conn, None)


def corner(hub, conn, data):
    question_id = parse_id(data.get("question"), "question")
    choice = rules.parse_corner(data.get("corner"))
    hub.store.fc_record_choice(conn.workshop_id, question_id, conn.participant_id, choice)
    hub.changed(conn.workshop_id, TALLY)
    return ok(question=question_id, corner=rules.choice_for_phone(choice, True))


PART = LivePart(
    name=NAME,
    # `corner` and `tally` are the socket contract's names (docs/protocol.md);
    # the core's claims keep them Fyra hörn's alone.
    setup=lambda hub: DeltaWindows() if hub.single_process else None,
    phone_events={"corner": corner},
    staff_events={"tally_snapshot": tally_snapshot},
    flushers={TALLY: flush_tally},
    refreshed_with_state=(TALLY,),
    on_connect={FACILITATOR: (send_tally,), PROJECTOR: (send_tally,)},
    phone_state=phone_state,
    staff_state=staff_state,
)
