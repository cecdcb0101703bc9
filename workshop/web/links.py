"""The links people are given. Keys travel in the URL fragment (#key=...),
which browsers never send to a server, so they stay out of access logs."""

from __future__ import annotations

from flask import current_app


def public_url() -> str:
    return current_app.config["SETTINGS"].public_url


def join_url(code: str) -> str:
    return f"{public_url()}/j/{code}"


def projector_url(workshop: dict) -> str:
    return f"{public_url()}/projector/{workshop['id']}#key={workshop['projector_key']}"


def facilitator_url(workshop: dict) -> str:
    return f"{public_url()}/console/{workshop['id']}#key={workshop['facilitator_key']}"


def workshop_links(workshop: dict) -> dict:
    return {
        "join_url": join_url(workshop["code"]),
        "projector_url": projector_url(workshop),
        "facilitator_url": facilitator_url(workshop),
    }
