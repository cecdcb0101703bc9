import pytest

from tests.conftest import bearer


@pytest.fixture
def base(workshop):
    return f"/api/workshops/{workshop['id']}/statements"


def add(client, base, fac, text="Vi i Värmland bör fortsätta arbetet"):
    r = client.post(base, json={"text": text}, headers=fac)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_add_statement(client, base, fac):
    s = add(client, base, fac)
    assert s["status"] == "draft" and s["text"].startswith("Vi i Värmland")


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "x" * 501}, {"text": 3}, {"text": None}])
def test_statement_validation_changes_nothing(client, base, fac, body):
    r = client.post(base, json=body, headers=fac)
    assert r.status_code == 400 and r.get_json()["error"]
    assert client.get(base, headers=fac).get_json()["statements"] == []


def test_projector_cannot_write(client, base, workshop):
    assert client.post(base, json={"text": "x"}, headers=bearer(workshop["projector_key"])).status_code == 403
    assert client.post(base, json={"text": "x"}).status_code == 401


def test_bulk_paste(client, base, fac):
    r = client.post(f"{base}/bulk", json={"text": "Ett\n\nTvå\nTre"}, headers=fac)
    assert r.status_code == 201
    assert [s["text"] for s in r.get_json()["statements"]] == ["Ett", "Två", "Tre"]
    assert [s["sort"] for s in client.get(base, headers=fac).get_json()["statements"]] == [1, 2, 3]


def test_reorder(client, base, fac):
    ids = [add(client, base, fac, t)["id"] for t in ("a", "b", "c")]
    r = client.put(f"{base}/order", json={"ids": ids[::-1]}, headers=fac)
    assert [s["text"] for s in r.get_json()["statements"]] == ["c", "b", "a"]
    for bad in (ids[:2], ids + [999], [ids[0]] * 3, "x", [True, False, True]):
        assert client.put(f"{base}/order", json={"ids": bad}, headers=fac).status_code == 400
    assert [s["text"] for s in client.get(base, headers=fac).get_json()["statements"]] == ["c", "b", "a"]


def test_edit_only_before_shown(client, base, fac):
    s = add(client, base, fac)
    r = client.patch(f"{base}/{s['id']}", json={"text": "Ny text"}, headers=fac)
    assert r.get_json()["text"] == "Ny text"
    client.post(f"{base}/{s['id']}/open", headers=fac)
    r = client.patch(f"{base}/{s['id']}", json={"text": "Ändrad"}, headers=fac)
    assert r.status_code == 409 and r.get_json()["error"]


def test_one_open_at_a_time(client, base, fac, workshop):
    a, b = add(client, base, fac, "a"), add(client, base, fac, "b")
    assert client.post(f"{base}/{a['id']}/open", headers=fac).get_json()["status"] == "open"
    assert client.post(f"{base}/{b['id']}/open", headers=fac).get_json()["status"] == "open"
    statuses = {s["id"]: s["status"] for s in client.get(base, headers=fac).get_json()["statements"]}
    assert statuses == {a["id"]: "closed", b["id"]: "open"}
    assert client.get(f"/api/workshops/{workshop['id']}", headers=fac).get_json()["phase"] == "barometer"
    assert client.post(f"{base}/{b['id']}/close", headers=fac).get_json()["status"] == "closed"


def test_unknown_statement_is_404(client, base, fac, admin):
    assert client.post(f"{base}/999/open", headers=fac).status_code == 404
    assert client.get(f"{base}/999/distribution", headers=fac).status_code == 404
    other = client.post("/api/workshops", json={"title": "Annan"}, headers=admin).get_json()
    s = add(client, f"/api/workshops/{other['id']}/statements", bearer(other["facilitator_key"]))
    # A statement of another workshop is not reachable through this one.
    assert client.post(f"{base}/{s['id']}/open", headers=fac).status_code == 404


def test_cannot_delete_the_open_statement(client, base, fac):
    s = add(client, base, fac)
    client.post(f"{base}/{s['id']}/open", headers=fac)
    assert client.delete(f"{base}/{s['id']}", headers=fac).status_code == 409
    client.post(f"{base}/{s['id']}/close", headers=fac)
    assert client.delete(f"{base}/{s['id']}", headers=fac).status_code == 204


def test_comments(client, base, fac):
    s = add(client, base, fac)
    r = client.post(
        f"{base}/{s['id']}/comments", json={"text": "använda resurser gemensamt, bli starka"}, headers=fac
    )
    assert r.status_code == 201
    assert client.post(f"{base}/{s['id']}/comments", json={"text": ""}, headers=fac).status_code == 400
    listed = client.get(f"{base}/{s['id']}/comments", headers=fac).get_json()["comments"]
    assert [c["text"] for c in listed] == ["använda resurser gemensamt, bli starka"]
    assert client.delete(f"{base}/{s['id']}/comments/{listed[0]['id']}", headers=fac).status_code == 204
    assert client.get(f"{base}/{s['id']}/comments", headers=fac).get_json()["comments"] == []


def test_distribution_and_hiding(client, base, fac, workshop, phone):
    s = add(client, base, fac)
    client.post(f"{base}/{s['id']}/open", headers=fac)
    for value in (10, "pass", 90):
        assert phone().emit("position", {"statement": s["id"], "value": value}, callback=True)["ok"]
    d = client.get(f"{base}/{s['id']}/distribution", headers=fac).get_json()
    assert (d["count"], d["passes"], sorted(d["values"]), d["mean"]) == (2, 1, [10, 90], 50.0)
    client.patch(f"{base}/{s['id']}", json={"hidden": True}, headers=fac)
    proj = bearer(workshop["projector_key"])
    hidden = client.get(f"{base}/{s['id']}/distribution", headers=proj).get_json()
    assert hidden["values"] == [] and hidden["count"] == 2 and hidden["hidden"] is True
    client.post(f"{base}/{s['id']}/reveal", headers=fac)
    assert client.get(f"{base}/{s['id']}/distribution", headers=proj).get_json()["values"] == [10, 90]
    assert "summary" not in d  # only once closed


def test_a_closed_statements_summary_for_the_facilitator_only(client, base, fac, workshop, phone):
    """The console reads out what the projector shows (issue 20, item 12)."""
    s = add(client, base, fac)
    client.post(f"{base}/{s['id']}/open", headers=fac)
    for value in (80, 90, 85):
        assert phone().emit("position", {"statement": s["id"], "value": value}, callback=True)["ok"]
    client.post(f"{base}/{s['id']}/close", headers=fac)
    client.patch(f"{base}/{s['id']}", json={"hidden": True}, headers=fac)
    d = client.get(f"{base}/{s['id']}/distribution", headers=fac).get_json()
    assert d["summary"] == "Alla håller med"  # the workshop's language, hidden or not
    proj = client.get(f"{base}/{s['id']}/distribution", headers=bearer(workshop["projector_key"])).get_json()
    assert "summary" not in proj and proj["values"] == []


def test_script_text_is_stored_verbatim_and_escaped_in_pages(client, admin):
    # Statements reach pages only through the API and textContent (browser
    # tests cover that); what pages render server-side is the title.
    title = "<script>alert(1)</script>"
    w = client.post("/api/workshops", json={"title": title}, headers=admin).get_json()
    stored = client.get(f"/api/workshops/{w['id']}", headers=bearer(w["facilitator_key"])).get_json()
    assert stored["title"] == title
    for path in (f"/console/{w['id']}", f"/projector/{w['id']}", f"/j/{w['code']}"):
        page = client.get(path).get_data(as_text=True)
        assert title not in page, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, path
