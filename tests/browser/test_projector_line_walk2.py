"""The projector's line keeps its place while a statement is open (issue 20,
item 10): Ordet's note, a shown comment (short or as long as a phone may
write) and hidden dots come and go, and the line's box stays where it was,
at 1280×720 and at 1024×768."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.integration.conftest import Phone

STATEMENT = "Min organisation har något att tillföra till Värmlands utveckling"
SHORT = "Använda resurser gemensamt – då blir vi starka tillsammans."
# As long as a phone may write (280 characters).
LONG = (
    "Vi behöver en gemensam överenskommelse mellan kommunerna, regionen och föreningslivet om hur "
    "samverkansarbetet ska finansieras långsiktigt, annars blir projektledningen sårbar och "
    "erfarenheterna försvinner när projekten tar slut; därför föreslår vi ett samverkansråd med "
)[:280]
SIZES = ((1280, 720), (1024, 768))

LINE_BOX = """() => {
  const r = document.querySelector("#stage .line").getBoundingClientRect();
  return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
}"""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_line_stays_put_through_ordet_a_comment_and_hidden_dots(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    api = lambda method, path, body=None: server.api(method, base + path, key, body, expect=200)  # noqa: E731
    api("PATCH", "/barometer", {"phone_comments": True})
    statement = server.open_statement(w, STATEMENT)
    sid = statement["id"]
    phones = [Phone(server.url, w["code"]).connect() for _ in range(5)]
    for phone, value in zip(phones, (10, 20, 35, 75, 90)):
        assert phone.move(sid, value)["ok"]

    projectors = {}
    for width, height in SIZES:
        page = new_page(width=width, height=height)
        page.goto(server.url + _path(w["projector_url"]))
        expect(page.locator("#statement")).to_have_text(STATEMENT)
        expect(page.locator("#swarm .dot")).to_have_count(5)
        projectors[(width, height)] = page
    before = {size: page.evaluate(LINE_BOX) for size, page in projectors.items()}

    def check(state: str, ready) -> None:
        for (width, height), page in projectors.items():
            ready(page)
            assert page.evaluate(LINE_BOX) == before[(width, height)], (state, width, height)
            assert page.evaluate("document.documentElement.scrollHeight") <= height
            page.screenshot(path=str(artifacts / f"walk2-projector-line-{state}-{width}x{height}.png"))

    # Ordet.
    assert phones[0].client.call("hand", {"on": True}, timeout=5)["ok"]
    api("POST", f"/statements/{sid}/floor", {})
    check("floor", lambda page: expect(page.locator("#floor-note")).to_be_visible())

    # A comment shown, short, then as long as a phone may write.
    for n, text in enumerate((SHORT, LONG)):
        ack = phones[3 + n].client.call("comment", {"statement": sid, "text": text}, timeout=5)
        assert ack["ok"], ack
        api("PATCH", f"/statements/{sid}/phone-comments/{ack['id']}", {"status": "approved"})
        api("PUT", f"/statements/{sid}/shown-comment", {"comment": ack["id"]})
        shown = text[:40]
        check(
            f"comment{n}",
            lambda page, shown=shown: expect(page.locator("#shown-comment-text")).to_contain_text(shown),
        )
    for page in projectors.values():  # every word of the long comment is on the screen
        box = page.locator("#shown-comment").bounding_box()
        slot = page.locator("#stage-notes").bounding_box()
        assert box["y"] + box["height"] <= slot["y"] + slot["height"] + 1
        assert serious_violations(page) == []

    # Dots hidden (Ordet and the comment still on), then the note and the comment gone.
    api("PATCH", f"/statements/{sid}", {"hidden": True})
    check("hidden", lambda page: expect(page.locator("#hidden-note")).to_be_visible())
    api("DELETE", f"/statements/{sid}/floor")
    api("PUT", f"/statements/{sid}/shown-comment", {"comment": None})
    api("PATCH", f"/statements/{sid}", {"hidden": False})
    check("plain", lambda page: expect(page.locator("#swarm .dot")).to_have_count(5))
    for page in projectors.values():
        expect(page.locator("#floor-note")).to_be_hidden()
        expect(page.locator("#shown-comment")).to_be_hidden()
    for phone in phones:
        phone.close()
