"""Strings the browser scripts show, translated per request and handed to
the page as JSON (scripts never hold their own copy of a user-facing text)."""
from __future__ import annotations

from flask_babel import gettext as _


def js_strings() -> dict:
    return {
        "saved": _("Saved"),
        "saving": _("Saving…"),
        "not_saved": _("Not saved: %(error)s"),
        "offline": _("Offline – reconnecting…"),
        "online": _("Connected"),
        "waiting": _("Wait for the next statement."),
        "lobby": _("You are in. Wait for the facilitator to start."),
        "ended": _("The workshop has ended. Thank you!"),
        "openspace": _("Open Space is under way."),
        "pass": _("Pass / Don’t know"),
        "passed": _("You passed on this statement."),
        "place_marker": _("Drag the marker, or tap the line, to show where you stand."),
        "agree": _("Agree"),
        "disagree": _("Disagree"),
        "middle": _("Middle"),
        "value_text": _("%(value)s of 100, %(region)s"),
        "positions": _("%(count)s positions"),
        "passes": _("%(count)s passed"),
        "joined": _("%(count)s joined"),
        "online_count": _("%(count)s online"),
        "hidden": _("Hidden until the facilitator reveals"),
        "no_statement": _("No statement is open."),
        "confirm_delete": _("Delete this? This cannot be undone."),
        "error": _("Error"),
        "open": _("Open"),
        "close": _("Close"),
        "reveal": _("Reveal"),
        "hide": _("Hide dots"),
        "edit": _("Edit"),
        "delete": _("Delete"),
        "up": _("Move up"),
        "down": _("Move down"),
        "save": _("Save"),
        "cancel": _("Cancel"),
        "comment": _("Comment"),
        "add_comment": _("Add comment"),
        "status_draft": _("Not shown yet"),
        "status_open": _("Open now"),
        "status_closed": _("Closed"),
        "answers": _("%(count)s answers"),
        "mean": _("Mean %(mean)s"),
        "refused": _("Could not join: %(error)s"),
        "sign_in_first": _("Paste the admin token first."),
    }
