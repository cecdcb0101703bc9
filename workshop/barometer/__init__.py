"""Åsiktsbarometer (opinion barometer): the facilitator reads a statement and
the group places itself on a line from "håller INTE med" (0) to "håller med"
(100), or passes. People may move while others talk.

Everything the method does is in this package, ``templates/barometer/`` and
``static/js/barometer/``; see workshop/method.py for the parts.
"""

from ..method import N_, Method
from . import live, live_comments, live_floor, live_replay, migrations, strings, web
from .storage import BarometerQueries


def _appendix():
    from .appendix import SECTION

    return SECTION


METHOD = Method(
    name="barometer",
    label=N_("Opinion barometer"),
    store=BarometerQueries,
    migrations=migrations.migrations,
    blueprint=web.api,
    live=(live.PART, live_floor.PART, live_comments.PART, live_replay.PART),
    js_strings=strings.js_strings,
    appendix=_appendix,
    archive_columns=(("statements", N_("Statements")),),
    workshop_fields=lambda store, workshop_id: {"statements": store.statements(workshop_id)},
    stylesheet="css/barometer.css",
    # The open statement live; the result of the one closed last.
    projector_views=("statement", "result"),
)
