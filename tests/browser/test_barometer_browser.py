"""What a person sees: a projector and two phones, in Debian's Chromium."""

import time


def _path(url: str) -> str:
    """Absolute link from the API -> path (+ #key fragment) on the test server."""
    return "/" + url.split("/", 3)[3]


def test_two_phones_move_and_the_projector_shows_two_dots(server, new_page, artifacts):
    started = time.monotonic()
    w = server.new_workshop("Inspirationsdag <Värmland>")
    key = w["facilitator_key"]
    s = server.api(
        "POST",
        f"/api/workshops/{w['id']}/statements",
        key,
        {"text": "Vi i Värmland bör fortsätta arbetet med en överenskommelse"},
        expect=201,
    )

    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    projector.wait_for_selector("#code")
    assert projector.inner_text("#code").replace(" ", "") == w["code"]
    # Title escaped, shown as text.
    assert "<Värmland>" in projector.inner_text(".projector-title")

    phones = []
    for _ in range(2):
        phone = new_page(width=320, height=640, is_mobile=True)
        phone.goto(server.url + _path(w["join_url"]))
        phone.wait_for_function("document.getElementById('conn').textContent.length > 0")
        phones.append(phone)
    projector.wait_for_function("document.getElementById('joined').textContent === 'Anslutna: 2'")

    server.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key, expect=200)
    for phone, key_presses in zip(phones, (["End"] + ["ArrowLeft"] * 5, ["Home"] + ["ArrowRight"] * 10)):
        phone.wait_for_selector("#barometer:not([hidden])")
        assert "överenskommelse" in phone.inner_text("#statement")
        marker = phone.get_by_role("slider")
        marker.focus()
        for k in key_presses:
            marker.press(k)
        phone.wait_for_function("document.getElementById('save').textContent === 'Sparat'")
    assert phones[0].get_attribute("#marker", "aria-valuenow") == "95"
    assert phones[1].get_attribute("#marker", "aria-valuenow") == "10"

    projector.wait_for_selector("#stage:not([hidden])")
    projector.wait_for_function("document.querySelectorAll('#swarm .dot').length === 2")
    assert projector.inner_text("#count") == "Positioner: 2"
    dist = server.api("GET", f"/api/workshops/{w['id']}/statements/{s['id']}/distribution", key)
    assert sorted(dist["values"]) == [10, 95]
    time.sleep(0.5)  # let the dots glide into place for the picture
    projector.screenshot(path=str(artifacts / "barometer-projector.png"))
    phones[0].screenshot(path=str(artifacts / "barometer-phone-320.png"))
    print(f"browser test took {time.monotonic() - started:.1f}s")


def test_phone_pass_and_english(server, new_page):
    w = server.new_workshop("Workshop", language="en")
    key = w["facilitator_key"]
    s = server.api(
        "POST", f"/api/workshops/{w['id']}/statements", key, {"text": "<script>alert(1)</script>"}, expect=201
    )
    server.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key, expect=200)
    phone = new_page(locale="en-GB", width=360, height=700, is_mobile=True)
    dialogs = []
    phone.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    phone.goto(server.url + _path(w["join_url"]))
    phone.wait_for_selector("#barometer:not([hidden])")
    assert phone.inner_text("#statement") == "<script>alert(1)</script>"
    phone.click("#pass")
    phone.wait_for_function("document.getElementById('save').textContent === 'Saved'")
    assert phone.get_attribute("#pass", "aria-pressed") == "true"
    dist = server.api("GET", f"/api/workshops/{w['id']}/statements/{s['id']}/distribution", key)
    assert dist["passes"] == 1 and not dialogs
