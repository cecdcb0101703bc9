import pytest

from workshop.barometer import domain as barometer
from workshop.barometer.domain import Distribution
from workshop.domain.errors import Conflict, Invalid


@pytest.mark.parametrize("value, expected", [(0, 0), (100, 100), (57, 57), ("pass", None)])
def test_parse_position_accepts_the_line_and_pass(value, expected):
    assert barometer.parse_position(value) == expected


@pytest.mark.parametrize("value", [-1, 101, 50.5, "50", True, False, None, [], {}, "PASS"])
def test_parse_position_refuses_everything_else(value):
    with pytest.raises(Invalid):
        barometer.parse_position(value)


def test_statement_text_is_stripped_and_bounded():
    assert barometer.validate_statement_text("  Vi bör   fortsätta  ") == "Vi bör fortsätta"
    assert len(barometer.validate_statement_text("x" * 500)) == 500
    for bad in ("", "   ", "x" * 501, 5, None):
        with pytest.raises(Invalid):
            barometer.validate_statement_text(bad)


def test_statement_text_drops_control_characters():
    assert barometer.validate_statement_text("a\x00b\x1b[31mc") == "ab[31mc"


def test_split_bulk_one_per_line_skipping_blanks_and_bullets():
    text = "Min organisation har något att tillföra\n\n- Vi har redan tillräckligt bra samverkan\n• Tredje\n"
    assert barometer.split_bulk(text) == [
        "Min organisation har något att tillföra",
        "Vi har redan tillräckligt bra samverkan",
        "Tredje",
    ]


def test_split_bulk_is_all_or_nothing():
    with pytest.raises(Invalid):
        barometer.split_bulk("ok\n" + "x" * 501)
    with pytest.raises(Invalid):
        barometer.split_bulk("\n\n")
    with pytest.raises(Invalid):
        barometer.split_bulk("\n".join(f"s{i}" for i in range(101)))


def test_positions_only_while_open():
    barometer.check_open_for_positions(barometer.OPEN)
    for status in (barometer.DRAFT, barometer.CLOSED):
        with pytest.raises(Conflict):
            barometer.check_open_for_positions(status)


def test_text_editable_only_before_shown():
    barometer.check_editable(barometer.DRAFT)
    with pytest.raises(Conflict):
        barometer.check_editable(barometer.CLOSED)


def test_position_for_phone():
    assert barometer.position_for_phone(None, False) is None
    assert barometer.position_for_phone(None, True) == "pass"
    assert barometer.position_for_phone(0, True) == 0


def test_distribution_counts_exclude_passes():
    d = Distribution(statement=3, values=(10, 20, 90), keys=(1, 2, 4), passes=2)
    assert d.as_dict() == {
        "statement": 3,
        "count": 3,
        "passes": 2,
        "values": [10, 20, 90],
        "mean": 40.0,
        "dots": [[1, 10], [2, 20], [4, 90]],
    }


def test_distribution_empty_has_no_mean():
    assert Distribution(statement=1, values=(), passes=1).as_dict()["mean"] is None


def test_hidden_distribution_shows_counts_only():
    hidden = Distribution(statement=1, values=(10, 90), keys=(1, 2), passes=0).hidden()
    assert hidden["count"] == 2 and hidden["values"] == [] and hidden["dots"] == [] and hidden["hidden"]
