"""The rounds side by side in the workshop's appendix and summary page: a
statement asked again ("Fråga igen") gets a chart of each round's final
positions on one scale ("Omgång 1", "Omgång 2"), in every document format."""

from __future__ import annotations

import io
import json
import zipfile

import pypdf
from docx import Document

from tests.barometer.test_rounds import asked  # noqa: F401  (the fixture)
from tests.conftest import bearer


def _asked_twice(client, fac, asked):  # noqa: F811
    base, statement, phones = asked
    client.post(f"{base}/{statement['id']}/rounds", headers=fac)
    for p, value in zip(phones, (80, 50), strict=False):
        assert p.emit("position", {"statement": statement["id"], "value": value}, callback=True)["ok"]
    client.post(f"{base}/{statement['id']}/close", headers=fac)
    return statement


def test_the_rounds_chart_in_every_format(client, workshop, fac, asked):  # noqa: F811
    _asked_twice(client, fac, asked)
    export = lambda fmt: client.get(f"/api/workshops/{workshop['id']}/export.{fmt}", headers=fac).data  # noqa: E731
    alt = "Positioner per omgång: Omgång 1: 2 positioner; Omgång 2: 2 positioner."

    html = export("html").decode()
    assert alt in html and html.count("<svg") == 2  # the positions strip and the rounds

    with zipfile.ZipFile(io.BytesIO(export("md"))) as zf:
        names = zf.namelist()
        assert "charts/statement-01-rounds.png" in names
        assert zf.read("charts/statement-01-rounds.png").startswith(b"\x89PNG")
        md = zf.read("appendix.md").decode()
    assert "](charts/statement-01-rounds.png)" in md and alt in md

    doc = Document(io.BytesIO(export("docx")))
    assert len(doc.inline_shapes) == 2

    from pathlib import Path

    out = Path(__file__).resolve().parents[2] / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "appendix-rounds.pdf").write_bytes(export("pdf"))  # to look at
    pdf = pypdf.PdfReader(io.BytesIO(export("pdf")))
    images = sum(len(page.images) for page in pdf.pages)
    assert images == 2  # the strip and the rounds, as PNG pictures

    summary = client.get(f"/api/workshops/{workshop['id']}/summary.html", headers=fac).data.decode()
    assert alt in summary and summary.count("<svg") == 2

    (s,) = json.loads(export("json"))["statements"]
    assert s["rounds"] == [{"round": 1, "final": {"P1": 20, "P2": None, "P3": 60}}]


def test_a_statement_asked_once_has_no_rounds_chart(client, workshop, fac, asked):  # noqa: F811
    html = client.get(
        f"/api/workshops/{workshop['id']}/export.html", headers=bearer(workshop["facilitator_key"])
    )
    assert "Positioner per omgång" not in html.data.decode()
    with zipfile.ZipFile(
        io.BytesIO(client.get(f"/api/workshops/{workshop['id']}/export.md", headers=fac).data)
    ) as zf:
        assert not [n for n in zf.namelist() if n.endswith("-rounds.png")]
