"""GET /metrics: Prometheus's text format (workshop/metrics.py).

Who: ``Authorization: Bearer <WORKSHOP_METRICS_TOKEN>`` or the admin token
(401 without one, 403 for a wrong one). A metrics token is for the scraper,
so the admin token need not sit in Prometheus's configuration. Each worker
process answers for itself: scrape every worker (docs/deploy.md).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app

from workshop.auth import same
from workshop.metrics import CONTENT_TYPE
from workshop.web.access import bearer
from workshop.web.context import hub

bp = Blueprint("metrics", __name__)


def _allowed(token: str) -> bool:
    settings = current_app.config["SETTINGS"]
    tokens = [t for t in (settings.metrics_token, settings.admin_token) if t]
    return any(same(token, t) for t in tokens)


@bp.get("/metrics")
def metrics():
    token = bearer()
    if token is None:
        abort(401)
    if not _allowed(token):
        abort(403)
    response = Response(hub().metrics.text(), content_type=CONTENT_TYPE)
    response.headers["Cache-Control"] = "no-store"
    return response
