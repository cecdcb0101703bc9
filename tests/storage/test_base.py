"""storage/base.py: reads as dicts, one per row, columns by name."""

import pytest


def test_rows_are_dicts_by_column_name(store, workshop):
    rows = store._rows("SELECT id, code FROM workshops WHERE id = ?", [workshop["id"]])
    assert rows == [{"id": workshop["id"], "code": workshop["code"]}]
    assert store._row("SELECT id FROM workshops WHERE id = ?", ["no such"]) is None


def test_duplicate_column_names_are_refused_not_collapsed(store, workshop):
    with pytest.raises(ValueError, match="alias"):
        store._rows("SELECT w.id, p.id FROM workshops w JOIN workshops p ON p.id = w.id")
