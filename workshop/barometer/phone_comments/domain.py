"""Short written comments from phones, each carrying its writer's place.

The facilitator allows them per workshop (off by default). While a statement
is open a phone may write up to 280 characters; the comment is stored with
where its writer stood at that moment, and waits for the facilitator, who
approves, edits or rejects it. Approved comments may be shown on the
projector, one at a time, labelled by region and never by person. The
facilitator's own "Kommentar:" lines are another thing and stay as they are.

Pure: no Flask, no SQL; the store calls these inside its transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TypeVar

from workshop.barometer.floor.domain import FLOOR_REGIONS, SOMEONE, parse_turn_seconds
from workshop.domain.errors import Conflict, Invalid
from workshop.domain.parse import parse_bool
from workshop.domain.text import clean_text

PHONE_COMMENT_MAX = 280
# A phone may send this many comments per window: enough to add a thought,
# too few to flood the facilitator's queue.
RATE_COUNT = 3
RATE_SECONDS = 60

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
DECISIONS = (APPROVED, REJECTED)


NO_COMMENT = {"statement": None}


def validate_phone_comment(value) -> str:
    return clean_text(value, "text", max_len=PHONE_COMMENT_MAX, multiline=False)


def validate_settings(data: dict) -> dict:
    """PATCH /barometer: {"phone_comments"?: bool, "turn_seconds"?: 0..600}.
    Every field is checked before anything is written."""
    changes = {}
    if "phone_comments" in data:
        changes["phone_comments"] = parse_bool(data["phone_comments"], "phone_comments")
    if "turn_seconds" in data:
        changes["turn_seconds"] = parse_turn_seconds(data["turn_seconds"])
    return changes


def check_can_comment(allowed: bool, statement_status: str, has_position: bool) -> None:
    if not allowed:
        raise Conflict("The facilitator has not opened for written comments.")
    if statement_status != "open":
        raise Conflict("This statement is closed; comments can no longer be sent.")
    if not has_position:
        raise Conflict("Place yourself on the line first, then write your comment.")


def check_rate(recent: int) -> None:
    """``recent``: this phone's comments in the last RATE_SECONDS."""
    if recent >= RATE_COUNT:
        raise Conflict("At most %(count)d comments a minute: wait a moment and send again.", count=RATE_COUNT)


def parse_moderation(data: dict) -> dict:
    """The facilitator's decision: {"status"?: "approved"|"rejected", "text"?}."""
    changes = {}
    if "status" in data:
        if data["status"] not in DECISIONS:
            raise Invalid('status must be "approved" or "rejected".')
        changes["status"] = data["status"]
    if "text" in data:
        changes["text"] = validate_phone_comment(data["text"])
    if not changes:
        raise Invalid("Send a status, a text, or both.")
    return changes


def check_editable(status: str) -> None:
    # A rejected comment is out of the minutes; editing it would be pointless.
    if status == REJECTED:
        raise Conflict("This comment was rejected; approve it before editing it.")


def check_showable(status: str, statement_status: str) -> None:
    if status != APPROVED:
        raise Conflict("Only approved comments can be shown on the projector.")
    if statement_status != "open":
        raise Conflict("Comments are shown while their statement is open.")


T = TypeVar("T")


def shown_views(shown: dict | None) -> tuple[dict, dict]:
    """The comment on the projector (the store's row: statement, text,
    region, hidden; None when none is shown) as staff see it and as the
    projector is told it: its side ("Kommentar från håller med-sidan") only
    while the statement's dots show. While they are hidden, the side would
    tell the room where the writer stands."""
    if shown is None:
        return NO_COMMENT, NO_COMMENT
    staff = {k: shown[k] for k in ("statement", "text", "region")}
    if shown.get("protected"):  # its region held fewer than min_group: "Kommentar från en deltagare"
        staff["protected"] = True
    return staff, ({**staff, "region": None} if shown["hidden"] else staff)


def by_region(comments: Iterable[T]) -> list[tuple[str, list[T]]]:
    """Comments grouped by their ``region``, regions in line order, empty ones
    left out; protected ones (region SOMEONE) last."""
    groups: dict[str, list[T]] = defaultdict(list)
    for c in comments:
        groups[c.region].append(c)
    return [(r, groups[r]) for r in (*FLOOR_REGIONS, SOMEONE) if groups.get(r)]


def rate_window_start(now_iso: str, seconds: int = RATE_SECONDS) -> str:
    """The ISO time ``seconds`` before ``now_iso`` (same format, so they sort as text)."""
    start = datetime.fromisoformat(now_iso) - timedelta(seconds=seconds)
    return start.isoformat(timespec="milliseconds")
