"""The small things of issue 17 (hole 8), each against the real server: the
admin token file's mode, the start-up banner off a terminal, a workshop
deleted within a flush window, export.html's Content-Type, a chunked body
over the limit; and holes 3 and 4 (the exports) end to end."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import socket
import subprocess
import sys
import time
import zipfile

import docx
import requests

from bench.live_server import LiveServer
from bench.proc import ROOT, free_port

FILE_TOKEN = "file-token-0123456789abcdef"


def stale_token_file(data_dir, token: str = FILE_TOKEN):
    """An admin_token file left world-writable (0666) by an earlier hand."""
    data_dir.mkdir(parents=True, mode=0o700)
    path = data_dir / "admin_token"
    path.write_text(token + "\n")
    os.chmod(path, 0o666)
    return path


def test_the_token_file_is_made_private_and_the_token_kept_out_of_a_log(tmp_path):
    path = stale_token_file(tmp_path / "data")
    # The token from the file (WORKSHOP_ADMIN_TOKEN empty); stdout is a log file.
    live = LiveServer(tmp_path / "data", admin_token=FILE_TOKEN, env={"WORKSHOP_ADMIN_TOKEN": ""}).start()
    try:
        assert path.stat().st_mode & 0o777 == 0o600
        live.api("GET", "/api/workshops", expect=200)  # the file's token is the one in use
        log = live.log()
        assert "Workshop is running." in log
        assert FILE_TOKEN not in log
        assert f"it is in {path}" in log
    finally:
        live.stop()


def test_a_token_from_the_environment_is_not_logged_and_a_stale_file_is_tightened(tmp_path):
    path = stale_token_file(tmp_path / "data", "an-old-token")
    live = LiveServer(tmp_path / "data", admin_token="env-token-abcdef0123").start()
    try:
        assert path.stat().st_mode & 0o777 == 0o600
        log = live.log()
        assert "env-token-abcdef0123" not in log and "it is in WORKSHOP_ADMIN_TOKEN" in log
    finally:
        live.stop()


def test_on_a_terminal_the_banner_shows_the_token(tmp_path):
    """The same start with stdout on a pseudo-terminal: the link with the token."""
    port = free_port()
    primary, secondary = pty.openpty()
    env = {
        **os.environ,
        "WORKSHOP_PORT": str(port),
        "WORKSHOP_HOST": "127.0.0.1",
        "WORKSHOP_DATA_DIR": str(tmp_path / "data"),
        "WORKSHOP_ADMIN_TOKEN": "tty-token-abcdef0123",
        "WORKSHOP_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")], cwd=ROOT, env=env, stdout=secondary, stderr=subprocess.DEVNULL
    )
    os.close(secondary)
    seen = b""
    try:
        deadline = time.monotonic() + 20
        while b"Participants join" not in seen and time.monotonic() < deadline:
            if select.select([primary], [], [], 0.5)[0]:
                seen += os.read(primary, 65536)
    finally:
        proc.terminate()
        proc.wait(10)
        os.close(primary)
    text = seen.decode(errors="replace")
    assert "console#token=tty-token-abcdef0123" in text
    assert "Admin token:         tty-token-abcdef0123" in text


def test_a_workshop_deleted_within_a_flush_window_leaves_no_traceback(live):
    """A change, then the workshop deleted before its window's flush (100 ms)."""
    for _ in range(5):
        w = live.new_workshop()
        key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
        live.api("POST", f"{base}/phase", key, {"phase": "openspace"}, expect=200)
        live.api("POST", f"{base}/topics", key, {"title": "Fika"}, expect=201)
        live.api("POST", f"{base}/spaces", key, {"name": "Rum A"}, expect=201)
        live.api("DELETE", base, key, expect=204)
    time.sleep(0.5)  # every window has flushed
    log = live.log()
    assert "Traceback" not in log and "failed" not in log, log[-2000:]


def test_export_html_names_its_charset_once(live):
    w = live.new_workshop()
    response = requests.get(
        f"{live.url}/api/workshops/{w['id']}/export.html",
        headers={"Authorization": f"Bearer {w['facilitator_key']}"},
        timeout=30,
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"


def test_a_chunked_body_over_the_limit_is_413(live):
    w = live.new_workshop()
    head = (
        f"POST /api/workshops/{w['id']}/statements HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {w['facilitator_key']}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    ).encode()
    chunk = b"%x\r\n" % 65536 + b" " * 65536 + b"\r\n"
    with socket.create_connection(("127.0.0.1", live.port), timeout=10) as sock:
        sock.sendall(head)
        try:
            for _ in range(160):  # 10 MB
                sock.sendall(chunk)
            sock.sendall(b"0\r\n\r\n")
        except OSError:  # the server answered and closed before the end
            pass
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
    # A small chunked body is read whole.
    with socket.create_connection(("127.0.0.1", live.port), timeout=10) as sock:
        body = b'{"text": "Chunkat men kort"}'
        sock.sendall(head + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 201")


def test_the_longest_title_and_a_phones_html_export_over_the_real_server(live, phones):
    """Holes 3 and 4 end to end: a 200-character title with all three methods
    used (Word's title property would pass 255), and a phone's topic of HTML
    that the busiest-topic alt text quotes."""
    hostile = '<x y=" onerror=alert(document.domain) onload=alert(1) z=">'
    title = ("Samverkan mellan kommun och civilsamhälle i Värmland " * 4)[:200]
    w = live.new_workshop(title)
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    s = live.open_statement(w, "Vi behöver mer samverkan")
    phone = phones(live.url, w["code"])
    assert phone.move(s["id"], 70)["ok"]
    live.api("POST", f"{base}/phase", key, {"phase": "openspace"}, expect=200)
    topic = phone.client.call("topic", {"title": hostile}, timeout=5)
    assert topic["ok"], topic
    assert phone.client.call("here", {"topic": topic["id"]}, timeout=5)["ok"]
    labels = ["Norr", "Öster", "Söder", "Väster"]
    q = live.api("POST", f"{base}/corners", key, {"text": "Var bor du?", "labels": labels}, expect=201)
    live.api("POST", f"{base}/corners/{q['id']}/open", key, expect=200)
    assert phone.client.call("corner", {"question": q["id"], "corner": 1}, timeout=5)["ok"]

    def export(fmt):
        response = requests.get(
            f"{live.url}{base}/export.{fmt}", headers={"Authorization": f"Bearer {key}"}, timeout=60
        )
        assert response.status_code == 200, (fmt, response.text[:300])
        return response.content

    document = docx.Document(io.BytesIO(export("docx")))
    assert len(document.core_properties.title) <= 255
    assert document.core_properties.title.endswith("…")
    with zipfile.ZipFile(io.BytesIO(export("md"))) as zf:
        text = zf.read("appendix.md").decode("utf-8")
    alt = re.search(r"^!\[(.*)\]\(charts/openspace-headcount\.png\)$", text, re.M).group(1)
    assert "onerror" in alt and re.findall(r"(?<!\\)[<>\[\]&]", alt) == []
    assert "Traceback" not in live.log()
