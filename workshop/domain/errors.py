"""Domain errors. Transport maps them: Invalid -> 400, NotFound -> 404,
Conflict -> 409 over HTTP, and ``{"ok": false, "error"}`` over sockets.

The message is shown to the person who caused it, so it says what to do.
Messages are English msgids; transport translates them.
"""


def N_(text: str) -> str:
    """Marks a msgid for extraction (`make extract-messages`); it is
    translated where it is shown."""
    return text


class DomainError(Exception):
    status = 400

    def __init__(self, message: str, **params):
        super().__init__(message)
        self.message = message
        self.params = params  # %-style values for the translated message


class Invalid(DomainError):
    status = 400


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    status = 409


class Stale(Conflict):
    """A version conflict: someone saved first. ``current`` is what they
    saved, sent back so the writer can compare (never last-write-wins). Over
    HTTP and sockets alike the answer carries ``details()``."""

    def __init__(self, message: str, current: dict, **params):
        super().__init__(message, **params)
        self.current = current

    def details(self) -> dict:
        return {"conflict": True, "current": self.current}
