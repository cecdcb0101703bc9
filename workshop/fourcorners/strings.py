"""Texts Fyra hörn's scripts show (static/js/fourcorners/), translated per request."""

from __future__ import annotations


def js_strings(_) -> dict:
    return {
        "view_corners": _("The four corners"),
        "waiting_fourcorners": _("Wait for the next question."),
        "fc_choose": _("Choose the corner you go to. You may change while the question is open."),
        "fc_chosen": _("You chose %(corner)s: %(label)s"),
        "fc_passed": _("You passed on this question."),
        "fc_pass": _("Pass"),
        "fc_people": _("People: %(count)s"),
        "fc_corner_summary": _("%(corner)s, %(label)s: %(count)s"),
        "fc_counts": _("Chosen: %(count)s · Passes: %(passes)s"),
        "fc_no_question": _("No question is open."),
        "fc_open": _("Open"),
        "fc_close": _("Close"),
        "fc_comment": _("Comment"),
        "fc_add_comment": _("Add comment"),
        "fc_status_draft": _("Not shown yet"),
        "fc_status_open": _("Open now"),
        "fc_status_closed": _("Closed"),
        "fc_answers": _("Answers: %(count)s"),
        "fc_question": _("Question"),
        "fc_corner_label": _("Corner %(corner)s"),
        "fc_question_of": _("Question %(number)s of %(count)s"),
        "fc_up_next": _("Next: %(text)s"),
        "fc_run_open": _("The question is open."),
        "fc_run_closed": _("The question is closed – the result."),
        "fc_all_shown": _("Every question has been shown."),
        "fc_none_yet": _("No questions yet: write them under Prepare."),
        "fc_minutes_open": _("Open question"),
        "fc_minutes_closed": _("Closed last"),
    }
