"""The organiser's home: "Spara som mall", the templates listed, "Ny workshop
från mall", and importing statements from a text file."""

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
    page.locator("#from-template-title").fill("Dialog Kil")
    page.locator("#from-template-form").get_by_role("button", name="Skapa workshop").click()
    page.wait_for_url("**/console/*")
    new_id = page.url.split("/console/")[1].split("#")[0]
    made = server.api("GET", f"/api/workshops/{new_id}")
    assert made["title"] == "Dialog Kil"
    assert [s["text"] for s in made["statements"]] == ["Bussen räcker", "Skolan är trygg"]
