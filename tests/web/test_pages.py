import re

import pytest


def test_home_is_swedish_by_default(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="sv">' in page and "Gå med i en workshop" in page


def test_lang_parameter_and_cookie(client):
    page = client.get("/?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in page and "Join a workshop" in page
    # The choice is remembered.
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_accept_language(client):
    page = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in page
    page = client.get("/", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert '<html lang="sv">' in page


def test_join_by_typed_code_redirects(client, workshop):
    code = workshop["code"]
    r = client.get(f"/join?code={code[:3]}+{code[3:]}")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/j/{code}")


def test_wrong_code_shows_the_form_with_an_error(client, workshop):
    r = client.get("/join?code=000000")
    assert r.status_code == 404
    assert 'role="alert"' in r.get_data(as_text=True)
    assert client.get("/j/12").status_code == 404


def test_phone_page(client, workshop):
    page = client.get(f"/j/{workshop['code']}").get_data(as_text=True)
    assert 'role="slider"' in page and 'aria-valuemin="0"' in page and 'aria-valuemax="100"' in page
    assert "Pass / Vet inte" in page and "Håller INTE med" in page


def test_projector_page_has_qr_code_and_url(client, workshop):
    page = client.get(f"/projector/{workshop['id']}").get_data(as_text=True)
    assert "<svg" in page and workshop["code"][:3] in page
    assert "http://workshop.test:5000/join" in page
    assert workshop["projector_key"] not in page and workshop["facilitator_key"] not in page


def test_console_page_does_not_embed_keys(client, workshop):
    page = client.get(f"/console/{workshop['id']}").get_data(as_text=True)
    assert workshop["facilitator_key"] not in page
    assert client.get("/console/unknown").status_code == 404


@pytest.mark.parametrize("path", ["/", "/console", "/join"])
def test_pages_load_nothing_from_the_internet(client, path):
    page = client.get(path).get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources)


def test_user_text_is_escaped(client, admin):
    w = client.post(
        "/api/workshops", json={"title": "<img src=x onerror=alert(1)>"}, headers=admin
    ).get_json()
    for path in (f"/j/{w['code']}", f"/projector/{w['id']}", f"/console/{w['id']}"):
        page = client.get(path).get_data(as_text=True)
        assert "<img src=x" not in page and "&lt;img src=x" in page


def test_strings_for_scripts_are_translated_json(client, workshop):
    page = client.get(f"/j/{workshop['code']}").get_data(as_text=True)
    assert '"saved": "Sparat"' in page


def test_vendor_script_is_served_from_node_modules(client):
    r = client.get("/vendor/socket.io.esm.min.js")
    assert r.status_code == 200 and r.mimetype == "text/javascript"
    assert client.get("/vendor/../app.py").status_code == 404
    assert client.get("/vendor/other.js").status_code == 404


def test_every_file_a_page_links_is_served_and_there_is_a_favicon(client, workshop):
    for path in ("/", f"/j/{workshop['code']}", f"/projector/{workshop['id']}", f"/console/{workshop['id']}"):
        page = client.get(path).get_data(as_text=True)
        assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    for path in ("/", "/join", f"/j/{workshop['code']}"):
        page = client.get(path).get_data(as_text=True)
        for link in re.findall(r'(?:src|href)="(/(?:static|vendor)/[^"]+)"', page):
            assert client.get(link).status_code == 200, (path, link)
    icon = client.get("/static/favicon.svg")
    assert (
        icon.mimetype == "image/svg+xml"
        and b"<svg" in icon.data
        and b"http" not in icon.data.replace(b"http://www.w3.org/2000/svg", b"")
    )


@pytest.mark.parametrize("page", ["projector", "phone"])
def test_the_rooms_pages_speak_the_workshops_language(client, admin, workshop, page):
    english = client.post("/api/workshops", json={"title": "W", "language": "en"}, headers=admin).get_json()

    def lang(w, query="", **headers):
        path = f"/projector/{w['id']}" if page == "projector" else f"/j/{w['code']}"
        html = client.get(path + query, headers=headers).get_data(as_text=True)
        return re.search(r'<html lang="(\w+)">', html).group(1)

    # The projector laptop's browser settings do not switch the room's language...
    assert lang(workshop, **{"Accept-Language": "en-GB,en;q=0.9"}) == "sv"
    assert lang(english, **{"Accept-Language": "sv-SE"}) == "en"
    # ...but ?lang= does, and so does the choice it leaves in the cookie.
    assert lang(workshop, "?lang=en", **{"Accept-Language": "sv-SE"}) == "en"
    assert lang(workshop, **{"Accept-Language": "sv-SE"}) == "en"


def test_other_pages_still_follow_accept_language(client, workshop):
    html = client.get(f"/console/{workshop['id']}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="en">' in html
