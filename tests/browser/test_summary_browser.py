"""The organiser after the workshop: the summary page and the archive."""

from playwright.sync_api import expect


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _run_a_statement(server):
    w = server.new_workshop("Inspirationsdag Värmland")
    key = w["facilitator_key"]
    base = f"/api/workshops/{w['id']}/statements"
    s = server.open_statement(w, "Min organisation har något att tillföra")
    server.answer(w["code"], s["id"], 90, 95, 100, 88)
    server.api("POST", f"{base}/{s['id']}/comments", key, {"text": "använda resurser gemensamt"}, expect=201)
    server.api("POST", f"{base}/{s['id']}/close", key, expect=200)
    return w


def test_summary_page_shows_the_verbal_summary_and_exports(server, new_page, artifacts):
    w = _run_a_statement(server)
    page = new_page(width=1100, height=900)
    page.goto(server.url + _path(w["facilitator_url"]).replace("#", "/summary#"))
    page.wait_for_selector("#summary svg")
    summary = page.locator("#summary")
    for text in ("Min organisation har något att tillföra", "Alla håller med", "använda resurser gemensamt"):
        expect(summary).to_contain_text(text)
    with page.expect_download() as download:
        page.click("a[data-format=pdf]")
    assert download.value.suggested_filename.endswith(".pdf")
    page.screenshot(path=str(artifacts / "summary.png"), full_page=True)


def test_archive_lists_workshops_with_exports_and_deletes_after_confirmation(server, new_page):
    w = _run_a_statement(server)
    page = new_page(width=1100, height=800)
    page.on("dialog", lambda d: d.accept())
    page.goto(f"{server.url}/console#token={server.admin_token}")
    row = page.locator("#workshops tr", has_text="Inspirationsdag Värmland").first
    row.wait_for()
    assert w["code"] in row.inner_text()
    # Each method's counts in its own columns, from the registry (one statement shown).
    headers = page.locator("th[data-count]").all_inner_texts()
    assert headers == ["Påståenden", "Ämnen", "Anteckningar", "Frågor"]
    counts = row.locator("td").all_inner_texts()[4:8]
    assert counts[0] == "1" and counts[1:] == ["0", "0", "0"]
    with page.expect_download() as download:
        row.locator("a[data-format=docx]").click()
    assert download.value.suggested_filename.endswith(".docx")
    before = len(server.api("GET", "/api/workshops")["workshops"])
    row.get_by_role("button", name="Ta bort").click()
    page.wait_for_function(f"!document.getElementById('workshops').textContent.includes('{w['code']}')")
    assert len(server.api("GET", "/api/workshops")["workshops"]) == before - 1
