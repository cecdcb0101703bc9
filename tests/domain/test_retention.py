"""The retention rule: due exactly N days after a workshop ended, never
without a retention period, never before it ended."""

from datetime import UTC, datetime, timedelta

import pytest

from workshop.domain.retention import deletion_time, due, is_due, parse_days

ENDED = "2026-03-01T10:00:00.000+00:00"
AT_END = datetime(2026, 3, 1, 10, tzinfo=UTC)


def test_due_exactly_n_days_after_the_end():
    assert not is_due(ENDED, 30, AT_END + timedelta(days=30) - timedelta(seconds=1))
    assert is_due(ENDED, 30, AT_END + timedelta(days=30))
    assert deletion_time(ENDED, 30) == AT_END + timedelta(days=30)


def test_never_due_without_retention_or_before_the_end():
    far = AT_END + timedelta(days=10_000)
    assert not is_due(ENDED, None, far)
    assert not is_due(None, 1, far)
    assert deletion_time(None, 30) is None and deletion_time(ENDED, None) is None


def test_a_time_without_zone_is_utc():
    assert deletion_time("2026-03-01T10:00:00", 1) == AT_END + timedelta(days=1)


def test_due_picks_the_old_enough_oldest_first():
    rows = [
        {"id": "new", "ended_at": "2026-03-20T00:00:00+00:00"},
        {"id": "old", "ended_at": "2026-01-01T00:00:00+00:00"},
        {"id": "open", "ended_at": None},
        {"id": "older", "ended_at": "2025-12-01T00:00:00+00:00"},
    ]
    assert [w["id"] for w in due(rows, 30, datetime(2026, 3, 10, tzinfo=UTC))] == ["older", "old"]


@pytest.mark.parametrize("text", ["0", "-3", "1.5", "thirty", " "])
def test_parse_days_refuses_what_is_not_a_whole_number_of_days(text):
    if text.strip():
        with pytest.raises(ValueError, match="WORKSHOP_RETENTION_DAYS"):
            parse_days(text)
    else:
        assert parse_days(text) is None


def test_parse_days():
    assert parse_days(None) is None and parse_days("") is None
    assert parse_days(" 180 ") == 180
