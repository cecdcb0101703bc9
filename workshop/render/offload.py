"""Heavy rendering off the event loop, so exports never stall live sockets.

Under gevent or eventlet every request and every socket shares one OS
thread: a PDF rendered there would freeze all phones for seconds. So the
caller takes the snapshot on its own greenlet (a few fast reads), then hands
the pure rendering function to a real OS thread and waits for it
cooperatively; meanwhile the loop keeps serving. In threading mode (tests,
the dev server) each request already has its own thread: just call it.

The function must not touch Flask's request/app context or the store: it
gets plain data (the Appendix) and returns bytes or plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def current_mode() -> str:
    from flask import current_app

    return current_app.config["SETTINGS"].async_mode


def run_off_loop(fn: Callable[..., T], *args, mode: str | None = None) -> T:
    """fn(*args), run in the async framework's OS thread pool; the result or
    the exception, as if called directly. ``mode`` defaults to the app's."""
    mode = mode or current_mode()
    if mode == "gevent":
        import gevent

        return gevent.get_hub().threadpool.apply(fn, args)
    if mode == "eventlet":
        from eventlet import tpool

        return tpool.execute(fn, *args)
    return fn(*args)
