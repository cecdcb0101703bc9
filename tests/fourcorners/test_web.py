"""Fyra hörn over HTTP: auth, validation, conflicts, the tally by role."""

import pytest

from tests.conftest import bearer

LABELS = ["Håller med", "Håller delvis med", "Håller inte med", "Vet inte"]


@pytest.fixture
def base(workshop):
    return f"/api/workshops/{workshop['id']}/corners"


def add(client, base, fac, text="Hur ser du på samverkan i Värmland?", labels=LABELS):
    r = client.post(base, json={"text": text, "labels": labels}, headers=fac)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_create_and_list(client, base, fac, workshop):
    q = add(client, base, fac)
    assert (q["status"], q["labels"], q["workshop_id"]) == ("draft", LABELS, workshop["id"])
    listed = client.get(base, headers=bearer(workshop["projector_key"])).get_json()["questions"]
    assert [(x["id"], x["answers"]) for x in listed] == [(q["id"], 0)]


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", ""),
        ("POST", ""),
        ("GET", "/1"),
        ("PATCH", "/1"),
        ("DELETE", "/1"),
        ("POST", "/1/open"),
        ("POST", "/1/close"),
        ("GET", "/1/tally"),
        ("GET", "/1/comments"),
        ("POST", "/1/comments"),
        ("DELETE", "/1/comments/1"),
    ],
)
def test_no_key_is_401_and_a_wrong_key_403(client, base, method, path):
    assert client.open(base + path, method=method, json={}).status_code == 401
    assert client.open(base + path, method=method, json={}, headers=bearer("guess")).status_code == 403


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "", {"text": "x", "labels": LABELS}),
        ("PATCH", "/{id}", {"text": "x"}),
        ("DELETE", "/{id}", None),
        ("POST", "/{id}/open", None),
        ("POST", "/{id}/close", None),
        ("POST", "/{id}/comments", {"text": "x"}),
    ],
)
def test_the_projector_key_only_reads(client, base, fac, workshop, method, path, body):
    q = add(client, base, fac)
    projector = bearer(workshop["projector_key"])
    r = client.open(base + path.format(id=q["id"]), method=method, json=body, headers=projector)
    assert r.status_code == 403
    assert client.get(f"{base}/{q['id']}", headers=projector).get_json()["status"] == "draft"
    assert client.get(f"{base}/{q['id']}/tally", headers=projector).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "Fråga"},
        {"labels": LABELS},
        {"text": "", "labels": LABELS},
        {"text": "x" * 301, "labels": LABELS},
        {"text": 3, "labels": LABELS},
        {"text": "Fråga", "labels": LABELS[:3]},
        {"text": "Fråga", "labels": LABELS + ["E"]},
        {"text": "Fråga", "labels": ["A", "B", "C", ""]},
        {"text": "Fråga", "labels": ["A", "B", "C", "x" * 81]},
        {"text": "Fråga", "labels": "A,B,C,D"},
        {"text": "Fråga", "labels": LABELS, "hidden": True},
    ],
)
def test_validation_is_400_and_changes_nothing(client, base, fac, body):
    r = client.post(base, json=body, headers=fac)
    assert r.status_code == 400 and r.get_json()["error"]
    assert client.get(base, headers=fac).get_json()["questions"] == []


def test_a_body_that_is_not_json_is_400(client, base, fac):
    r = client.post(base, data="text=x", headers={**fac, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400


def test_edit_only_as_draft(client, base, fac):
    q = add(client, base, fac)
    r = client.patch(
        f"{base}/{q['id']}", json={"text": "Ny fråga", "labels": ["1", "2", "3", "4"]}, headers=fac
    )
    assert (r.get_json()["text"], r.get_json()["labels"]) == ("Ny fråga", ["1", "2", "3", "4"])
    assert client.patch(f"{base}/{q['id']}", json={"labels": ["1"]}, headers=fac).status_code == 400
    client.post(f"{base}/{q['id']}/open", headers=fac)
    for body in ({"text": "Ändrad"}, {"labels": LABELS}):
        r = client.patch(f"{base}/{q['id']}", json=body, headers=fac)
        assert r.status_code == 409 and r.get_json()["error"]
    assert client.get(f"{base}/{q['id']}", headers=fac).get_json()["text"] == "Ny fråga"


def test_open_closes_the_other_sets_the_phase_and_close(client, base, fac, workshop):
    a, b = add(client, base, fac, "a"), add(client, base, fac, "b")
    assert client.post(f"{base}/{a['id']}/open", headers=fac).get_json()["status"] == "open"
    assert client.get(f"/api/workshops/{workshop['id']}", headers=fac).get_json()["phase"] == "fourcorners"
    assert client.post(f"{base}/{b['id']}/open", headers=fac).get_json()["status"] == "open"
    statuses = {q["id"]: q["status"] for q in client.get(base, headers=fac).get_json()["questions"]}
    assert statuses == {a["id"]: "closed", b["id"]: "open"}
    assert client.post(f"{base}/{b['id']}/close", headers=fac).get_json()["status"] == "closed"


def test_delete_only_when_not_open(client, base, fac):
    q = add(client, base, fac)
    client.post(f"{base}/{q['id']}/open", headers=fac)
    r = client.delete(f"{base}/{q['id']}", headers=fac)
    assert r.status_code == 409 and r.get_json()["error"]
    client.post(f"{base}/{q['id']}/close", headers=fac)
    assert client.delete(f"{base}/{q['id']}", headers=fac).status_code == 204
    assert client.get(f"{base}/{q['id']}", headers=fac).status_code == 404


def test_swedish_error_messages(client, base, fac):
    q = add(client, base, fac)
    client.post(f"{base}/{q['id']}/open", headers=fac)
    r = client.delete(f"{base}/{q['id']}", headers={**fac, "Accept-Language": "sv"})
    assert "Stäng frågan" in r.get_json()["error"]


@pytest.mark.parametrize(
    "path", ["/999", "/999/open", "/999/tally", "/999/comments", "/0", "/99999999999999999999"]
)
def test_unknown_question_is_404(client, base, fac, path):
    assert (
        client.open(base + path, method="POST" if path.endswith("open") else "GET", headers=fac).status_code
        == 404
    )


def test_another_workshops_question_is_404(client, base, fac, admin):
    other = client.post("/api/workshops", json={"title": "Annan"}, headers=admin).get_json()
    q = add(client, f"/api/workshops/{other['id']}/corners", bearer(other["facilitator_key"]))
    for method, path in (("GET", ""), ("POST", "/open"), ("GET", "/tally"), ("DELETE", "")):
        assert client.open(f"{base}/{q['id']}{path}", method=method, headers=fac).status_code == 404


def test_comments(client, base, fac, workshop):
    q = add(client, base, fac)
    r = client.post(f"{base}/{q['id']}/comments", json={"text": "Kommentar: flest i hörn A"}, headers=fac)
    assert r.status_code == 201
    for bad in ({"text": ""}, {}, {"text": "x" * 2001}):
        assert client.post(f"{base}/{q['id']}/comments", json=bad, headers=fac).status_code == 400
    listed = client.get(f"{base}/{q['id']}/comments", headers=bearer(workshop["projector_key"])).get_json()[
        "comments"
    ]
    assert [c["text"] for c in listed] == ["Kommentar: flest i hörn A"]
    assert client.get(f"{base}/{q['id']}", headers=fac).get_json()["comments"] == listed
    assert client.delete(f"{base}/{q['id']}/comments/{listed[0]['id']}", headers=fac).status_code == 204
    assert client.delete(f"{base}/{q['id']}/comments/{listed[0]['id']}", headers=fac).status_code == 404


def test_tally_for_facilitator_and_projector(client, base, fac, workshop, phone):
    q = add(client, base, fac)
    client.post(f"{base}/{q['id']}/open", headers=fac)
    for corner in (0, "pass", 3, 0):
        assert phone().emit("corner", {"question": q["id"], "corner": corner}, callback=True)["ok"]
    expected = {
        "question": q["id"],
        "counts": [2, 0, 0, 1],
        "passes": 1,
        "count": 3,
        "dots": [[1, 0], [3, 3], [4, 0]],
    }
    assert client.get(f"{base}/{q['id']}/tally", headers=fac).get_json() == expected
    assert (
        client.get(f"{base}/{q['id']}/tally", headers=bearer(workshop["projector_key"])).get_json()
        == expected
    )
    assert client.get(base, headers=fac).get_json()["questions"][0]["answers"] == 4


def test_archive_counts_questions(client, base, fac, admin):
    add(client, base, fac)
    row = client.get("/api/workshops", headers=admin).get_json()["workshops"][0]
    assert row["questions"] == 1


def test_text_is_escaped_in_pages(client, base, fac, workshop):
    add(client, base, fac, "<script>alert(1)</script>", ["<b>A</b>", "B", "C", "D"])
    for page in (f"/console/{workshop['id']}", f"/projector/{workshop['id']}", f"/j/{workshop['code']}"):
        html = client.get(page).get_data(as_text=True)
        assert "<script>alert(1)</script>" not in html and "<b>A</b>" not in html
        assert "js/fourcorners/" in html and "css/fourcorners.css" in html
