"""GET /metrics: Prometheus's text format (workshop/metrics.py).

Who: ``Authorization: Bearer <WORKSHOP_METRICS_TOKEN>``, or whoever may call
the organiser's routes (the admin token, or an organiser's session cookie:
``web.access.admin_only``; 401 without a credential, 403 for a wrong one). A metrics token is for the scraper,
so the admin token need not sit in Prometheus's configuration. Each worker
process answers for itself: scrape every worker (docs/deploy.md).
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from workshop.auth import same
from workshop.metrics import CONTENT_TYPE
from workshop.web.access import admin_only, bearer
from workshop.web.context import hub

bp = Blueprint("metrics", __name__)


def _scraper() -> bool:
    """The metrics token, for a scraper that must not hold the admin token."""
    token, expected = bearer(), current_app.config["SETTINGS"].metrics_token
    return bool(token and expected and same(token, expected))


def _text() -> Response:
    response = Response(hub().metrics.text(), content_type=CONTENT_TYPE)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/metrics")
def metrics():
    return _text() if _scraper() else admin_only(_text)()
