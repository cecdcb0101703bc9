"""One statement, several languages: "texts" {"en", "sv-x-lattlast"} on a
statement, on the phone, in templates and exports; one distribution."""

from __future__ import annotations

import json

import pytest

from tests.conftest import wait_for

TEXTS = {"en": "The buses run often enough", "sv-x-lattlast": "Bussen kommer ofta"}


@pytest.fixture
def statement(client, workshop, fac):
    base = f"/api/workshops/{workshop['id']}/statements"
    s = client.post(base, json={"text": "Bussarna går tillräckligt ofta"}, headers=fac).get_json()
    r = client.patch(f"{base}/{s['id']}", json={"texts": TEXTS}, headers=fac)
    assert r.status_code == 200 and r.get_json()["texts"] == TEXTS
    return base, s


@pytest.mark.parametrize(
    "texts",
    [[], {"de": "x"}, {"en": 5}, {"en": "x" * 501}, "en"],
)
def test_bad_texts_are_refused_and_change_nothing(client, fac, statement, texts):
    base, s = statement
    assert client.patch(f"{base}/{s['id']}", json={"texts": texts}, headers=fac).status_code == 400
    assert client.get(f"{base}/{s['id']}", headers=fac).get_json()["texts"] == TEXTS


def test_blank_removes_a_language_and_shown_statements_keep_theirs(client, fac, statement):
    base, s = statement
    r = client.patch(f"{base}/{s['id']}", json={"texts": {"en": "Buses", "sv-x-lattlast": " "}}, headers=fac)
    assert r.get_json()["texts"] == {"en": "Buses"}
    client.post(f"{base}/{s['id']}/open", headers=fac)
    assert client.patch(f"{base}/{s['id']}", json={"texts": TEXTS}, headers=fac).status_code == 409


def test_the_phone_gets_every_language_and_one_distribution(client, fac, statement, phone, facilitator):
    base, s = statement
    client.post(f"{base}/{s['id']}/open", headers=fac)
    p = phone()
    state = wait_for(p, "state", lambda st: st.get("statement") is not None)
    assert state["statement"] == {"id": s["id"], "text": "Bussarna går tillräckligt ofta", "texts": TEXTS}
    assert p.emit("position", {"statement": s["id"], "value": 70}, callback=True)["ok"]
    assert wait_for(facilitator, "distribution", lambda d: d["count"] == 1)["values"] == [70]


def test_texts_in_templates_and_exports(client, workshop, fac, admin, statement):
    base, s = statement
    client.post(f"{base}/{s['id']}/open", headers=fac)
    client.post(f"{base}/{s['id']}/close", headers=fac)
    doc = json.loads(client.get(f"/api/workshops/{workshop['id']}/export.json", headers=fac).data)
    (exported,) = doc["statements"]
    assert exported["texts"] == TEXTS
    import csv
    import io
    import zipfile

    with zipfile.ZipFile(
        io.BytesIO(client.get(f"/api/workshops/{workshop['id']}/export.csv", headers=fac).data)
    ) as zf:
        (row,) = csv.DictReader(io.StringIO(zf.read("statements.csv").decode("utf-8-sig")))
    assert row["text_en"] == TEXTS["en"] and row["text_sv-x-lattlast"] == TEXTS["sv-x-lattlast"]
    md = client.get(f"/api/workshops/{workshop['id']}/export.html", headers=fac).data.decode()
    assert (
        "På andra språk:</strong> Engelska: The buses run often enough; Lättläst svenska: Bussen kommer ofta"
        in md
    )

    template = client.post(f"/api/workshops/{workshop['id']}/template", headers=fac).get_json()
    assert template["methods"]["barometer"]["statements"][0]["texts"] == TEXTS
    again = client.post("/api/templates", json=template, headers=admin).get_json()
    assert again["methods"] == template["methods"]
    made = client.post(
        "/api/workshops", json={"title": "Kil", "template": again["id"]}, headers=admin
    ).get_json()
    key = {"Authorization": f"Bearer {made['facilitator_key']}"}
    (copy,) = client.get(f"/api/workshops/{made['id']}/statements", headers=key).get_json()["statements"]
    assert copy["texts"] == TEXTS
    bad = {
        **template,
        "methods": {"barometer": {"statements": [{"key": "a", "text": "x", "texts": {"xx": "y"}}]}},
    }
    assert client.post("/api/templates", json=bad, headers=admin).status_code == 400


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md", "json", "csv"])
def test_every_export_carries_the_other_languages(client, workshop, fac, statement, fmt):
    from tests.web.test_api_export import download, text_of

    base, s = statement
    client.post(f"{base}/{s['id']}/open", headers=fac)
    client.post(f"{base}/{s['id']}/close", headers=fac)
    text = text_of(fmt, download(client, workshop, fmt, headers=fac).data)
    assert TEXTS["en"] in text and TEXTS["sv-x-lattlast"] in text, (fmt, text[:2000])
