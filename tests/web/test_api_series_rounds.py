"""Rounds ("Fråga igen") in the series appendix: where a workshop asked a
statement again, the series compares its rounds side by side (one chart row
and one table row per round), in every export format and in
GET /api/series/<id>."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pypdf
import pytest
from docx import Document

from tests.conftest import bearer
from tests.series_seed import make_series


@pytest.fixture
def series(client, store, admin):
    """The three-workshop series; Karlstad asked its first statement again:
    round 2 at 20, 30 and a pass (round 1: 80, 90, 70, 85, 95, a pass)."""
    series_id, workshops = make_series(client, store, admin)
    karlstad = workshops[0]
    fac, base = bearer(karlstad["facilitator_key"]), f"/api/workshops/{karlstad['id']}/statements"
    first = client.get(base, headers=fac).get_json()["statements"][0]
    assert client.post(f"{base}/{first['id']}/rounds", headers=fac).status_code == 201
    for value in (20, 30, None):
        person = store.add_participant(karlstad["id"])["id"]
        store.record_position(karlstad["id"], first["id"], person, value, settled=True)
    assert client.post(f"{base}/{first['id']}/close", headers=fac).status_code == 200
    return series_id, workshops


def _keep(name: str, data: bytes) -> None:
    """Into test-artifacts/series/, to look at."""
    from pathlib import Path

    out = Path(__file__).resolve().parents[2] / "test-artifacts" / "series"
    out.mkdir(parents=True, exist_ok=True)
    (out / name).write_bytes(data)


def _zip(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_the_series_carries_each_workshops_rounds(client, admin, series):
    series_id, _ = series
    statements = client.get(f"/api/series/{series_id}", headers=admin).get_json()["statements"]
    karlstad, kil, _arvika = statements[0]["workshops"]
    assert [(r["round"], r["positions"], r["passes"], r["mean"]) for r in karlstad["rounds"]] == [
        (1, 5, 1, 84.0),
        (2, 2, 1, 25.0),
    ]
    assert karlstad["values"] == [20, 30] and karlstad["mean"] == 25.0  # the last round is the result
    assert kil["rounds"] == [] and statements[1]["workshops"][0]["rounds"] == []  # asked once


def test_rounds_in_every_export_format(client, admin, series):
    series_id, _ = series

    def get(fmt: str, lang: str = "sv"):
        r = client.get(f"/api/series/{series_id}/export.{fmt}?lang={lang}", headers=admin)
        assert r.status_code == 200, r.data
        return r.data

    html = get("html").decode()
    assert html.count("<svg") == 3  # two statements, and the first one's rounds
    assert "Karlstad, omgång 1" in html and "Karlstad, omgång 2" in html
    assert "<h4>Omgångar</h4>" in html and "<td>84</td>" in html and "<td>25</td>" in html
    assert "Karlstad, round 2" in get("html", "en").decode()

    md = _zip(get("md"))
    assert "charts/series-statement-1-rounds.png" in md
    _keep("series-rounds.png", md["charts/series-statement-1-rounds.png"])
    _keep("series-rounds.pdf", get("pdf"))
    assert md["charts/series-statement-1-rounds.png"].startswith(b"\x89PNG")
    assert "| Karlstad | 2 | 2 | 1 | 25 |" in md["series.md"].decode()

    files = _zip(get("csv"))
    rows = list(csv.DictReader(io.StringIO(files["rounds.csv"].decode("utf-8-sig"))))
    assert [(r["workshop"], r["round"], r["positions"], r["passes"], r["mean"]) for r in rows] == [
        ("Karlstad", "1", "5", "1", "84.0"),
        ("Karlstad", "2", "2", "1", "25.0"),
    ]
    assert rows[0]["statement"] == "Kollektivtrafiken räcker för mig"

    data = json.loads(get("json"))
    assert [r["round"] for r in data["statements"][0]["workshops"][0]["rounds"]] == [1, 2]

    doc = Document(io.BytesIO(get("docx")))
    assert "Omgångar" in [p.text for p in doc.paragraphs] and len(doc.inline_shapes) == 3
    assert any(t.rows[0].cells[1].text == "Omgång" for t in doc.tables)

    pdf = pypdf.PdfReader(io.BytesIO(get("pdf")))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Omgångar" in text and "Omgång: 2" in text


def test_a_series_without_rounds_has_no_rounds_part(client, store, admin):
    series_id, _ = make_series(client, store, admin)
    html = client.get(f"/api/series/{series_id}/export.html", headers=admin).data.decode()
    assert "Omgångar" not in html and html.count("<svg") == 2
    assert "rounds.csv" not in _zip(client.get(f"/api/series/{series_id}/export.csv", headers=admin).data)
