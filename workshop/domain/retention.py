"""Retention: how long an ended workshop is kept (WORKSHOP_RETENTION_DAYS).

Pure rules. A workshop is kept while it runs and for ``days`` full days
after it ended; then it is due for deletion. Without a retention period
(None) nothing is ever due. A workshop that never ended is never due: its
organiser ends or deletes it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def parse_days(text: str | None) -> int | None:
    """WORKSHOP_RETENTION_DAYS: unset or empty is off; else a whole number of days, at least 1."""
    if text is None or not text.strip():
        return None
    try:
        days = int(text.strip())
    except ValueError:
        days = 0
    if days < 1:
        raise ValueError(f"WORKSHOP_RETENTION_DAYS must be a whole number of days, at least 1, not {text!r}")
    return days


def deletion_time(ended_at: str | None, days: int | None) -> datetime | None:
    """When a workshop that ended at ``ended_at`` (ISO 8601, UTC) is deleted;
    None when it is kept (no retention, or it has not ended)."""
    if days is None or not ended_at:
        return None
    ended = datetime.fromisoformat(ended_at)
    if ended.tzinfo is None:
        ended = ended.replace(tzinfo=UTC)
    return ended + timedelta(days=days)


def is_due(ended_at: str | None, days: int | None, now: datetime) -> bool:
    when = deletion_time(ended_at, days)
    return when is not None and when <= now


def due(workshops: list[dict], days: int | None, now: datetime) -> list[dict]:
    """The workshops (rows with ``ended_at``) to delete now, oldest end first."""
    return sorted(
        (w for w in workshops if is_due(w.get("ended_at"), days, now)),
        key=lambda w: w["ended_at"],
    )
