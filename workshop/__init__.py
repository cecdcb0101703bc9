"""The workshop app: Åsiktsbarometer, Open Space and Fyra hörn, live.

``create_app`` is the app factory (as in Flask's flaskr tutorial): it binds
storage, Babel, Socket.IO and the blueprints to one Flask app, and it is the
top: the one place that names the methods (``workshop.methods``), assembles
them into the ``Registry`` and hands that to the core.
"""

from __future__ import annotations

from workshop.config import Settings, private_dir
from workshop.files import app_file
from workshop.flask_app import WorkshopFlask
from workshop.i18n import TRANSLATIONS_DIR
from workshop.web.converters import IdConverter

# Generous for a 20,000-character note in any script; small enough that a
# flood of junk is refused (413) before it reaches a handler.
MAX_BODY_BYTES = 256 * 1024


def create_app(settings: Settings | None = None, methods: tuple | None = None) -> WorkshopFlask:
    """``methods``: the units to run (each a ``Method``), default
    ``workshop.methods.METHODS``; a clash between them raises ``Clash``."""
    settings = settings or Settings()
    if methods is None:
        from workshop.methods import METHODS as methods
    from workshop.registry import Registry

    registry = Registry(tuple(methods))
    private_dir(settings.data_dir)
    app = WorkshopFlask(
        __name__, template_folder=str(app_file("templates")), static_folder=str(app_file("static"))
    )
    app.config.update(
        SETTINGS=settings,
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        JSON_AS_ASCII=False,
        BABEL_DEFAULT_LOCALE="sv",
        BABEL_TRANSLATION_DIRECTORIES=str(TRANSLATIONS_DIR),
    )
    app.json.ensure_ascii = False
    app.url_map.converters["int"] = IdConverter  # before any route: ids 1..2^63-1

    app.extensions["workshop.registry"] = registry
    store = registry.store_class(settings.database_path)
    app.extensions["workshop.store"] = store

    from workshop.web.locale import init_babel

    init_babel(app)

    from workshop.live.events import SocketIO

    socketio = SocketIO(
        app,
        async_mode=settings.async_mode,
        max_http_buffer_size=MAX_BODY_BYTES,
        ping_interval=10,
        ping_timeout=10,
        # Each client's events run in its own connection's greenlet, in the
        # order sent, instead of one new greenlet per event: a phone waits for
        # its ack anyway, and spawning was ~5 % of the CPU at 1,000 moves/s.
        async_handlers=False,
        client_manager=_client_manager(settings),
        # Browsers may connect from our own pages only (a staff socket may
        # ride on the session cookie); scripts send no Origin.
        cors_allowed_origins=_origins(settings),
    )
    from workshop.live import connect, fairness, guard, reading
    from workshop.live.hub import Hub
    from workshop.live.part import register_part

    hub = Hub(
        socketio,
        store,
        settings.coalesce_seconds,
        settings.admin_token,
        registry.projector_views,
        single_process=not settings.redis_url,
    )
    app.extensions["workshop.hub"] = hub
    if settings.redis_url:  # several worker processes (docs/deploy.md)
        from workshop.live.cluster import Cluster

        hub.cluster = Cluster(hub, settings.redis_url)
        hub.cluster.start()
    from workshop.join_guard import JoinGuard

    join_guard = JoinGuard(settings.redis_url)
    app.extensions["workshop.join_guard"] = join_guard
    hub.refused_guesses = lambda: join_guard.refused
    hub.metrics.read_at_scrape(hub.snapshot)
    app.extensions["workshop.pair_guard"] = JoinGuard(settings.redis_url, namespace="pair")
    connect.register(socketio, hub, join_guard)
    reading.register(socketio, hub)
    guard.install(socketio.server, hub)
    fairness.install(
        socketio.server.eio,
        fairness.Limits(settings.socket_packets_per_second, settings.socket_bytes_per_second),
        joined=lambda eio_sid: socketio.server.manager.sid_from_eio_sid(eio_sid, "/") is not None,
    )

    from workshop.web import (
        api_export,
        api_justering,
        api_series,
        api_templates,
        api_workshops,
        decisions,
        errors,
        headers,
        health,
        metrics,
        minutes_page,
        oidc,
        pages,
        staff,
        summary_pages,
    )

    errors.register(app)
    headers.register(app)
    oidc.init_oidc(app)
    core = (
        api_workshops.bp,
        pages.bp,
        health.bp,
        metrics.bp,
        api_export.bp,
        summary_pages.bp,
        staff.bp,
        api_templates.bp,
        api_series.bp,
        oidc.bp,
        api_justering.bp,
        decisions.bp,
        minutes_page.bp,
    )
    for blueprint in core:
        app.register_blueprint(blueprint)
    # Each method: its HTTP API and its socket events (see workshop/methods.py).
    for method in registry.methods:
        app.register_blueprint(method.blueprint)
        for part in method.live:
            register_part(socketio, hub, part)
    if settings.trusted_proxies:  # behind nginx (docs/deploy.md): outside Socket.IO's middleware
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n)
    return app


def _origins(settings: Settings) -> list[str] | None:
    """The public URL's origin; without one, Socket.IO's default (the host asked)."""
    if not settings.public_url:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(settings.public_url)
    return [f"{parts.scheme}://{parts.netloc}"]


def _client_manager(settings: Settings):
    """Who is in which room: in this process (live/rooms.py), or, with
    WORKSHOP_REDIS_URL, Flask-SocketIO's message queue on Redis."""
    if not settings.redis_url:
        from workshop.live.rooms import Manager

        return Manager()
    from workshop.live.cluster import message_queue

    return message_queue(settings.redis_url)
