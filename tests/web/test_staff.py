"""Staff sign-in, sessions, invites with roles, CSRF and projector pairing (issue 19)."""

from __future__ import annotations

import pytest

from tests.conftest import ADMIN, bearer

COOKIE = "workshop_session"


def cookie(client):
    return client.get_cookie(COOKIE)


def signed_in(client) -> str:
    """Sign in with the admin token; the session's CSRF token."""
    r = client.post("/signin", json={"token": ADMIN})
    assert r.status_code == 200, r.get_json()
    return r.get_json()["csrf"]


def csrf_headers(token: str) -> dict:
    return {"X-CSRF-Token": token}


# -- organiser sign-in ----------------------------------------------------------
def test_signin_sets_a_strict_cookie_with_an_expiry(client):
    r = client.post("/signin", json={"token": ADMIN})
    assert r.status_code == 200
    header = r.headers["Set-Cookie"]
    assert header.startswith(f"{COOKIE}=")
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Max-Age=" in header and "Expires=" in header
    assert "Secure" not in header  # the test's public URL is http
    assert r.get_json()["role"] == "admin"


def test_signin_is_secure_behind_https(app, client):
    app.config["SETTINGS"].__dict__["public_url"] = "https://workshop.test"
    try:
        header = client.post("/signin", json={"token": ADMIN}).headers["Set-Cookie"]
    finally:
        app.config["SETTINGS"].__dict__["public_url"] = "http://workshop.test:5000"
    assert "Secure" in header


def test_wrong_token_gives_no_session(client):
    assert client.post("/signin", json={"token": "nope"}).status_code == 403
    assert cookie(client) is None
    r = client.post("/signin", data={"token": "nope"})
    assert r.status_code == 403 and cookie(client) is None
    assert "inte administratörsnyckeln" in r.get_data(as_text=True) or "not the admin token" in r.get_data(
        as_text=True
    )


def test_form_signin_redirects_to_a_local_page_only(client):
    r = client.post("/signin", data={"token": ADMIN, "next": "https://evil.example/"})
    assert r.status_code == 303 and r.headers["Location"] == "/console"
    r = client.post("/signin", data={"token": ADMIN, "next": "/console/abc"})
    assert r.headers["Location"] == "/console/abc"


def test_session_opens_the_organisers_api_in_a_new_client(app, client):
    csrf = signed_in(client)
    assert client.get("/api/workshops").status_code == 200
    r = client.post("/api/workshops", json={"title": "T"}, headers=csrf_headers(csrf))
    assert r.status_code == 201
    # A second browser with the same cookie (a restart keeps it: Max-Age).
    other = app.test_client()
    other.set_cookie(COOKIE, cookie(client).value)
    assert other.get("/api/workshops").status_code == 200
    assert other.get(f"/api/workshops/{r.get_json()['id']}").get_json()["facilitator_key"]


def test_signin_rotates_and_signout_ends_the_session(app, client):
    signed_in(client)
    first = cookie(client).value
    signed_in(client)
    assert cookie(client).value != first
    old = app.test_client()
    old.set_cookie(COOKIE, first)
    assert old.get("/api/workshops").status_code == 401
    kept = cookie(client).value
    assert client.post("/signout").status_code == 204
    again = app.test_client()
    again.set_cookie(COOKIE, kept)
    assert again.get("/api/workshops").status_code == 401


def test_expired_session_is_refused(app, client, store):
    signed_in(client)
    store.db.execute("UPDATE staff_sessions SET expires_at = '2000-01-01T00:00:00.000+00:00'")
    assert client.get("/api/workshops").status_code == 401


def test_only_the_digest_of_a_session_is_stored(client, store):
    signed_in(client)
    token = cookie(client).value
    assert token not in str(store.db.execute("SELECT * FROM staff_sessions").fetchall())


# -- CSRF and origins ------------------------------------------------------------
def test_cookie_write_without_csrf_token_is_refused(client):
    signed_in(client)
    r = client.post("/api/workshops", json={"title": "T"})
    assert r.status_code == 403
    assert client.get("/api/workshops").get_json()["workshops"] == []


def test_cookie_write_from_a_foreign_origin_is_refused(client):
    csrf = signed_in(client)
    r = client.post(
        "/api/workshops",
        json={"title": "T"},
        headers={**csrf_headers(csrf), "Origin": "https://evil.example"},
    )
    assert r.status_code == 403
    r = client.post(
        "/api/workshops",
        json={"title": "T"},
        headers={**csrf_headers(csrf), "Origin": "http://workshop.test:5000"},
    )
    assert r.status_code == 201


def test_a_cross_site_fetch_or_a_null_origin_from_elsewhere_is_refused(client):
    csrf = signed_in(client)
    for headers in (
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "null"},  # a sandboxed frame elsewhere
        {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
    ):
        r = client.post("/api/workshops", json={"title": "T"}, headers={**csrf_headers(csrf), **headers})
        assert r.status_code == 403, headers
    # Our own form under Referrer-Policy: no-referrer (Chromium: Origin null, same-origin).
    r = client.post(
        "/signin", data={"token": ADMIN}, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    )
    assert r.status_code == 303


def test_signin_from_a_foreign_origin_is_refused(client):
    r = client.post("/signin", data={"token": ADMIN}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and cookie(client) is None


# -- #key= links become sessions ---------------------------------------------------
def test_a_facilitator_key_becomes_a_session(app, client, workshop, fac):
    r = client.post(f"/api/workshops/{workshop['id']}/session", headers=fac)
    assert r.status_code == 200 and r.get_json()["role"] == "facilitator"
    tab = app.test_client()
    tab.set_cookie(COOKIE, cookie(client).value)
    shown = tab.get(f"/api/workshops/{workshop['id']}").get_json()
    # A session runs the workshop but never learns the keys (revoking it must be the end).
    assert (
        shown["role"] == "facilitator"
        and "facilitator_key" not in shown
        and "projector_key" not in str(shown)
    )
    # Its session is for this workshop only.
    other = client.post("/api/workshops", json={"title": "B"}, headers=bearer(ADMIN)).get_json()
    assert tab.get(f"/api/workshops/{other['id']}").status_code == 403
    assert tab.get("/api/workshops").status_code == 403


def test_the_admin_token_never_becomes_a_workshop_session(client, workshop):
    r = client.post(f"/api/workshops/{workshop['id']}/session", headers=bearer(ADMIN))
    assert r.status_code == 403


# -- invites and roles ---------------------------------------------------------------
def invite(client, workshop, fac, role, name=None):
    body = {"role": role} | ({"name": name} if name else {})
    r = client.post(f"/api/workshops/{workshop['id']}/invites", json=body, headers=fac)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_invite_returns_url_secret_and_qr(client, workshop, fac):
    made = invite(client, workshop, fac, "minute_taker", "Anna – mobil")
    assert set(made) >= {"id", "role", "url", "secret"}
    assert made["url"] == f"http://workshop.test:5000/invite#secret={made['secret']}"
    assert made["qr"].startswith("<svg")


@pytest.mark.parametrize(
    "body", [{"role": "admin"}, {"role": "boss"}, {}, {"role": "facilitator", "name": 3}]
)
def test_bad_invites_are_refused(client, workshop, fac, body):
    r = client.post(f"/api/workshops/{workshop['id']}/invites", json=body, headers=fac)
    assert r.status_code == 400 and r.get_json()["error"]


def statement(client, workshop, fac):
    r = client.post(f"/api/workshops/{workshop['id']}/statements", json={"text": "Skolan"}, headers=fac)
    return r.get_json()["id"]


def test_minute_taker_comments_but_does_not_open(client, workshop, fac):
    sid = statement(client, workshop, fac)
    secret = bearer(invite(client, workshop, fac, "minute_taker")["secret"])
    base = f"/api/workshops/{workshop['id']}/statements/{sid}"
    assert client.post(f"{base}/comments", json={"text": "Protokoll"}, headers=secret).status_code == 201
    assert client.post(f"{base}/open", headers=secret).status_code == 403
    assert (
        client.post(
            f"/api/workshops/{workshop['id']}/phase", json={"phase": "barometer"}, headers=secret
        ).status_code
        == 403
    )
    assert client.get(f"{base}/comments", headers=secret).status_code == 200
    shown = client.get(f"/api/workshops/{workshop['id']}", headers=secret).get_json()
    assert shown["role"] == "minute_taker" and "facilitator_key" not in shown


def test_accepting_an_invite_gives_a_session_of_its_role(app, client, workshop, fac):
    made = invite(client, workshop, fac, "facilitator", "Kim")
    phone = app.test_client()
    r = phone.post("/api/invites/accept", json={"secret": made["secret"], "name": "Kim – mobil"})
    assert r.status_code == 200
    assert r.get_json() | {"csrf": None} == {
        "role": "facilitator",
        "workshop": workshop["id"],
        "csrf": None,
        "next": f"/console/{workshop['id']}",
    }
    csrf = r.get_json()["csrf"]
    path = f"/api/workshops/{workshop['id']}/phase"
    assert phone.post(path, json={"phase": "barometer"}, headers=csrf_headers(csrf)).status_code == 200
    staff = client.get(f"/api/workshops/{workshop['id']}/staff", headers=fac).get_json()
    assert [s["name"] for s in staff["sessions"]] == ["Kim – mobil"]
    assert [i["name"] for i in staff["invites"]] == ["Kim"]
    assert "secret" not in str(staff) and made["secret"] not in str(staff)


def test_revoked_session_is_refused_from_then_on(app, client, workshop, fac):
    made = invite(client, workshop, fac, "facilitator")
    phone = app.test_client()
    phone.post("/api/invites/accept", json={"secret": made["secret"]})
    session_id = client.get(f"/api/workshops/{workshop['id']}/staff", headers=fac).get_json()["sessions"][0][
        "id"
    ]
    r = client.delete(f"/api/workshops/{workshop['id']}/staff/{session_id}", headers=fac)
    assert r.status_code == 204
    assert phone.get(f"/api/workshops/{workshop['id']}").status_code == 401
    # The invite itself stays open until it is revoked too.
    assert client.get(f"/api/workshops/{workshop['id']}", headers=bearer(made["secret"])).status_code == 200
    assert (
        client.delete(f"/api/workshops/{workshop['id']}/staff/{made['id']}", headers=fac).status_code == 204
    )
    assert client.get(f"/api/workshops/{workshop['id']}", headers=bearer(made["secret"])).status_code == 403
    assert (
        client.delete(f"/api/workshops/{workshop['id']}/staff/{made['id']}", headers=fac).status_code == 404
    )


def test_revoking_an_invite_ends_the_sessions_made_from_it(app, client, workshop, fac):
    made = invite(client, workshop, fac, "projector")
    room_pc = app.test_client()
    room_pc.post("/api/invites/accept", json={"secret": made["secret"]})
    assert room_pc.get(f"/api/workshops/{workshop['id']}").status_code == 200
    client.delete(f"/api/workshops/{workshop['id']}/staff/{made['id']}", headers=fac)
    assert room_pc.get(f"/api/workshops/{workshop['id']}").status_code == 401


def test_another_workshops_staff_cannot_revoke_or_list(client, workshop, fac):
    other = client.post("/api/workshops", json={"title": "B"}, headers=bearer(ADMIN)).get_json()
    made = invite(client, workshop, fac, "facilitator")
    foreign = bearer(other["facilitator_key"])
    assert client.get(f"/api/workshops/{workshop['id']}/staff", headers=foreign).status_code == 403
    # Through its own workshop's path, another workshop's staff id is not found.
    r = client.delete(f"/api/workshops/{other['id']}/staff/{made['id']}", headers=foreign)
    assert r.status_code == 404
    assert client.get(f"/api/workshops/{workshop['id']}", headers=bearer(made["secret"])).status_code == 200
    # An invite's secret is no key for another workshop.
    assert client.get(f"/api/workshops/{other['id']}", headers=bearer(made["secret"])).status_code == 403


# -- sockets ---------------------------------------------------------------------------
def test_socket_with_the_session_cookie_and_revoked_at_once(app, client, socketio, workshop, fac):
    made = invite(client, workshop, fac, "minute_taker", "Anna")
    phone = app.test_client()
    phone.post("/api/invites/accept", json={"secret": made["secret"]})
    sock = socketio.test_client(app, auth={"workshop": workshop["id"]}, flask_test_client=phone)
    assert sock.is_connected()
    staff = client.get(f"/api/workshops/{workshop['id']}/staff", headers=fac).get_json()
    assert staff["sessions"][0]["online"] is True
    client.delete(f"/api/workshops/{workshop['id']}/staff/{staff['sessions'][0]['id']}", headers=fac)
    assert not sock.is_connected()
    again = socketio.test_client(app, auth={"workshop": workshop["id"]}, flask_test_client=phone)
    assert not again.is_connected()


def test_invite_secret_works_as_a_socket_key_and_is_kicked(app, client, socketio, workshop, fac):
    made = invite(client, workshop, fac, "projector")
    sock = socketio.test_client(app, auth={"workshop": workshop["id"], "key": made["secret"]})
    assert sock.is_connected()
    client.delete(f"/api/workshops/{workshop['id']}/staff/{made['id']}", headers=fac)
    assert not sock.is_connected()


def test_socket_without_credential_is_refused(app, socketio, workshop):
    assert not socketio.test_client(app, auth={"workshop": workshop["id"]}).is_connected()


def test_socket_from_a_foreign_origin_is_refused(app, client, socketio, workshop, fac):
    client.post(f"/api/workshops/{workshop['id']}/session", headers=fac)
    foreign = socketio.test_client(
        app,
        auth={"workshop": workshop["id"]},
        flask_test_client=client,
        headers={"Origin": "https://evil.example"},
    )
    assert not foreign.is_connected()
    ours = socketio.test_client(
        app,
        auth={"workshop": workshop["id"]},
        flask_test_client=client,
        headers={"Origin": "http://workshop.test:5000"},
    )
    assert ours.is_connected()


# -- projector pairing -------------------------------------------------------------------
def test_pairing_by_code(app, client, workshop, fac):
    room_pc = app.test_client()
    assert "pairing.js" in room_pc.get("/projector").get_data(as_text=True)
    code = room_pc.post("/projector/pairing").get_json()["code"]
    assert len(code) == 4 and code.isalpha()
    assert room_pc.post("/projector/pairing").get_json()["code"] == code  # the same while it waits
    r = client.post(f"/api/workshops/{workshop['id']}/projectors", json={"code": code.lower()}, headers=fac)
    assert r.status_code == 200
    done = room_pc.post("/projector/pairing").get_json()
    assert done["role"] == "projector" and done["next"] == f"/projector/{workshop['id']}"
    assert room_pc.get(f"/api/workshops/{workshop['id']}").status_code == 200
    # A used code pairs nothing more.
    r = client.post(f"/api/workshops/{workshop['id']}/projectors", json={"code": code}, headers=fac)
    assert r.status_code == 404
    staff = client.get(f"/api/workshops/{workshop['id']}/staff", headers=fac).get_json()
    assert [s["role"] for s in staff["sessions"]] == ["projector"]


def test_an_expired_code_pairs_nothing(app, client, store, workshop, fac):
    room_pc = app.test_client()
    code = room_pc.post("/projector/pairing").get_json()["code"]
    store.db.execute("UPDATE projector_pairings SET expires_at = '2000-01-01T00:00:00.000+00:00'")
    r = client.post(f"/api/workshops/{workshop['id']}/projectors", json={"code": code}, headers=fac)
    assert r.status_code == 404
    assert room_pc.post("/projector/pairing").get_json()["code"]  # a fresh one


def test_pairing_needs_a_facilitator(client, workshop):
    r = client.post(f"/api/workshops/{workshop['id']}/projectors", json={"code": "ABCD"})
    assert r.status_code == 401
    r = client.post(
        f"/api/workshops/{workshop['id']}/projectors",
        json={"code": "ABCD"},
        headers=bearer(workshop["projector_key"]),
    )
    assert r.status_code == 403


def test_wrong_pairing_codes_are_throttled(client, workshop, fac):
    statuses = [
        client.post(
            f"/api/workshops/{workshop['id']}/projectors", json={"code": "ZZZZ"}, headers=fac
        ).status_code
        for _ in range(12)
    ]
    assert statuses[:10] == [404] * 10 and statuses[-1] == 429


def test_minute_taker_writes_notes_on_any_topic_but_does_not_place(client, workshop, fac):
    base = f"/api/workshops/{workshop['id']}"
    topic = client.post(f"{base}/topics", json={"title": "Cykelvägar"}, headers=fac).get_json()
    client.patch(f"{base}/topics/{topic['id']}", json={"hidden": True}, headers=fac)
    secret = bearer(invite(client, workshop, fac, "minute_taker")["secret"])
    r = client.post(
        f"{base}/topics/{topic['id']}/notes", json={"text": "Beslut: pilot i vår"}, headers=secret
    )
    assert r.status_code == 201 and r.get_json()["text"] == "Beslut: pilot i vår"
    assert r.get_json()["text"] in str(client.get(f"{base}/wall", headers=fac).get_json())
    r = client.put(
        f"{base}/topics/{topic['id']}/placement", json={"space": None, "slot": None}, headers=secret
    )
    assert r.status_code == 403
    r = client.post(f"{base}/topics/{topic['id']}/notes", json={"text": ""}, headers=secret)
    assert r.status_code == 400


def test_an_invited_facilitator_never_sees_the_keys(client, workshop, fac):
    secret = bearer(invite(client, workshop, fac, "facilitator")["secret"])
    shown = client.get(f"/api/workshops/{workshop['id']}", headers=secret).get_json()
    assert workshop["facilitator_key"] not in str(shown) and workshop["projector_key"] not in str(shown)
    assert client.get(f"/api/workshops/{workshop['id']}", headers=fac).get_json()["facilitator_key"]


def test_a_projector_page_on_a_facilitators_session_joins_as_projector(app, client, socketio, workshop, fac):
    client.post(f"/api/workshops/{workshop['id']}/session", headers=fac)
    sock = socketio.test_client(
        app, auth={"workshop": workshop["id"], "as": "projector"}, flask_test_client=client
    )
    hub = app.extensions["workshop.hub"]
    assert [c.role for c in hub.connections.values()] == ["projector"]
    sock.disconnect()


def test_a_one_time_invite_lets_one_device_in(app, client, workshop, fac):
    r = client.post(
        f"/api/workshops/{workshop['id']}/invites", json={"role": "projector", "once": True}, headers=fac
    )
    made = r.get_json()
    assert made["once"] is True
    first, second = app.test_client(), app.test_client()
    assert first.post("/api/invites/accept", json={"secret": made["secret"]}).status_code == 200
    assert second.post("/api/invites/accept", json={"secret": made["secret"]}).status_code == 404
    assert first.get(f"/api/workshops/{workshop['id']}").status_code == 200  # the device it let in stays
    staff = client.get(f"/api/workshops/{workshop['id']}/staff", headers=fac).get_json()
    assert staff["invites"] == [] and len(staff["sessions"]) == 1
    # A lasting invite lets several in.
    lasting = invite(client, workshop, fac, "projector")
    for device in (app.test_client(), app.test_client()):
        assert device.post("/api/invites/accept", json={"secret": lasting["secret"]}).status_code == 200
