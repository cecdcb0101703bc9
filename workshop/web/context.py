"""Shortcuts to the objects create_app bound to this app."""

from __future__ import annotations

from flask import current_app


def store():
    return current_app.extensions["workshop.store"]


def hub():
    return current_app.extensions["workshop.hub"]


def registry():
    """The methods this app runs (workshop.registry.Registry): the core is
    handed them here and never imports them."""
    return current_app.extensions["workshop.registry"]
