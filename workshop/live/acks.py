"""Socket acks: {"ok": true, ...} once committed, else {"ok": false, "error"}.

``participant_event`` wraps every phone handler of every method: it finds
who is asking, refuses anyone who is not a phone of a live workshop, checks
the payload is an object, and turns domain errors into a clear, translated
error ack. Handlers then only call the domain and the store.
"""

from __future__ import annotations

import functools
import logging
import time

from flask import request

from workshop.auth import PARTICIPANT, PROJECTOR, runs
from workshop.domain.errors import N_, DomainError, Invalid
from workshop.i18n import translator

log = logging.getLogger(__name__)


def ok(**fields) -> dict:
    return {"ok": True, **fields}


def error(message: str, lang: str, **params) -> dict:
    text = translator(lang)(message)
    return {"ok": False, "error": text % params if params else text}


def participant_event(hub):
    def decorate(handler):
        @functools.wraps(handler)
        def wrapper(data=None, *extra):
            started = time.perf_counter()
            try:
                return answer(data)
            finally:
                hub.metrics.ack_latency.observe(time.perf_counter() - started)

        def answer(data):
            conn = hub.connections.get(request.sid)
            if conn is None or conn.role != PARTICIPANT:
                return error("Only participants' phones send this.", conn.lang if conn else "sv")
            try:
                if not isinstance(data, dict):
                    raise Invalid("Send an object with the fields of this event.")
                return handler(conn, data)
            except DomainError as err:
                return error(err.message, conn.lang, **err.params)
            except Exception:
                log.exception("participant event failed")
                return error("Something went wrong; try again.", conn.lang)

        return wrapper

    return decorate


def staff_event(hub):
    """A staff screen's request (a facilitator's console or a projector):
    anyone else is refused; what it is sent comes as events, the ack only
    says whether it was accepted."""

    def decorate(handler):
        @functools.wraps(handler)
        def wrapper(data=None, *extra):
            conn = hub.connections.get(request.sid)
            if conn is None or not (runs(conn.role) or conn.role == PROJECTOR):
                return error(N_("Only staff screens send this."), conn.lang if conn else "sv")
            try:
                handler(conn, data if isinstance(data, dict) else {})
            except DomainError as err:
                return error(err.message, conn.lang, **err.params)
            except Exception:
                log.exception("staff event failed")
                return error("Something went wrong; try again.", conn.lang)
            return ok()

        return wrapper

    return decorate
