"""GET /healthz and /readyz (web/health.py) with the Flask test client; the
real failures (a read-only file, a stopped Redis) are driven over the real
server in tests/integration/test_readyz.py."""


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"ok": True}


def test_ready_when_the_database_is_writable(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json() == {
        "ready": True,
        "checks": {"database": "ok", "redis": "off", "shutting_down": False},
    }
    assert response.headers["Cache-Control"] == "no-store"


def test_not_ready_while_shutting_down(client, app):
    app.extensions["workshop.hub"].draining = True
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["shutting_down"] is True


def test_not_ready_when_the_file_cannot_be_opened_for_writing(client, store, monkeypatch):
    monkeypatch.setattr(store, "path", str(store.path) + ".gone/workshop.db")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"] == "not writable"


def test_the_probe_commits_a_write(store):
    assert store.writable()
    assert store._scalar("SELECT count(*) FROM readiness") == 1
