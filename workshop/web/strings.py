"""Strings the browser scripts show, translated per request and handed to
the page as JSON (scripts never hold their own copy of a user-facing text).

The core's own here; each method adds its own (``Method.js_strings``).
"""

from __future__ import annotations

from flask_babel import gettext as _

from workshop.web.context import registry


def js_strings() -> dict:
    strings = core_strings(_)
    for method in registry().methods:
        strings.update(method.js_strings(_))
    return strings


def core_strings(_) -> dict:
    """``_``: gettext (the registry passes an identity to learn the keys)."""
    return {
        "saved": _("Saved"),
        "saving": _("Saving…"),
        "not_saved": _("Not saved: %(error)s"),
        "offline": _("Lost the connection – trying again…"),
        "unreachable": _("Cannot reach the server – trying again…"),
        "disconnected": _("The connection was closed."),
        "restarting": _("The server is restarting – you will be back in a moment."),
        "queued": _("Not sent yet – it goes out when the connection is back."),
        "pending_one": _("1 change waiting"),
        "pending_many": _("%(count)s changes waiting"),
        "online": _("Connected"),
        "lobby": _("You are in. Wait for the facilitator to start."),
        "ended": _("The workshop has ended. Thank you!"),
        "joined": _("Joined: %(count)s"),
        "online_count": _("Online: %(count)s"),
        "confirm_delete": _("Delete this? This cannot be undone."),
        "error": _("Error"),
        "edit": _("Edit"),
        "delete": _("Delete"),
        "save": _("Save"),
        # The other languages of a statement or question (texts_editor.js, phone.js)
        "text_en": _("In English"),
        "text_lattlast": _("In easy-read Swedish"),
        "also_in": _("Other languages: %(languages)s"),
        "lang_en": _("English"),
        "lang_lattlast": _("Easy-read Swedish"),
        "cancel": _("Cancel"),
        "refused": _("Could not join: %(error)s"),
        "sign_in_first": _("Paste the admin token first."),
        "summary_loading": _("Loading the summary…"),
        "summary_updated": _("Updated %(time)s"),
        "summary_failed": _("Could not load the summary: %(error)s"),
        "export_as": _("Download %(title)s as %(format)s"),
        "confirm_delete_workshop": _(
            "Delete the workshop “%(title)s” and all of its data: "
            "statements, positions, comments, topics and notes? "
            "This cannot be undone."
        ),
        "waiting": _("Wait for the facilitator."),
        "lock": _("Close to new participants"),
        "locked": _("Closed to new participants – open again"),
        "retention_on": _(
            "Ended workshops are deleted %(days)s days after they end. "
            "Download what you want to keep before then."
        ),
        "retention_off": _("Workshops are kept until you delete them."),
        "kept_until_ended": _("%(days)s days after it ends"),
        "kept": _("Kept"),
        "refused_guesses": _("Wrong join codes refused since the server started: %(count)s"),
        "comment_saved": _("Comment saved"),
        "projector_shows": _("The projector shows: %(view)s"),
        "view_auto": _("Automatic"),
        "view_lobby": _("The lobby (QR code)"),
        "view_thanks": _("Thank you"),
        # Staff (issue 19): roles, the staff panel, the way in.
        "role_facilitator": _("Co-facilitator"),
        "role_minute_taker": _("Minute-taker"),
        "role_projector": _("Projector"),
        "role_admin": _("Organiser"),
        "role_adjuster": _("Adjuster"),
        "staff_invite_open": _("Invite not yet used"),
        "staff_online": _("Online"),
        "staff_offline": _("Not connected"),
        "staff_revoke_short": _("Revoke"),
        "staff_revoke": _("Revoke %(name)s's access"),
        "staff_revoke_invite": _("Revoke the invite for %(name)s"),
        "staff_revoked": _("Your access to this workshop was revoked. Ask the facilitator for a new invite."),
        "projector_paired": _("Paired: the projector shows the workshop."),
        "way_in_bad_link": _(
            "That is not a facilitator link or an invite. Copy the whole link, with what follows #."
        ),
        "way_in_signin": _("Sign in as organiser"),
        "summary_way_in": _(
            "The summary is for the workshop's facilitators. Sign in, or open it from the console."
        ),
        "save_template": _("Save as template"),
        "save_template_for": _("Save %(title)s as a template"),
        "template_saved": _("Saved as the template “%(title)s”."),
        "template_imported": _("Imported the template “%(title)s”."),
        "template_download": _("Download %(title)s (JSON)"),
        "series_title": _("Series: %(title)s"),
        "series_saved": _("Saved: %(count)s workshops in the series."),
        "series_count": _("%(count)s workshops"),
        # Justering (issue 21): the console's panel and the adjuster's page.
        "justering_draft": _("Draft"),
        "justering_finalised": _("Finalised (version %(version)s): waiting for the adjusters"),
        "justering_approved": _("Approved by %(names)s"),
        "justering_change": _("The adjuster asks for a change: %(comment)s"),
        "justering_version": _("Version %(version)s"),
        "justering_version_approved": _("approved by %(names)s"),
        "justering_version_reopened": _("reopened for a change"),
        "adjuster_invited": _("Give this link to the adjuster; it works until you revoke it."),
        "adjust_approved": _("Approved by %(names)s. Thank you!"),
        "adjust_thanks": _("Thank you: your approval is saved. The other adjuster has not approved yet."),
        "adjust_change_sent": _("Sent: the facilitator sees your comment and can change the workshop."),
        # The minute-taker's page (static/js/minutes.js, minutes_editor.js).
        "minutes_note": _("Minutes note"),
        "minutes_saved": _("Saved (version %(version)s)"),
        "minutes_unsaved": _("Changed – saves when you pause"),
        "minutes_prefilled": _("A suggestion from the summary: edit it, it saves by itself."),
        "minutes_conflict": _("Someone else saved these minutes while you were writing. Their text:"),
        "minutes_conflict_status": _("Not saved: a version conflict. Choose which text applies."),
        "minutes_keep_theirs": _("Keep theirs"),
        "minutes_overwrite": _("Overwrite with mine"),
        "minutes_no_comments": _("No comments yet."),
        "minutes_no_decisions": _("No decisions yet."),
        "minutes_decision_added": _("Decision added"),
        "minutes_decision": _("Decision or next step"),
        "minutes_who": _("Who"),
        "minutes_when": _("When"),
        "minutes_edit_decision": _("Edit the decision “%(text)s”"),
        "minutes_delete_decision": _("Delete the decision “%(text)s”"),
    }
