"""Is it up, and is it ready? For load balancers, systemd and municipal IT.

GET /healthz   200 {"ok": true} while the process answers at all
GET /readyz    200 when it can serve: the database is writable, Redis
               answers (only with WORKSHOP_REDIS_URL), it is not shutting
               down; else 503. The body says which check failed.
"""

from __future__ import annotations

from flask import Blueprint, jsonify

from workshop.domain.readiness import readiness
from workshop.web.context import hub, store

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return {"ok": True}


@bp.get("/readyz")
def readyz():
    live = hub()
    ready, checks = readiness(
        database=store().writable(),
        redis=None if live.cluster is None else live.cluster.reachable(),
        shutting_down=live.draining,
    )
    response = jsonify(ready=ready, checks=checks)
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    return response
