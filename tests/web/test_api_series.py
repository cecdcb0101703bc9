"""Series: grouping workshops, matching statements, and the series appendix
in every export format."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.series_seed import make_series


@pytest.fixture
def series(client, store, admin):
    return make_series(client, store, admin)


def test_matched_statements_questions_and_topics(client, admin, series):
    series_id, workshops = series
    body = client.get(f"/api/series/{series_id}", headers=admin).get_json()
    assert [w["title"] for w in body["workshops"]] == ["Karlstad", "Kil", "Arvika"]
    first, second = body["statements"]
    assert first["text"] == "Kollektivtrafiken räcker för mig" and first["key"]
    assert [w["positions"] for w in first["workshops"]] == [5, 4, 5]
    assert [w["mean"] for w in first["workshops"]] == [84.0, 18.8, 50.0]
    assert first["difference"]["sv"] == "Lägre instämmande i Kil än i Karlstad (medel 18,8 mot 84)."
    assert second["difference"]["shape"] == "same"
    (question,) = body["questions"]
    assert [w["counts"] for w in question["workshops"]] == [[2, 1, 0, 1], [0, 0, 3, 0], [0, 1, 0, 2]]
    assert [w["passes"] for w in question["workshops"]] == [0, 1, 0]
    by_title = {t["title"].casefold(): {w["workshop"] for w in t["workshops"]} for t in body["topics"]}
    assert by_title["busskort för unga"] == {"Karlstad", "Kil"}  # "busskort för unga!" grouped with it
    assert by_title["fler bussar på kvällen"] == {"Kil", "Arvika"}


def test_same_text_matches_without_a_template(client, store, admin, series):
    series_id, workshops = series
    w = client.post("/api/workshops", json={"title": "Hagfors"}, headers=admin).get_json()
    fac = {"Authorization": f"Bearer {w['facilitator_key']}"}
    client.post(f"/api/workshops/{w['id']}/statements", json={"text": "skolan är  TRYGG."}, headers=fac)
    ids = [x["id"] for x in workshops] + [w["id"]]
    client.put(f"/api/series/{series_id}/workshops", json={"ids": ids}, headers=admin)
    store.add_participant(w["id"])
    sid = client.get(f"/api/workshops/{w['id']}/statements", headers=fac).get_json()["statements"][0]["id"]
    client.post(f"/api/workshops/{w['id']}/statements/{sid}/open", headers=fac)
    client.post(f"/api/workshops/{w['id']}/statements/{sid}/close", headers=fac)
    body = client.get(f"/api/series/{series_id}", headers=admin).get_json()
    assert len(body["statements"]) == 2
    assert body["statements"][1]["workshops"][3]["positions"] == 0


def test_bad_series_input_changes_nothing(client, admin, series):
    series_id, workshops = series
    before = client.get(f"/api/series/{series_id}", headers=admin).get_json()["workshops"]
    for ids in (["nope"], "x", [1], [workshops[0]["id"]] * 2):
        r = client.put(f"/api/series/{series_id}/workshops", json={"ids": ids}, headers=admin)
        assert r.status_code == 400, ids
    assert client.get(f"/api/series/{series_id}", headers=admin).get_json()["workshops"] == before
    assert client.post("/api/series", json={"title": ""}, headers=admin).status_code == 400
    assert client.get("/api/series/nope", headers=admin).status_code == 404
    assert client.get(f"/api/series/{series_id}").status_code == 401
    assert client.get(f"/api/series/{series_id}/export.exe", headers=admin).status_code == 404
    assert client.get(f"/api/series/{series_id}/export.pdf?lang=xx", headers=admin).status_code == 400


def _zip(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_series_appendix_in_every_format(client, admin, series, tmp_path):
    series_id, _ = series
    get = lambda fmt: client.get(f"/api/series/{series_id}/export.{fmt}", headers=admin)  # noqa: E731
    sentence = "Lägre instämmande i Kil än i Karlstad"

    pdf = get("pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    (tmp_path / "series.pdf").write_bytes(pdf.data)

    html = get("html").data.decode()
    assert sentence in html and html.count("<svg") == 2 and "busskort för unga" in html.casefold()
    assert "Buss" in html and "<table>" in html and "&lt;/p&gt;" not in html

    md = _zip(get("md").data)
    assert sentence in md["series.md"].decode()
    assert sorted(n for n in md if n.endswith(".png")) == [
        "charts/series-statement-1.png",
        "charts/series-statement-2.png",
    ]

    csv = _zip(get("csv").data)
    assert set(csv) == {"workshops.csv", "statements.csv", "corners.csv", "topics.csv"}
    assert "Kil" in csv["statements.csv"].decode("utf-8-sig")

    data = json.loads(get("json").data)
    assert data["format"] == "series-appendix" and len(data["statements"]) == 2
    assert data["statements"][0]["difference"]["sv"].startswith(sentence)

    from docx import Document

    doc = Document(io.BytesIO(get("docx").data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert sentence in text and len(doc.inline_shapes) == 2 and len(doc.tables) == 4

    english = client.get(f"/api/series/{series_id}/export.html?lang=en", headers=admin).data.decode()
    assert "Lower agreement in Kil than in Karlstad" in english


def test_write_the_appendix_for_looking(client, admin, series):
    """Writes every format into test-artifacts/series/ (to look at the charts)."""
    from pathlib import Path

    out = Path(__file__).resolve().parents[2] / "test-artifacts" / "series"
    out.mkdir(parents=True, exist_ok=True)
    series_id, _ = series
    for fmt, ext in (
        ("pdf", "pdf"),
        ("docx", "docx"),
        ("html", "html"),
        ("md", "md.zip"),
        ("csv", "csv.zip"),
        ("json", "json"),
    ):
        r = client.get(f"/api/series/{series_id}/export.{fmt}", headers=admin)
        assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
        assert r.headers["Content-Disposition"].startswith(
            "attachment; filename=serie-trafikdialoger-i-varmland."
        )
        (out / f"series.{ext}").write_bytes(r.data)


def test_user_text_is_escaped_in_the_html(client, admin, series):
    series_id, workshops = series
    fac = {"Authorization": f"Bearer {workshops[0]['facilitator_key']}"}
    base = f"/api/workshops/{workshops[0]['id']}/corners"
    q = client.post(
        base, headers=fac, json={"text": "<script>alert(1)</script>", "labels": ["<b>x", "b", "c", "d"]}
    )
    qid = q.get_json()["id"]
    assert client.post(f"{base}/{qid}/open", headers=fac).status_code == 200
    assert client.post(f"{base}/{qid}/close", headers=fac).status_code == 200
    html = client.get(f"/api/series/{series_id}/export.html", headers=admin).data.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "A: &lt;b&gt;x" in html
