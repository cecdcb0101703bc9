"""GET /metrics on the real server: Prometheus's own parser reads it, and its
figures move while phones move, guess codes and download an export."""

from __future__ import annotations

import requests
import socketio
from prometheus_client.parser import text_string_to_metric_families

from bench.live_server import LiveServer
from tests.integration.conftest import Phone, eventually

METRICS_TOKEN = "scraper-only-token"
PHONES = 20


def scrape(server: LiveServer, token: str = METRICS_TOKEN) -> dict[str, float]:
    """Every sample as name{labels} -> value, parsed by prometheus-client."""
    response = requests.get(server.url + "/metrics", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for s in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(s.labels.items()) if k != "le")
            if "le" in s.labels:
                continue
            samples[s.name + (f"{{{labels}}}" if labels else "")] = s.value
    return samples


def guess_wrong_codes(server: LiveServer, times: int) -> None:
    for _ in range(times):
        client = socketio.Client(reconnection=False)
        try:
            client.connect(server.url, auth={"code": "000000"}, transports=["websocket"], wait_timeout=5)
        except socketio.exceptions.ConnectionError:
            pass
        finally:
            client.disconnect()


def test_metrics_need_a_token(tmp_path):
    server = LiveServer(tmp_path / "data", env={"WORKSHOP_METRICS_TOKEN": METRICS_TOKEN}).start()
    try:
        assert requests.get(server.url + "/metrics", timeout=5).status_code == 401
        wrong = {"Authorization": "Bearer not-the-token"}
        assert requests.get(server.url + "/metrics", headers=wrong, timeout=5).status_code == 403
        workshop = server.new_workshop()  # a facilitator key opens its workshop, not /metrics
        key = {"Authorization": f"Bearer {workshop['facilitator_key']}"}
        assert requests.get(server.url + "/metrics", headers=key, timeout=5).status_code == 403
        seen = scrape(server, server.admin_token)  # the admin token too
        assert "workshop_phones_connected" in seen and seen["process_resident_memory_bytes"] > 0
    finally:
        server.stop()


def test_figures_move_under_load(tmp_path):
    server = LiveServer(tmp_path / "data", env={"WORKSHOP_METRICS_TOKEN": METRICS_TOKEN}).start()
    phones = []
    try:
        before = scrape(server)
        assert before["workshop_phones_connected"] == 0
        assert before["workshop_ack_latency_seconds_count"] == 0
        workshop = server.new_workshop()
        key = workshop["facilitator_key"]
        server.api("POST", f"/api/workshops/{workshop['id']}/phase", key, {"phase": "barometer"}, expect=200)
        statement = server.open_statement(workshop, "Vi behöver en gemensam plattform")
        phones = [Phone(server.url, workshop["code"]).connect() for _ in range(PHONES)]
        for round_ in range(5):
            for n, phone in enumerate(phones):
                assert phone.move(statement["id"], (n * 5 + round_ * 3) % 101)["ok"]
        guess_wrong_codes(server, 15)  # a burst of 10 typos is allowed, then refused
        url = f"{server.url}/api/workshops/{workshop['id']}/export.json?key={key}"
        assert requests.get(url, timeout=30).status_code == 200

        assert eventually(lambda: scrape(server)["workshop_projector_lag_seconds_count"] > 0)
        now = scrape(server)
        assert now["workshop_phones_connected"] == PHONES
        assert now["workshop_workshops_live"] == 1
        assert now["workshop_ack_latency_seconds_count"] == PHONES * 5
        assert 0 < now["workshop_ack_latency_seconds_sum"] < PHONES * 5 * 1.0
        assert 0 < now["workshop_group_commit_batch_size_count"] <= PHONES * 5
        assert now["workshop_group_commit_batch_size_sum"] == PHONES * 5  # every move in some batch
        assert now["workshop_flush_duration_seconds_count"] > 0
        assert now["workshop_join_guesses_refused_total"] >= 1
        assert now["workshop_exports_rendered_total{format=json}"] == 1
        assert now["workshop_export_duration_seconds_count{format=json}"] == 1

        for phone in phones:
            phone.close()
        assert eventually(lambda: scrape(server)["workshop_phones_connected"] == 0)
    finally:
        for phone in phones:
            phone.close()
        server.stop()
