"""workshop/flask_app.py: Socket.IO events skip URL routing; pages don't."""

from flask import request


def test_a_socket_event_context_is_not_routed(app):
    # Flask-SocketIO builds each event's request context from the connection's
    # environ, whose path is /socket.io/: nothing there may be matched.
    with app.test_request_context("/socket.io/", query_string={"EIO": "4", "transport": "websocket"}):
        assert request.url_rule is None and request.routing_exception is None


def test_pages_are_still_routed(app):
    with app.test_request_context("/join"):
        assert request.url_rule is not None and request.url_rule.rule == "/join"
    with app.test_request_context("/no-such-page"):
        assert request.routing_exception is not None and request.routing_exception.code == 404


def test_each_clients_events_run_in_its_own_connection_in_order(app):
    # One greenlet per connection, not one per event (docs/performance.md).
    assert app.extensions["socketio"].server.async_handlers is False
