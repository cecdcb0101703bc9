"""Where the app's files are: the source tree (``make run``), or inside the
installed package (a wheel, ``workshop serve``), where setup.py's build
hook copies them: templates/, static/ and the socket.io client."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SOURCE = PACKAGE.parent

# name inside the installed package -> path in the source tree.
BUNDLED = {
    "templates": "templates",
    "static": "static",
    "vendor/socket.io.esm.min.js": "node_modules/socket.io-client/dist/socket.io.esm.min.js",
}


def app_file(name: str) -> Path:
    """One of BUNDLED: in the package when installed, else in the source tree."""
    installed = PACKAGE / name
    return installed if installed.exists() else SOURCE / BUNDLED[name]
