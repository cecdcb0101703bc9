"""The organiser's home: "Spara som mall", the templates listed, "Ny workshop
från mall", and importing statements from a text file."""

import re

from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def test_save_a_template_and_make_a_workshop_from_it(server, new_page, artifacts, tmp_path):
    w = server.new_workshop("Dialog Karlstad")
    key = w["facilitator_key"]
    server.api(
        "POST", f"/api/workshops/{w['id']}/statements/bulk", key, {"text": "Bussen räcker\nSkolan är trygg"}
    )
    page = new_page(width=1280, height=900)
    page.goto(f"{server.url}/console#token={server.admin_token}")
    page.get_by_role("button", name="Spara Dialog Karlstad som mall").click()
    expect(page.get_by_role("status").filter(has_text="Sparad som mallen")).to_have_text(
        "Sparad som mallen ”Dialog Karlstad”."
    )
    expect(page.locator("#template-list li")).to_have_count(1)

    statements = tmp_path / "skola.txt"
    statements.write_text("Maten är god\nRasterna är för korta\n", encoding="utf-8")
    page.get_by_label("En mall (.json), eller påståenden").set_input_files(str(statements))
    page.get_by_role("button", name="Importera").click()
    expect(page.locator("#template-list li")).to_have_count(2)
    expect(page.locator("#template-list")).to_contain_text("skola")
    page.screenshot(path=str(artifacts / "home-templates.png"), full_page=True)
    assert serious_violations(page) == []

    page.get_by_label("Mall", exact=True).select_option(label="Dialog Karlstad")
    page.get_by_label("Den nya workshoppens namn").fill("Dialog Kil")
    page.get_by_role("button", name="Skapa från mall").click()
    page.wait_for_url("**/console/*")
    new_id = page.url.split("/console/")[1].split("#")[0]
    made = server.api("GET", f"/api/workshops/{new_id}")
    assert made["title"] == "Dialog Kil"
    assert [s["text"] for s in made["statements"]] == ["Bussen räcker", "Skolan är trygg"]


def _room(server, template_id: str, title: str, values: list[int]) -> dict:
    w = server.new_workshop(title, template=template_id)
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}/statements"
    first = server.api("GET", base, key)["statements"][0]
    server.api("POST", f"{base}/{first['id']}/open", key, expect=200)
    server.answer(w["code"], first["id"], *values)
    server.api("POST", f"{base}/{first['id']}/close", key, expect=200)
    return w


def test_the_organisers_series_page(server, new_page, artifacts):
    source = server.new_workshop("Trafikdialog")
    key = source["facilitator_key"]
    server.api("POST", f"/api/workshops/{source['id']}/statements/bulk", key, {"text": "Bussen går ofta nog"})
    template = server.api("POST", f"/api/workshops/{source['id']}/template", key, expect=201)
    rooms = [("Karlstad", [80, 90, 85]), ("Kil", [10, 20, 15, 25]), ("Arvika", [50, 5, 95])]
    for title, values in rooms:
        _room(server, template["id"], title, values)

    page = new_page(width=1280, height=900)
    page.goto(f"{server.url}/console#token={server.admin_token}")
    page.get_by_label("Den nya seriens namn").fill("Trafik i Värmland")
    page.get_by_role("button", name="Skapa serie").click()
    page.wait_for_url("**/console/series/*")
    expect(page.get_by_role("heading", level=1)).to_have_text("Serie: Trafik i Värmland")
    for title, _values in rooms:
        page.get_by_role("checkbox", name=re.compile(f"^{title} \\(")).check()
    page.get_by_role("button", name="Spara serien").click()
    expect(page.locator("#series-status")).to_have_text("Sparat: 3 workshoppar i serien.")
    comparison = page.locator("#series-comparison")
    expect(comparison).to_contain_text("Lägre instämmande i Kil än i Karlstad")
    expect(comparison.locator("svg[role=img]")).to_have_count(1)
    expect(comparison.locator("tbody tr")).to_have_count(3)
    page.screenshot(path=str(artifacts / "series-page.png"), full_page=True)
    assert serious_violations(page) == []

    with page.expect_download() as download:
        page.get_by_role("button", name="PDF").click()
    assert download.value.suggested_filename == "serie-trafik-i-varmland.pdf"

    narrow = new_page(width=320, height=700, is_mobile=True, enforce_csp=True)
    refused = []
    narrow.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    narrow.goto(f"{page.url}#token={server.admin_token}")  # a new tab: the token comes along
    expect(narrow.locator("#series-comparison svg[role=img]")).to_have_count(1)
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 320
    narrow.screenshot(path=str(artifacts / "series-page-320.png"), full_page=True)
    assert refused == []  # the inserted charts carry no style the page's policy drops
