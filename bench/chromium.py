"""Debian's Chromium as the browser tests and bench_replay.py launch it (Playwright)."""

CHROMIUM = "/usr/bin/chromium"
# Chromium must not try to reach the internet (closed network) or sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
