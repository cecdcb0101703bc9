"""Security headers: a strict CSP on every HTML page, and no framing,
no sniffing and no referrer on every response."""

from __future__ import annotations

import re

import pytest

from workshop.web.headers import PAGE_POLICY

EVERY_RESPONSE = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response) -> dict[str, str]:
    text = response.headers.get("Content-Security-Policy", "")
    return dict(part.strip().partition(" ")[::2] for part in text.split(";") if part.strip())


def pages(workshop) -> list[str]:
    return [
        "/",
        "/join",
        "/join?code=000000",
        f"/j/{workshop['code']}",
        "/j/nope",
        "/console",
        f"/console/{workshop['id']}",
        f"/projector/{workshop['id']}",
        f"/console/{workshop['id']}/summary",
        "/projector/nope",
        "/no-such-page",
        "/?lang=en",
    ]


def test_every_page_has_the_strict_policy_and_cannot_be_framed(client, workshop):
    for path in pages(workshop):
        r = client.get(path)
        assert r.mimetype == "text/html", path
        assert r.headers["Content-Security-Policy"] == PAGE_POLICY, path
        assert policy(r).items() >= DIRECTIVES.items(), path
        assert {name: r.headers.get(name) for name in EVERY_RESPONSE} == EVERY_RESPONSE, path


def test_no_inline_script_style_or_handler_in_any_page(client, workshop):
    """What the policy would block: inline scripts (data blocks are fine),
    <style> blocks, style="" and on*="" attributes."""
    for path in pages(workshop):
        html = client.get(path).get_data(as_text=True)
        for script in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in script or 'type="application/json"' in script, (path, script)
        assert not re.search(r"<style\b", html), path
        assert not re.search(r"<[^>]+\s(style|on[a-z]+)\s*=", html), path


def test_api_static_and_errors_have_the_headers(client, workshop, fac, admin):
    base = f"/api/workshops/{workshop['id']}"
    responses = [
        client.get("/healthz"),
        client.get(base, headers=fac),
        client.get(base),  # 200, 401
        client.get("/api/workshops", headers=fac),  # 403
        client.get(f"{base}/statements/99", headers=fac),  # 404
        client.post("/api/workshops", data=b"{", headers={**admin, "Content-Type": "application/json"}),
        client.put("/healthz"),  # 405
        client.post("/api/workshops", json={"title": "x" * 300_000}, headers=admin),  # 413
        client.get("/static/css/app.css"),
        client.get("/static/js/common.js"),
        client.get("/static/nope.js"),
    ]
    for r in responses:
        assert {name: r.headers.get(name) for name in EVERY_RESPONSE} == EVERY_RESPONSE, (
            r.request.path,
            r.status,
        )
    assert [r.status_code for r in responses] == [200, 200, 401, 403, 404, 400, 405, 413, 200, 200, 404]


def test_the_summary_fragment_charts_carry_no_inline_styles(client, workshop, fac, phone):
    base = f"/api/workshops/{workshop['id']}/statements"
    s = client.post(base, json={"text": "Ett"}, headers=fac).get_json()
    client.post(f"{base}/{s['id']}/open", headers=fac)
    phone().emit("position", {"statement": s["id"], "value": 40}, callback=True)
    html = client.get(f"/api/workshops/{workshop['id']}/summary.html", headers=fac).get_data(as_text=True)
    assert "<svg" in html and 'fill="#ffffff"' in html
    assert not re.search(r"<style\b|\sstyle=", html)


@pytest.mark.parametrize("fmt", ["html"])
def test_the_export_keeps_its_own_stricter_policy(client, workshop, fac, fmt):
    r = client.get(f"/api/workshops/{workshop['id']}/export.{fmt}", headers=fac)
    assert r.status_code == 200
    assert (
        r.headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    assert {name: r.headers.get(name) for name in EVERY_RESPONSE} == EVERY_RESPONSE
