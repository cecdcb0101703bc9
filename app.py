"""Entry point: `make run` (or `python app.py`).

The async server is chosen before anything else is imported, because gevent
and eventlet must patch the standard library first. gevent is the default;
eventlet (deprecated by its maintainers) stays available as
WORKSHOP_ASYNC_MODE=eventlet.
"""

import os

ASYNC_MODE = os.environ.get("WORKSHOP_ASYNC_MODE", "gevent")
if ASYNC_MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()
elif ASYNC_MODE == "eventlet":
    import warnings

    warnings.filterwarnings("ignore", category=DeprecationWarning, module="eventlet")
    import eventlet

    eventlet.monkey_patch()

import sys  # noqa: E402

from workshop import create_app  # noqa: E402
from workshop.config import from_env  # noqa: E402
from workshop.render.qr import qr_text  # noqa: E402


def banner(settings) -> str:
    join = f"{settings.public_url}/join"
    return "\n".join(
        [
            "",
            "  Workshop is running.",
            f"  Facilitator console: {settings.public_url}/console#token={settings.admin_token}",
            f"  Admin token:         {settings.admin_token}",
            f"  Participants join:   {join}",
            f"  Server mode:         {settings.async_mode}, data in {settings.data_dir}/",
            *(
                [
                    "  Phones cannot reach 127.0.0.1: set WORKSHOP_PUBLIC_URL=http://<this machine's address>:<port>"
                ]
                if "://127." in settings.public_url or "://localhost" in settings.public_url
                else []
            ),
            "",
            qr_text(join),
        ]
    )


def main() -> None:
    settings = from_env()
    app = create_app(settings)
    print(banner(settings), flush=True)
    socketio = app.extensions["socketio"]
    socketio.run(
        app,
        host=settings.host,
        port=settings.port,
        log_output=False,
        allow_unsafe_werkzeug=settings.async_mode == "threading",
    )


if __name__ == "__main__":
    sys.exit(main())
