"""Settings from the environment (WORKSHOP_*), read once at start."""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

from workshop.domain.oidc import parse_allow_list
from workshop.domain.retention import parse_days

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
    # Redis, when several workers share the load (join-code budget, message queue).
    redis_url: str | None = None
    # Proxies in front (nginx: 1) whose X-Forwarded-For is trusted, so the
    # wrong-code budget counts the phone's address, not the proxy's.
    trusted_proxies: int = 0
    # Seconds a client has to send a request's line and headers, and the
    # longest a body may stall between two reads (slowloris; gevent only).
    request_timeout: float = 15.0
    # Where the admin token is kept; None when it came from WORKSHOP_ADMIN_TOKEN.
    admin_token_file: Path | None = None
    # One socket's budget (live/fairness.py): packets and bytes a second, a
    # burst of 4 seconds' worth; past it the connection is closed. A phone
    # sends at most a few moves a second.
    socket_packets_per_second: float = 50.0
    socket_bytes_per_second: float = 256 * 1024
    # A bearer token that opens only /metrics (the admin token does too).
    metrics_token: str = ""
    # Ended workshops are deleted this many days after they ended (None: kept).
    retention_days: int | None = None
    # Where each workshop's appendix (JSON and PDF) is written before retention deletes it.
    archive_dir: Path | None = None
    # "plain" lines, or "json": one object a line (workshop/logs.py).
    log_format: str = "plain"
    # OpenID Connect sign-in for organisers (web/oidc.py): off while no issuer
    # is set. Who may sign in: domain/oidc.py's allow-list (WORKSHOP_OIDC_ADMINS).
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    oidc_admins: tuple = ()

    @property
    def database_path(self) -> Path:
        return self.data_dir / "workshop.db"


def _interface_addresses() -> list[str]:
    """IPv4 addresses of this machine's network interfaces (Linux), asked of
    the kernel with SIOCGIFADDR: no packet leaves the machine."""
    try:
        import fcntl
        import struct
    except ImportError:  # not Linux/Unix
        return []
    addresses = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _, name in socket.if_nameindex():
            if name == "lo" or name.startswith(("docker", "veth", "br-", "virbr")):
                continue
            try:
                packed = fcntl.ioctl(
                    probe.fileno(),
                    0x8915,  # SIOCGIFADDR
                    struct.pack("256s", name[:15].encode()),
                )
            except OSError:  # interface without an IPv4 address
                continue
            addresses.append(socket.inet_ntoa(packed[20:24]))
    return addresses


def lan_address() -> str:
    """This machine's LAN address, for join links; 127.0.0.1 when none is found
    (then set WORKSHOP_PUBLIC_URL so phones can reach the server)."""
    candidates = _interface_addresses()
    try:
        candidates += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        pass
    for address in candidates:
        if not address.startswith("127."):
            return address
    return "127.0.0.1"


ADMIN_TOKEN_FILE = "admin_token"


def private_dir(path: Path) -> Path:
    """The data dir, 0700: it holds every key and participant token. Made so
    (mkdir's mode, never a moment world-readable), and an existing one of
    ours is tightened (the repo's sessions/ is checked out 0755), with the
    admin token in it (0600, whether or not it is used this time; the
    database files: storage/base.py)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    tighten(path, 0o700)
    token = path / ADMIN_TOKEN_FILE
    if token.is_file():
        tighten(token, 0o600)
    return path


def tighten(path: Path | str, mode: int) -> None:
    """chmod a file or dir of ours to `mode` when group or others have access."""
    info = os.stat(path)
    if os.name == "posix" and info.st_mode & 0o077 and info.st_uid == os.geteuid():
        os.chmod(path, mode)


def admin_token_from(data_dir: Path) -> str:
    """The token kept in the data dir, made once on first start."""
    path = data_dir / ADMIN_TOKEN_FILE
    if path.exists():
        token = path.read_text().strip()
        if token:
            return token
    token = secrets.token_urlsafe(18)
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(token + "\n")
    tighten(path, 0o600)
    return token


def _positive(environ, name: str, default: float, what: str = "a number") -> float:
    """A finite number above 0 from the environment, or stop with a message."""
    text = environ.get(name) or str(default)
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise SystemExit(f"{name} must be {what} above 0, not {text!r}")
    return value


def from_env(environ=os.environ) -> Settings:
    port = int(environ.get("WORKSHOP_PORT", "5000"))
    data_dir = private_dir(Path(environ.get("WORKSHOP_DATA_DIR", "sessions")))
    async_mode = environ.get("WORKSHOP_ASYNC_MODE", "gevent")
    if async_mode not in ASYNC_MODES:
        raise SystemExit(f"WORKSHOP_ASYNC_MODE must be one of {', '.join(ASYNC_MODES)}")
    public_url = environ.get("WORKSHOP_PUBLIC_URL") or f"http://{lan_address()}:{port}"
    return Settings(
        host=environ.get("WORKSHOP_HOST", "0.0.0.0"),
        port=port,
        data_dir=data_dir,
        admin_token=environ.get("WORKSHOP_ADMIN_TOKEN") or admin_token_from(data_dir),
        admin_token_file=None if environ.get("WORKSHOP_ADMIN_TOKEN") else data_dir / ADMIN_TOKEN_FILE,
        public_url=public_url.rstrip("/"),
        async_mode=async_mode,
        redis_url=environ.get("WORKSHOP_REDIS_URL") or None,
        trusted_proxies=int(environ.get("WORKSHOP_TRUSTED_PROXIES", "0")),
        request_timeout=_positive(environ, "WORKSHOP_REQUEST_TIMEOUT", 15.0, "a number of seconds"),
        socket_packets_per_second=_positive(environ, "WORKSHOP_SOCKET_PACKETS_PER_SECOND", 50.0),
        socket_bytes_per_second=_positive(environ, "WORKSHOP_SOCKET_BYTES_PER_SECOND", 256 * 1024),
        metrics_token=environ.get("WORKSHOP_METRICS_TOKEN", "").strip(),
        retention_days=_retention_days(environ),
        log_format=_log_format(environ),
        archive_dir=Path(environ["WORKSHOP_ARCHIVE_DIR"]) if environ.get("WORKSHOP_ARCHIVE_DIR") else None,
        **_oidc(environ),
    )


OIDC_VARS = (
    "WORKSHOP_OIDC_ISSUER",
    "WORKSHOP_OIDC_CLIENT_ID",
    "WORKSHOP_OIDC_CLIENT_SECRET",
    "WORKSHOP_OIDC_ADMINS",
)


def _oidc(environ) -> dict:
    """OIDC sign-in: all four set, or none (then the sign-in page shows no button)."""
    given = {name: environ.get(name, "").strip() for name in OIDC_VARS}
    if not any(given.values()):
        return {}
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise SystemExit(
            f"OIDC sign-in needs {', '.join(missing)} as well (or none of {', '.join(OIDC_VARS)})"
        )
    try:
        admins = parse_allow_list(given["WORKSHOP_OIDC_ADMINS"])
    except ValueError as err:
        raise SystemExit(f"WORKSHOP_OIDC_ADMINS: {err}") from None
    return {
        "oidc_issuer": given["WORKSHOP_OIDC_ISSUER"],
        "oidc_client_id": given["WORKSHOP_OIDC_CLIENT_ID"],
        "oidc_client_secret": given["WORKSHOP_OIDC_CLIENT_SECRET"],
        "oidc_admins": admins,
    }


def _log_format(environ) -> str:
    value = environ.get("WORKSHOP_LOG_FORMAT") or "plain"
    if value not in ("plain", "json"):
        raise SystemExit(f"WORKSHOP_LOG_FORMAT must be plain or json, not {value!r}")
    return value


def _retention_days(environ) -> int | None:
    try:
        return parse_days(environ.get("WORKSHOP_RETENTION_DAYS"))
    except ValueError as err:
        raise SystemExit(str(err)) from None
