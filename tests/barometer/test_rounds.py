"""Rounds ("Fråga igen"): a closed statement asked again opens its next
round; phones start unplaced; the distribution and every export carry the
round, and the appendix says who moved between the rounds."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.conftest import wait_for


@pytest.fixture
def asked(client, workshop, fac, phone, facilitator):
    """Statement 1 asked in round 1 by three phones (20, pass, 60), then closed."""
    base = f"/api/workshops/{workshop['id']}/statements"
    statement = client.post(base, json={"text": "Bussen räcker"}, headers=fac).get_json()
    client.post(f"{base}/{statement['id']}/open", headers=fac)
    phones = [phone() for _ in range(3)]
    for p, value in zip(phones, (20, "pass", 60), strict=True):
        assert p.emit("position", {"statement": statement["id"], "value": value}, callback=True)["ok"]
    # The room's dots are held in memory by now (the live aggregate).
    assert wait_for(facilitator, "distribution", lambda d: d["count"] == 2)["round"] == 1
    client.post(f"{base}/{statement['id']}/close", headers=fac)
    return base, statement, phones


def test_only_a_closed_statement_is_asked_again(client, workshop, fac):
    base = f"/api/workshops/{workshop['id']}/statements"
    s = client.post(base, json={"text": "x"}, headers=fac).get_json()
    assert client.post(f"{base}/{s['id']}/rounds", headers=fac).status_code == 409  # a draft
    client.post(f"{base}/{s['id']}/open", headers=fac)
    assert client.post(f"{base}/{s['id']}/rounds", headers=fac).status_code == 409  # still open
    assert client.get(f"{base}/{s['id']}", headers=fac).get_json()["round"] == 1
    assert client.post(f"{base}/999/rounds", headers=fac).status_code == 404


def test_round_two_opens_with_every_phone_unplaced(client, fac, asked, facilitator):
    base, statement, phones = asked
    r = client.post(f"{base}/{statement['id']}/rounds", headers=fac)
    assert r.status_code == 201
    assert r.get_json()["round"] == 2 and r.get_json()["status"] == "open"
    for p in phones:
        state = wait_for(p, "state", lambda s: s.get("statement") is not None)
        assert state["statement"]["id"] == statement["id"] and state["position"] is None
    dist = client.get(f"{base}/{statement['id']}/distribution", headers=fac).get_json()
    assert dist["round"] == 2 and dist["count"] == 0 and dist["passes"] == 0
    facilitator.get_received()
    assert phones[0].emit("position", {"statement": statement["id"], "value": 80}, callback=True)["ok"]
    assert phones[1].emit("position", {"statement": statement["id"], "value": 50}, callback=True)["ok"]
    live = wait_for(facilitator, "distribution", lambda d: d["count"] == 2)
    assert live["round"] == 2 and sorted(live["values"]) == [50, 80]  # round 1's 20 and 60 are gone


def _zip(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n).decode("utf-8-sig") for n in zf.namelist() if not n.endswith(".png")}


def test_every_export_carries_the_rounds(client, workshop, fac, asked):
    base, statement, phones = asked
    client.post(f"{base}/{statement['id']}/rounds", headers=fac)
    for p, value in zip(phones, (80, 50, 60), strict=True):
        assert p.emit("position", {"statement": statement["id"], "value": value}, callback=True)["ok"]
    client.post(f"{base}/{statement['id']}/close", headers=fac)
    export = lambda fmt: client.get(f"/api/workshops/{workshop['id']}/export.{fmt}", headers=fac)  # noqa: E731

    (s,) = json.loads(export("json").data)["statements"]
    assert s["round"] == 2 and s["rounds"] == [{"round": 1, "final": {"P1": 20, "P2": None, "P3": 60}}]
    assert s["values"] == [80, 50, 60] and len(s["history"]) == 3  # round 2's changes only
    said = "2 flyttade sig mellan omgång 1 och 2: P1 (20 → 80), P2 (pass → 50)."
    assert said in s["rounds_text"]
    assert s["rounds_text"].startswith(
        "Omgång 1: 2 positioner, medel 40; omgång 2: 3 positioner, medel 63,3."
    )

    csv = _zip(export("csv").data)
    assert "1,P1,20" in csv["rounds.csv"] and "1,P2,pass" in csv["rounds.csv"]
    import csv as csv_module

    (row,) = csv_module.DictReader(io.StringIO(csv["statements.csv"]))
    assert row["round"] == "2"
    assert said in _zip(export("md").data)["appendix.md"]
    assert said in export("html").data.decode()

    from docx import Document

    assert said in "\n".join(p.text for p in Document(io.BytesIO(export("docx").data)).paragraphs)
    pdf = export("pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_the_rounds_in_the_pdf(client, workshop, fac, asked, tmp_path):
    """The PDF's text (pdftotext) says who moved between the rounds."""
    import shutil
    import subprocess

    base, statement, phones = asked
    client.post(f"{base}/{statement['id']}/rounds", headers=fac)
    assert phones[0].emit("position", {"statement": statement["id"], "value": 90}, callback=True)["ok"]
    client.post(f"{base}/{statement['id']}/close", headers=fac)
    path = tmp_path / "a.pdf"
    path.write_bytes(client.get(f"/api/workshops/{workshop['id']}/export.pdf", headers=fac).data)
    assert shutil.which("pdftotext")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "P1 (20 → 90)" in " ".join(text.split())
