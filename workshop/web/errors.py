"""Every API error is JSON: {"error": "<clear message>"}, in the caller's language."""

from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext
from werkzeug.exceptions import HTTPException

from workshop.domain.errors import N_, DomainError, Stale

HTTP_MESSAGES = {
    400: N_("The request could not be read."),
    401: N_("Sign in: send Authorization: Bearer <key>."),
    403: N_("This key may not do that."),
    404: N_("Not found."),
    405: N_("That method is not allowed here."),
    409: N_("That conflicts with the current state."),
    413: N_("The request is too large."),
}


def message(err: DomainError) -> str:
    return gettext(err.message, **err.params)


def _domain_error(err: DomainError):
    # A version conflict also sends what the other writer saved (Stale.details).
    extra = err.details() if isinstance(err, Stale) else {}
    return jsonify(error=message(err), **extra), err.status


def _http_error(err: HTTPException):
    if not request.path.startswith("/api/"):
        return err
    text = getattr(err, "description_override", None) or HTTP_MESSAGES.get(err.code, err.name)
    return jsonify(error=gettext(text)), err.code


def register(app) -> None:
    app.register_error_handler(DomainError, _domain_error)
    app.register_error_handler(HTTPException, _http_error)
