"""Åsiktsbarometer (opinion barometer): the facilitator reads a statement and
the group places itself on a line from "håller INTE med" (0) to "håller med"
(100), or passes. People may move while others talk.

Everything the method does is in this package, ``templates/barometer/`` and
``static/js/barometer/``; see workshop/method.py for the parts. By feature:

    the line itself      domain.py (positions, Distribution), domain_summary.py
                         (the verbal summary), aggregate.py (in-memory
                         distribution), storage.py, live.py (a phone's move,
                         `distribution`), web.py (statements, open/close, the
                         facilitator's comments: "Kommentar: …")
    floor/               Ordet: hands, the queue, who speaks (domain, storage,
                         live, web); static/js/barometer/floor.js
    phone_comments/      comments written on phones, moderated in the console
                         (domain, storage, live, web); static/js/barometer/comments.js
    replay/              the replay of a closed statement (domain, storage, live,
                         web); static/js/barometer/replay*.js
    the appendix         record.py, appendix.py, appendix_view.py,
                         appendix_formats.py, charts.py
    schema, texts        migrations.py, strings.py

The facilitator's own comments are not phone comments: they live with the
statements (storage.py ``add_comment``, web.py ``/comments``,
static/js/facilitator_comments.js).
"""

from workshop.barometer import live, migrations, strings, template, web
from workshop.barometer.floor import live as live_floor
from workshop.barometer.phone_comments import live as live_comments
from workshop.barometer.replay import live as live_replay
from workshop.barometer.storage import BarometerQueries
from workshop.method import N_, Method


def _appendix():
    from workshop.barometer.appendix import SECTION

    return SECTION


def _series():
    # Imported on first use, like the appendix.
    from workshop.barometer.series import SERIES

    return SERIES


METHOD = Method(
    name="barometer",
    label=N_("Opinion barometer"),
    store=BarometerQueries,
    migrations=migrations.migrations,
    blueprint=web.api,
    live=(live.PART, live_floor.PART, live_comments.PART, live_replay.PART),
    js_strings=strings.js_strings,
    pages=("phone", "projector", "console", "minutes"),
    appendix=_appendix,
    archive_columns=(("statements", N_("Statements")),),
    workshop_fields=lambda store, workshop_id: {"statements": store.statements(workshop_id)},
    stylesheet="css/barometer.css",
    # The open statement live; the result of the one closed last.
    template=template.PART,
    series=_series,
    projector_views=("statement", "result"),
    languages=lambda store, workshop_id: store.statement_languages(workshop_id),
)
