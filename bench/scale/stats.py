"""Percentiles and error counts, as the workers collect and the report shows them."""

from __future__ import annotations

from collections.abc import Iterable


def percentile(values: list[float], p: float) -> float | None:
    """The value at rank int(n * p) of the sorted values (nearest rank, no interpolation); None if empty."""
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def error_key(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:120]


def count_errors(errors: dict, exc: BaseException) -> None:
    key = error_key(exc)
    errors[key] = errors.get(key, 0) + 1


def merge_counts(dicts: Iterable[dict]) -> dict:
    """The counts added up, the 8 most frequent kept, most frequent first."""
    total: dict = {}
    for d in dicts:
        for k, v in d.items():
            total[k] = total.get(k, 0) + v
    return dict(sorted(total.items(), key=lambda kv: -kv[1])[:8])
