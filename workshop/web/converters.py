"""URL converters: ``<int:...>`` in every route is an id 1..2^63-1.

create_app puts IdConverter in place of Flask's default ``int`` converter,
so a path id SQLite cannot hold (2^63 and up) never reaches a query (where it
would be an OverflowError, a 500). The range is in the converter's regex, not
only in to_python: a segment that fails the regex leaves the path unmatched,
a 404 for every method like any unknown id (werkzeug answers 405 when a
converter refuses a value after the path has matched another method's rule).
"""

from __future__ import annotations

from werkzeug.routing import IntegerConverter

from workshop.domain.parse import ID_MAX


def numbers_up_to(bound: int) -> str:
    """A regex for 1..bound in decimal, without leading zeros (ASCII digits
    only: ``\\d`` would also take "٣")."""
    top = str(bound)
    alternatives = [f"[1-9][0-9]{{0,{len(top) - 2}}}"] if len(top) > 1 else []  # fewer digits
    for i, digit in enumerate(top):  # as many digits: top's prefix, then a smaller digit
        low = 1 if i == 0 else 0
        if int(digit) > low:
            alternatives.append(f"{top[:i]}[{low}-{int(digit) - 1}][0-9]{{{len(top) - i - 1}}}")
    alternatives.append(top)
    return "(?:" + "|".join(alternatives) + ")"


class IdConverter(IntegerConverter):
    regex = numbers_up_to(ID_MAX)

    def __init__(
        self, map, fixed_digits: int = 0, min: int | None = 1, max: int | None = ID_MAX, signed: bool = False
    ) -> None:
        super().__init__(map, fixed_digits, min, max, signed)
