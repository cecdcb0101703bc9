"""Texts Åsiktsbarometer's scripts show (static/js/barometer/), translated per request."""

from __future__ import annotations


def js_strings(_) -> dict:
    return {
        "waiting_barometer": _("Wait for the next statement."),
        "pass": _("Pass / Don’t know"),
        "passed": _("You passed on this statement."),
        "place_marker": _("Drag the marker, or tap the line, to show where you stand."),
        "agree": _("Agree"),
        "disagree": _("Disagree"),
        "middle": _("Middle"),
        "value_text": _("%(value)s of 100, %(region)s"),
        "positions": _("Positions: %(count)s"),
        "passes": _("Passes: %(count)s"),
        "hidden": _("Hidden until the facilitator reveals"),
        "no_statement": _("No statement is open."),
        "open": _("Open"),
        "close": _("Close"),
        "reveal": _("Reveal"),
        "hide": _("Hide dots"),
        "up": _("Move up"),
        "down": _("Move down"),
        "comment": _("Comment"),
        "add_comment": _("Add comment"),
        "status_draft": _("Not shown yet"),
        "status_open": _("Open now"),
        "status_closed": _("Closed"),
        "answers": _("Answers: %(count)s"),
        "mean": _("Mean %(mean)s"),
        "dots_hidden": _("dots hidden"),
        "statement_of": _("Statement %(number)s of %(count)s"),
        "closed_result": _("Closed – the result"),
        "up_next": _("Next: %(text)s"),
        "all_shown": _("Every statement has been shown."),
        "none_yet": _("No statements yet: write them under Prepare."),
        "view_statement": _("The statement"),
        "view_result": _("The result"),
    }
