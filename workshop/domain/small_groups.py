"""Small groups protected: never point at one person by where they stand.

Where fewer people than the workshop's ``min_group`` stand in a region (a
side of the barometer's line, those who passed, a corner of Fyra hörn), a
label such as "någon från håller inte med-sidan" would all but name them.
Then the projector, the console, the staff pushes and the appendix say
"Ordet: någon" and "Kommentar från en deltagare" instead.

The count is taken when it matters and kept with what it labels: for a turn
of Ordet, the region's count when the floor was given; for a comment from a
phone, the count when it was written. The flag is stored with the row, so
the appendix never changes when people move later or the setting changes.

Pure: standard library only.
"""

from __future__ import annotations

from workshop.domain.errors import Invalid

MIN_GROUP_DEFAULT = 3
MIN_GROUP_LOW, MIN_GROUP_HIGH = 1, 10


def parse_min_group(value) -> int:
    """PATCH /api/workshops/<id> {"min_group": 1..10}."""
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_GROUP_LOW <= value <= MIN_GROUP_HIGH:
        raise Invalid(
            "min_group must be a whole number from %(low)d to %(high)d.",
            low=MIN_GROUP_LOW,
            high=MIN_GROUP_HIGH,
        )
    return value


def is_protected(count: int, min_group: int) -> bool:
    """Fewer than ``min_group`` stand there (the speaker or writer included):
    the region must not be attached to them."""
    return count < min_group
