"""The barometer across a series: matched statements and the difference sentence."""

from workshop.barometer.domain_series import compare


def test_difference_names_the_lowest_and_the_highest():
    (c,) = compare(
        [
            ("Karlstad", [("k", "Bussen räcker", (80, 90), 0)]),
            ("Kil", [("k", "Bussen räcker", (10, 20), 1)]),
            ("Arvika", [("k", "Bussen räcker", (50,), 0)]),
        ]
    )
    assert c.difference.sv == "Lägre instämmande i Kil än i Karlstad (medel 15 mot 85)."
    assert c.difference.en == "Lower agreement in Kil than in Karlstad (mean 15 against 85)."
    assert [r.count for r in c.results] == [2, 2, 1]


def test_close_means_read_as_the_same_and_one_workshop_says_nothing():
    (c,) = compare([("A", [(None, "S", (50, 55), 0)]), ("B", [(None, "s!", (52,), 0)])])
    assert c.difference.shape == "same" and c.difference.sv.startswith("Ungefär samma")
    (alone, other) = compare([("A", [(None, "S", (50,), 0)]), ("B", [(None, "T", (), 2)])])
    assert alone.difference is None and alone.results[1] is None and other.results[1].mean is None
