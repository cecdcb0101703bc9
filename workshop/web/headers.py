"""Security headers on every response (pages, API, static files, errors).

HTML pages get a strict Content-Security-Policy: scripts, styles and
connections (Socket.IO's websocket included: CSP3's 'self' matches ws: and
wss: on our own host and port) only from our own origin, and nothing may
frame us. ``<script type="application/json">`` data blocks are not executed,
so they need no exception. A response that already carries its own policy
keeps it: the appendix export (export.html) has a stricter one.

Everything gets X-Frame-Options (for browsers without frame-ancestors),
nosniff (a JSON or text answer is never run as a script or styled as CSS)
and no-referrer (a page's URL never leaks in a Referer).
"""

from __future__ import annotations

PAGE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

EVERY_RESPONSE = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def secure(response):
    for name, value in EVERY_RESPONSE.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
    return response


def register(app) -> None:
    app.after_request(secure)
