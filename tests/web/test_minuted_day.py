"""Issue 21's "Done when", in one day: the seed day's statements, a room that
moves, Ordet given and timed, a minute-taker (an invite of that role, in a
browser of their own) writing the minutes and a decision, the facilitator
finalising, an adjuster approving. Every format then carries the minutes,
the decision, the time heard per region, "Justerad av …" and the hash.

Each part has its own tests (tests/render/test_minutes_decisions.py,
tests/barometer/floor/test_protected.py, tests/web/test_justering.py);
this one holds them together, so a change that drops one from one format
fails here."""

from __future__ import annotations

import json

import pytest

from tests.barometer.floor.test_protected import _timed_turns
from tests.conftest import ok
from tests.web.test_api_export import download, text_of
from tests.web.test_justering import adjuster

# From the seed minutes (Värmland, 2015).
STATEMENTS = [
    "Min organisation har något att tillföra till Värmlands utveckling",
    "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet i länet",
]
MINUTES = "Lätt övervikt åt håller med. Kommentar: idéburna vill vara med tidigt, inte bara på remiss."
DECISION = {
    "text": "Arbetsgruppen tar fram ett utkast till överenskommelse",
    "who": "Arbetsgruppen",
    "when": "v. 12",
}
# The time heard per region, after "Ordet:" (bold in some formats).
HEARD = "1 från håller inte med-sidan (50 s), 2 från håller med-sidan (4 min 10 s)"
FORMATS = ["pdf", "docx", "html", "md", "json"]


def minute_taker(app, client, workshop, fac):
    """The minute-taker's invite accepted in a browser of their own: (client, csrf headers)."""
    r = client.post(
        f"/api/workshops/{workshop['id']}/invites",
        json={"role": "minute_taker", "name": "Sekreteraren"},
        headers=fac,
    )
    assert r.status_code == 201, r.get_json()
    browser = app.test_client()
    accepted = browser.post("/api/invites/accept", json={"secret": r.get_json()["secret"]})
    assert accepted.status_code == 200
    assert accepted.get_json()["next"] == f"/minutes/{workshop['id']}"
    return browser, {"X-CSRF-Token": accepted.get_json()["csrf"]}


@pytest.fixture
def day(app, client, store, workshop, fac, api, phone):
    base = f"/api/workshops/{workshop['id']}"
    sids = [api("POST", "/statements", {"text": text})["id"] for text in STATEMENTS]
    phones = [phone() for _ in range(6)]
    sid = sids[0]
    api("POST", f"/statements/{sid}/open")
    for p, value in zip(phones, (80, 85, 90, 95, 10, 20)):  # four agree, two disagree
        ok(p, "position", {"statement": sid, "value": value})
    ok(phones[4], "position", {"statement": sid, "value": 15})
    ok(phones[5], "position", {"statement": sid, "value": 25})
    api("PATCH", "", {"min_group": 2})  # two on the disagree side may be named
    for p in (phones[0], phones[1], phones[4]):
        ok(p, "hand", {"on": True})
    for number in (1, 2, 5):
        api("POST", f"/statements/{sid}/floor", {"participant": number})
    api("DELETE", f"/statements/{sid}/floor")
    api("POST", f"/statements/{sid}/close")
    _timed_turns(store, sid, {1: 130, 2: 120, 5: 50})

    secretary, csrf = minute_taker(app, client, workshop, fac)
    first = secretary.get(f"{base}/statements/{sid}/minutes").get_json()
    assert first["prefilled"] and first["version"] == 0  # the verbal summary, to edit
    saved = secretary.put(
        f"{base}/statements/{sid}/minutes", json={"text": MINUTES, "version": 0}, headers=csrf
    )
    assert saved.status_code == 200, saved.get_json()
    stale = secretary.put(
        f"{base}/statements/{sid}/minutes", json={"text": "äldre", "version": 0}, headers=csrf
    )
    assert stale.status_code == 409 and stale.get_json()["current"]["text"] == MINUTES
    assert secretary.post(f"{base}/decisions", json=DECISION, headers=csrf).status_code == 201

    approver, approver_csrf, _ = adjuster(app, client, workshop, fac, "Anna")
    made = client.post(f"{base}/finalise", headers=fac).get_json()
    r = approver.post(f"{base}/adjust", json={"approve": True, "name": "Anna Berg"}, headers=approver_csrf)
    assert r.status_code == 200 and r.get_json()["state"] == "approved"
    return made


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_minuted_day_is_in_every_format(client, workshop, fac, day, fmt):
    text = text_of(fmt, download(client, workshop, fmt, headers=fac).data).replace("\\", "")
    assert MINUTES in text, fmt
    assert DECISION["text"] in text and DECISION["who"] in text and DECISION["when"] in text, fmt
    assert "Justerad av Anna Berg" in text, fmt
    assert day["sha256"] in text.replace(" ", ""), fmt  # a PDF or DOCX line may wrap the hash
    if fmt == "json":
        return
    assert HEARD in text, (fmt, text[:3000])


def test_the_json_carries_the_time_heard_and_the_approval(client, workshop, fac, day):
    doc = json.loads(download(client, workshop, "json", headers=fac).data)
    floor = doc["statements"][0]["floor"]
    assert floor["seconds"]["agree"] == 250 and floor["seconds"]["disagree"] == 50
    assert doc["approval"]["sha256"] == day["sha256"]
    verify = client.get(f"/api/workshops/{workshop['id']}/appendix/verify", headers=fac).get_json()
    assert verify == {"version": 1, "sha256": day["sha256"], "matches": True}


def test_after_finalising_the_minutes_are_frozen(app, client, workshop, fac, day):
    base = f"/api/workshops/{workshop['id']}"
    before = download(client, workshop, "json", headers=fac).data
    r = client.post(f"{base}/decisions", json={"text": "Sent tillägg"}, headers=fac)
    assert r.status_code == 409 and r.get_json()["error"] == "Bilagan är slutförd"
    assert download(client, workshop, "json", headers=fac).data == before
