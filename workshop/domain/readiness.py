"""When is a process ready to serve? Every check must pass."""

from __future__ import annotations


def readiness(database: bool, redis: bool | None, shutting_down: bool) -> tuple[bool, dict]:
    """(ready, each check's word). ``redis`` is None when there is no Redis
    (one process): it cannot fail then."""
    checks = {
        "database": "ok" if database else "not writable",
        "redis": "off" if redis is None else ("ok" if redis else "unreachable"),
        "shutting_down": shutting_down,
    }
    ready = database and redis is not False and not shutting_down
    return ready, checks
