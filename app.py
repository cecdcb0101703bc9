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

import gc  # noqa: E402
import sys  # noqa: E402

from workshop import create_app  # noqa: E402
from workshop.config import from_env  # noqa: E402
from workshop.render.qr import qr_text  # noqa: E402


def token_lines(settings, terminal: bool) -> list[str]:
    """The console link with the admin token, and the token, only on a
    terminal: a service's log (systemd, docker, `> file`) would keep them.
    Elsewhere, where the token is to be found."""
    if terminal:
        return [
            f"  Facilitator console: {settings.public_url}/console#token={settings.admin_token}",
            f"  Admin token:         {settings.admin_token}",
        ]
    where = settings.admin_token_file or "WORKSHOP_ADMIN_TOKEN"
    return [
        f"  Facilitator console: {settings.public_url}/console",
        f"  Admin token:         not shown (output is not a terminal); it is in {where}",
    ]


def banner(settings, terminal: bool = True) -> str:
    join = f"{settings.public_url}/join"
    return "\n".join(
        [
            "",
            "  Workshop is running.",
            *token_lines(settings, terminal),
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


def calm_garbage_collector() -> None:
    """A full collection walks every object of a process holding thousands of
    phones, and stopped the server for 70-200 ms at a time under load. What
    exists at start (modules, templates, catalogs) lives as long as the
    process, so it is frozen out of collections. A larger first generation
    lets a move's short-lived objects die before they are promoted, a small
    second one keeps each young collection short (20 x 20,000 gave 100-290 ms
    pauses at 5,000 phones), and full collections wait for 100 young ones
    (docs/performance.md)."""
    gc.freeze()
    gc.set_threshold(7_000, 10, 100)


# A hall's phones all reconnect in the same second after a Wi-Fi drop or a
# restart. gevent listens with a backlog of 128: connections beyond it were
# dropped by the kernel and their phones waited a TCP retransmission (1 s,
# then 3 s) before trying again. The kernel caps this at net.core.somaxconn.
LISTEN_BACKLOG = 4096


def serve_gevent(app, settings) -> None:
    """gevent's WSGIServer as socketio.run builds it, with the deadline for
    unfinished requests (workshop/http_server.py) and the larger backlog,
    until SIGTERM (or SIGINT) has drained it (workshop/live/shutdown.py)."""
    import signal

    import gevent
    from gevent.event import Event

    from workshop.http_server import gevent_server
    from workshop.live.shutdown import drain

    server = gevent_server(app, settings.host, settings.port, settings.request_timeout, LISTEN_BACKLOG)
    app.extensions["socketio"].wsgi_server = server  # socketio.stop() stops it
    drained = Event()

    def shut_down() -> None:
        if not app.extensions["workshop.hub"].draining:
            drain(app.extensions["workshop.hub"], server.close)
            drained.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        gevent.signal_handler(signum, lambda: gevent.spawn(shut_down))
    server.start()
    drained.wait()


def start_retention(app, settings) -> None:
    """WORKSHOP_RETENTION_DAYS: a sweep at start, then hourly (workshop/retention.py);
    PDFs for the archive are rendered in a thread, off the event loop."""
    if settings.retention_days is None:
        return
    from workshop import retention
    from workshop.render.offload import run_off_loop

    hub, socketio = app.extensions["workshop.hub"], app.extensions["socketio"]

    def once():
        retention.sweep(
            app.extensions["workshop.store"],
            settings.retention_days,
            archive_dir=settings.archive_dir,
            render=lambda fn, *args: run_off_loop(fn, *args, mode=settings.async_mode),
            deleting=hub.workshop_deleted,
        )

    socketio.start_background_task(retention.keep_sweeping, once, socketio.sleep, lambda: hub.draining)


def main() -> int:
    """`python app.py [serve]`, or `backup DIR` / `restore FILE` / `retention` (workshop/cli.py)."""
    from workshop.cli import main as command_line

    return command_line(sys.argv[1:], serve=serve)


def announce(settings) -> None:
    """The banner (links, QR code) on a terminal or a plain log; with
    WORKSHOP_LOG_FORMAT=json one event instead, never with the token."""
    if settings.log_format != "json":
        print(banner(settings, terminal=sys.stdout.isatty()), flush=True)
        return
    import logging

    logging.getLogger("workshop").info(
        "started: %s mode, participants join at %s/join, data in %s, admin token in %s",
        settings.async_mode,
        settings.public_url,
        settings.data_dir,
        settings.admin_token_file or "WORKSHOP_ADMIN_TOKEN",
    )


def serve() -> None:
    from workshop import logs

    settings = from_env()
    logs.configure(settings.log_format)
    app = create_app(settings)
    announce(settings)
    socketio = app.extensions["socketio"]
    calm_garbage_collector()
    start_retention(app, settings)
    if settings.async_mode == "gevent":
        serve_gevent(app, settings)
        return
    socketio.run(
        app,
        host=settings.host,
        port=settings.port,
        log_output=False,
        allow_unsafe_werkzeug=settings.async_mode == "threading",
    )


if __name__ == "__main__":
    sys.exit(main())
