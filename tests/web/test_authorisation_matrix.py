"""Every route of the app x every role: 0 bypasses (issue 19).

The routes come from ``app.url_map``, so a route added later is in the
matrix at once; a route not classified here fails the test, until someone
says who may call it. Each role is tried by Bearer and by session cookie
(with its CSRF token), on a fresh pair of workshops, so a route that
changes state is tried before anything changed it.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ADMIN, bearer

READERS = {"admin", "facilitator", "minute_taker", "projector"}
WRITERS = {"admin", "facilitator", "minute_taker"}
RUNNERS = {"admin", "facilitator"}
ROLES = ("admin", "facilitator", "minute_taker", "projector", "other_staff", "none")

# Routes anyone may call: pages (shells; their data comes through the API),
# the sign-in and pairing flow (each checks its own credential), health.
PUBLIC = {
    "static", "pages.home", "pages.join", "pages.phone", "pages.projector", "pages.console_home",
    "pages.console", "pages.vendor", "health.healthz", "health.readyz", "summary_pages.summary_page",
    "staff.signin_page", "staff.signin", "staff.signout", "staff.who", "staff.accept_invite", "staff.invite_page",
    "staff.pairing_page", "staff.pairing", "pages.console_series", "oidc.start", "oidc.callback",
    "api_justering.adjust_page",  # checks its session itself: an adjuster's or facilitator's (test_justering.py)
    "minutes_page.minutes",
}  # fmt: skip
# /metrics also takes WORKSHOP_METRICS_TOKEN (tests/integration/test_metrics.py).
# Templates and series are the organisation's, across workshops: the organiser's.
ADMIN_ONLY = {
    "api_workshops.create", "api_workshops.index", "metrics.metrics",
    "api_series.create", "api_series.export", "api_series.index", "api_series.set_workshops", "api_series.show",
    "api_series.summary", "api_templates.create", "api_templates.index", "api_templates.show",
}  # fmt: skip
# Facilitator-only reads (the export holds everything; moderation; the staff list).
RUNNER_READS = {
    "api_export.export", "summary_pages.summary_fragment", "barometer_api.barometer_comments.index", "staff.staff",
    "api_justering.justering_state", "api_justering.versions", "api_justering.verify",
}  # fmt: skip
# Only an adjuster (an invite of that role; tests/web/test_justering.py) adjusts: none of ROLES.
ADJUSTS = "api_justering.adjust"
# What the minute-taker writes: the facilitator's comments and Open Space notes.
WRITES = {"barometer_api.barometer.add_facilitator_comment", "fourcorners.add_comment", "openspace.add_note"}
# The minutes and the decisions: the minute-taker's and the facilitator's, to read and to write.
WRITES |= {
    "barometer_api.barometer_minutes.show", "barometer_api.barometer_minutes.save",
    "barometer_api.barometer_minutes.history", "barometer_api.barometer_minutes.sources", "fourcorners.minutes", "fourcorners.save_minutes",
    "fourcorners.minutes_history", "api_decisions.index", "api_decisions.create", "api_decisions.update",
    "api_decisions.delete",
}  # fmt: skip
# Trades a key or an invite's secret (Bearer) for a session: not the admin token.
KEY_SESSION = "staff.key_session"


def expected(endpoint: str, method: str) -> set[str]:
    if endpoint in ADMIN_ONLY:
        return {"admin"}
    if endpoint == ADJUSTS:
        return set()
    if endpoint == KEY_SESSION:
        return {"facilitator", "minute_taker", "projector"}
    if endpoint in WRITES:
        return WRITERS
    if method == "GET" and endpoint not in RUNNER_READS:
        return READERS
    return RUNNERS


def routes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def url(rule, workshop_id: str) -> str:
    values = {}
    for name in rule.arguments:
        values[name] = workshop_id if name == "workshop_id" else "csv" if name == "fmt" else "1"
    path = rule.rule
    for name, value in values.items():
        path = re.sub(rf"<(?:[^<>:]+:)?{name}>|<[^<>]+:{name}>", value, path)
        path = re.sub(rf"<[^<>]*{name}>", value, path)
    return path


class Seat:
    """Two workshops and a credential for each role in the first one."""

    def __init__(self, app, client):
        def make(title):
            return client.post("/api/workshops", json={"title": title}, headers=bearer(ADMIN)).get_json()

        self.a, self.b = make("A"), make("B")
        fac = bearer(self.a["facilitator_key"])
        minute = client.post(
            f"/api/workshops/{self.a['id']}/invites", json={"role": "minute_taker"}, headers=fac
        )
        self.secrets = {
            "admin": ADMIN,
            "facilitator": self.a["facilitator_key"],
            "minute_taker": minute.get_json()["secret"],
            "projector": self.a["projector_key"],
            "other_staff": self.b["facilitator_key"],
        }
        self.app = app

    def by_bearer(self, role):
        client = self.app.test_client()
        return client, bearer(self.secrets[role]) if role in self.secrets else {}

    def by_cookie(self, role):
        """A browser signed in as ``role`` (its session cookie and CSRF token)."""
        client = self.app.test_client()
        if role == "admin":
            csrf = client.post("/signin", json={"token": ADMIN}).get_json()["csrf"]
        elif role == "none":
            return client, {}
        else:
            workshop = self.b if role == "other_staff" else self.a
            r = client.post(f"/api/workshops/{workshop['id']}/session", headers=bearer(self.secrets[role]))
            csrf = r.get_json()["csrf"]
        return client, {"X-CSRF-Token": csrf}


def test_every_route_is_classified(app):
    api_routes = {r.endpoint for r, _ in routes(app) if r.rule.startswith("/api/")}
    for rule, _ in routes(app):
        if not rule.rule.startswith("/api/"):
            classified = PUBLIC | ADMIN_ONLY
            assert rule.endpoint in classified, f"{rule.rule}: who may call it? classify it in this test"
    assert api_routes - PUBLIC, "no API routes found"


@pytest.mark.parametrize("channel", ["by_bearer", "by_cookie"])
def test_no_role_gets_past_its_routes(app, client, channel):
    bypasses, refused = [], []
    for rule, method in routes(app):
        if rule.endpoint in PUBLIC:
            continue
        allowed = expected(rule.endpoint, method)
        if channel == "by_cookie" and rule.endpoint == KEY_SESSION:
            allowed = set()  # needs the key itself, not a session
        for role in ROLES:
            seat = Seat(app, client)
            browser, headers = getattr(seat, channel)(role)
            body = {} if method != "GET" else None
            r = browser.open(url(rule, seat.a["id"]), method=method, json=body, headers=headers)
            denied = r.status_code in (401, 403)
            if role not in allowed and not denied:
                bypasses.append((role, method, rule.rule, r.status_code))
            if role in allowed and denied:
                refused.append((role, method, rule.rule, r.status_code))
    assert bypasses == []
    assert refused == []
