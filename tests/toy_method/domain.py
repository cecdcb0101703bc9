"""The toy's one rule: a hand is up or down."""

from workshop.domain.errors import Invalid


def parse_up(value) -> bool:
    if not isinstance(value, bool):
        raise Invalid("up must be true or false.")
    return value
