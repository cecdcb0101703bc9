"""The phone's language switch at join (web/pages.py): offered when the
workshop's statements or questions carry other languages (each method's
``Method.languages``: barometer ``statement_languages``, Fyra hörn
``fc_languages``), in their own words, the workshop's language first."""

import re


def _switch(client, workshop) -> list[str]:
    html = client.get(f"/j/{workshop['code']}").get_data(as_text=True)
    return re.findall(r'name="reading" value="([^"]+)"', html)


def test_no_switch_without_other_languages(client, api, workshop):
    api("POST", "/statements", {"text": "Skolan är trygg"})
    assert _switch(client, workshop) == []
    assert 'id="reading-switch"' not in client.get(f"/j/{workshop['code']}").get_data(as_text=True)


def test_the_switch_offers_the_languages_of_statements_and_questions(client, api, workshop, store):
    s = api("POST", "/statements", {"text": "Skolan är trygg"})
    api("PATCH", f"/statements/{s['id']}", {"texts": {"sv-x-lattlast": "Skolan är bra"}})
    assert store.statement_languages(workshop["id"]) == {"sv-x-lattlast"}
    assert _switch(client, workshop) == ["sv", "sv-x-lattlast"]
    q = api("POST", "/corners", {"text": "Hur?", "labels": ["A", "B", "C", "D"]})
    api("PATCH", f"/corners/{q['id']}", {"texts": {"en": {"text": "How?", "labels": ["a", "b", "c", "d"]}}})
    assert store.fc_languages(workshop["id"]) == {"en"}
    assert _switch(client, workshop) == ["sv", "en", "sv-x-lattlast"]
    html = client.get(f"/j/{workshop['code']}").get_data(as_text=True)
    assert "<legend>Språk</legend>" in html and '<label lang="en">' in html and "Lättläst svenska" in html
    # A language removed from every item leaves the switch.
    api("PATCH", f"/statements/{s['id']}", {"texts": {"sv-x-lattlast": None}})
    assert _switch(client, workshop) == ["sv", "en"]
