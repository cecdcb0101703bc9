"""bench/scale/stats.py: the percentile the report prints and the error counts the workers merge."""

from __future__ import annotations

from bench.scale.stats import count_errors, error_key, merge_counts, percentile


def test_percentile_is_the_nearest_rank_from_below_without_interpolation():
    values = [float(v) for v in range(1, 101)]  # 1..100
    assert percentile(values, 0.5) == 51  # rank int(100 * 0.5) = 50, zero-based
    assert percentile(values, 0.95) == 96
    assert percentile(values, 0.99) == 100


def test_percentile_sorts_a_copy_and_stays_inside_the_list():
    values = [30.0, 10.0, 20.0]
    assert percentile(values, 0.0) == 10
    assert percentile(values, 1.0) == 30  # p = 1 would index past the end
    assert values == [30.0, 10.0, 20.0]


def test_percentile_of_nothing_is_none():
    assert percentile([], 0.95) is None


def test_errors_are_counted_by_type_and_message_cut_at_120_characters():
    errors: dict = {}
    count_errors(errors, TimeoutError())
    count_errors(errors, TimeoutError())
    count_errors(errors, RuntimeError("x" * 500))
    assert errors["TimeoutError: "] == 2
    assert len(error_key(RuntimeError("x" * 500))) == 120
    assert errors[error_key(RuntimeError("x" * 500))] == 1


def test_merged_counts_add_up_and_keep_the_eight_most_frequent_first():
    merged = merge_counts([{"a": 1, "b": 5}, {"a": 2, "c": 1}] + [{f"k{i}": 1} for i in range(10)])
    assert list(merged)[:2] == ["b", "a"]
    assert merged["b"] == 5 and merged["a"] == 3
    assert len(merged) == 8
