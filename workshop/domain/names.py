"""Shared namespaces that methods add to (Store methods, socket events,
flusher kinds, the scripts' string keys, projector views, …).

A name belongs to one owner. A second owner claiming it is refused when it
registers, at start, instead of silently winning at run time.
"""

from __future__ import annotations

from collections.abc import Iterable


class Clash(ValueError):
    """Two owners claimed one name in a shared namespace."""


class Claims(dict):
    """name -> owner, for one namespace (``what``, e.g. "socket event").
    Setting a name that is already claimed raises ``Clash``; so does a
    claim by the same owner twice (a method registering a handler twice is
    a bug too)."""

    def __init__(self, what: str, initial: dict | None = None):
        super().__init__()
        self.what = what
        for name, owner in (initial or {}).items():
            self[name] = owner

    def __setitem__(self, name, owner) -> None:
        if name in self:
            raise Clash(f"{self.what} {name!r} of {_who(owner)} is already taken by {_who(self[name])}")
        super().__setitem__(name, owner)

    def claim(self, names: Iterable, owner) -> None:
        for name in names:
            self[name] = owner

    def update(self, *args, **kwargs) -> None:  # the same rule through every door
        for name, owner in dict(*args, **kwargs).items():
            self[name] = owner

    def setdefault(self, name, owner=None):
        if name not in self:
            self[name] = owner
        return self[name]


def _who(owner) -> str:
    return "the core" if owner is None else repr(getattr(owner, "__qualname__", owner))
