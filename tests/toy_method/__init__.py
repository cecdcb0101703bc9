"""Handuppräckning (a show of hands): a fourth method that lives entirely in
the tests, to show that a method is a unit. It touches no core file: it is
handed to ``create_app(methods=...)`` beside the three real ones, and the
core runs its phase, Store queries, HTTP route, socket event, flusher,
state part and appendix section.

A phone raises or lowers its hand (``toy_hand``); staff get the count of
raised hands (``toy_hands``, coalesced); the appendix's JSON holds it.
"""

from tests.toy_method import live, migrations, strings, web
from tests.toy_method.storage import ToyQueries
from workshop.method import N_, Method


def _appendix():
    from tests.toy_method.appendix import SECTION

    return SECTION


METHOD = Method(
    name="toy",
    label=N_("Show of hands"),
    store=ToyQueries,
    migrations=migrations.migrations,
    blueprint=web.bp,
    live=(live.PART,),
    js_strings=strings.js_strings,
    appendix=_appendix,
    pages=(),  # no page parts: the toy is driven by sockets and HTTP only
    archive_columns=(("toy_hands", N_("Show of hands")),),
)
