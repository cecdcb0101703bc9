"""Who may do what: the roles and the rules, for HTTP, sockets and export links.

Pure (no Flask): the HTTP decorators that load a workshop and apply these
rules to a request live in ``workshop.web.access``.

A credential is resolved to a role for one workshop:

    admin token        -> ADMIN        (everything, every workshop)
    facilitator_key    -> FACILITATOR  (runs this workshop)
    projector_key      -> PROJECTOR    (reads this workshop's live view)
    participant token  -> PARTICIPANT  (one phone; resolved at socket connect)
    a staff session    -> its role     (a cookie; see ``session_role``)
    an invite's secret -> its role     (FACILITATOR, MINUTE_TAKER, PROJECTOR or ADJUSTER)

MINUTE_TAKER reads whatever the facilitator reads and writes the
facilitator's comments and notes (``WRITES``); it never opens, closes,
hides, reveals, gives the floor, moderates, changes the phase or deletes.

ADJUSTER (justerare, invited by ``POST …/adjusters``) reads the finalised
appendix and approves it or asks for a change; nothing else: no live view,
no socket, no other write.

Keys are compared in constant time. HTTP sends ``Authorization: Bearer``;
staff sockets send ``auth={"workshop", "key"}``; a browser download link,
which cannot send a header, may carry ``?key=<facilitator key>`` on a GET
(never the admin token: a URL ends up in history and logs).

What differs by role (hidden positions, hidden topics) is decided by
``for_role``, and nowhere else.
"""

from __future__ import annotations

import hmac

from workshop.domain.errors import Invalid

ADMIN, FACILITATOR, PROJECTOR, PARTICIPANT = "admin", "facilitator", "projector", "participant"
MINUTE_TAKER = "minute_taker"
ADJUSTER = "adjuster"
STAFF = (ADMIN, FACILITATOR, MINUTE_TAKER, PROJECTOR, ADJUSTER)
# Who sees everything in a workshop (hidden positions and topics included).
RUNS = (ADMIN, FACILITATOR, MINUTE_TAKER)
# Who writes the facilitator's comments and notes (besides the admin).
WRITES = (FACILITATOR, MINUTE_TAKER)
# The roles an invite may hand out.
INVITABLE = (FACILITATOR, MINUTE_TAKER, PROJECTOR)


def same(given, expected) -> bool:
    """Constant-time equality for secrets; False for anything not a non-empty str."""
    if not isinstance(given, str) or not isinstance(expected, str) or not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def role_for(workshop: dict, key, admin_token: str) -> str | None:
    """The staff role a key has in this workshop, or None."""
    if same(key, admin_token):
        return ADMIN
    if same(key, workshop["facilitator_key"]):
        return FACILITATOR
    if same(key, workshop["projector_key"]):
        return PROJECTOR
    return None


def for_role(role: str | None, full, public):
    """What ``role`` is shown: those who run the workshop get ``full``; the
    projector and phones get ``public`` (no hidden positions or topics)."""
    return full if role in RUNS else public


def runs(role: str | None) -> bool:
    return role in RUNS


def validate_role(raw) -> str:
    if raw not in INVITABLE:
        raise Invalid("The role must be one of: %(roles)s.", roles=", ".join(INVITABLE))
    return raw


def session_role(session: dict | None, workshop_id: str | None) -> str | None:
    """The role a (live, unrevoked) staff session has in this workshop: an
    organiser's (admin) session in every workshop, any other only in its own."""
    if session is None:
        return None
    if session["role"] == ADMIN:
        return ADMIN
    if workshop_id is not None and session["workshop_id"] == workshop_id:
        return session["role"]
    return None
