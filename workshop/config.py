"""Settings from the environment (WORKSHOP_*), read once at start."""
from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

ASYNC_MODES = ("gevent", "eventlet", "threading")


@dataclass
class Settings:
    host: str = "0.0.0.0"
    port: int = 5000
    data_dir: Path = Path("sessions")
    admin_token: str = ""
    public_url: str = ""
    async_mode: str = "gevent"
    # Projector updates are coalesced into one per window (~10 per second).
    coalesce_seconds: float = 0.1

    @property
    def database_path(self) -> Path:
        return self.data_dir / "workshop.db"


def lan_address() -> str:
    """This machine's LAN address, for join links; 127.0.0.1 when none is found.

    Only asks the local resolver: no packet leaves the machine.
    """
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = info[4][0]
        if not address.startswith("127."):
            return address
    return "127.0.0.1"


def admin_token_from(data_dir: Path) -> str:
    """The token kept in the data dir, made once on first start."""
    path = data_dir / "admin_token"
    if path.exists():
        token = path.read_text().strip()
        if token:
            return token
    token = secrets.token_urlsafe(18)
    path.write_text(token + "\n")
    path.chmod(0o600)
    return token


def from_env(environ=os.environ) -> Settings:
    port = int(environ.get("WORKSHOP_PORT", "5000"))
    data_dir = Path(environ.get("WORKSHOP_DATA_DIR", "sessions"))
    data_dir.mkdir(parents=True, exist_ok=True)
    async_mode = environ.get("WORKSHOP_ASYNC_MODE", "gevent")
    if async_mode not in ASYNC_MODES:
        raise SystemExit(f"WORKSHOP_ASYNC_MODE must be one of {', '.join(ASYNC_MODES)}")
    public_url = environ.get("WORKSHOP_PUBLIC_URL") or f"http://{lan_address()}:{port}"
    return Settings(
        host=environ.get("WORKSHOP_HOST", "0.0.0.0"),
        port=port,
        data_dir=data_dir,
        admin_token=environ.get("WORKSHOP_ADMIN_TOKEN") or admin_token_from(data_dir),
        public_url=public_url.rstrip("/"),
        async_mode=async_mode,
    )
