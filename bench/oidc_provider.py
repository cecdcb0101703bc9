"""A real OpenID Connect provider as a child process, for the OIDC sign-in
tests: the `oidc-provider-mock` package's server (Authlib's authorization
server: discovery, JWKS, a sign-in form, authorization code with PKCE, signed
ID tokens) on a free port of 127.0.0.1.

It can be told to misbehave, to prove the app checks what it must:
``POST /_test/misbehave {"issuer": "http://elsewhere"}`` makes the ID tokens
it signs name another issuer; ``{"audience": "someone-else"}`` makes them
for another client (the code is issued to, and redeemed by, that client);
``{"forged_keys": true}`` makes its JWKS publish other keys under its key
ids (its signatures no longer verify); ``{}`` puts it right again. Run as ``python -m bench.oidc_provider PORT
[TOKEN_SECONDS]`` (a negative lifetime signs tokens already expired).
"""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import requests

from bench.proc import HOST, ChildProcess, free_port


class Misbehave:
    """WSGI middleware in front of the provider: rewrites what it is told to."""

    def __init__(self, app):
        self.app = app
        self.issuer: str | None = None
        self.audience: str | None = None
        self.forged_keys = False

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/_test/misbehave":
            body = json.loads(environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)) or b"{}")
            self.issuer, self.audience = body.get("issuer"), body.get("audience")
            self.forged_keys = bool(body.get("forged_keys"))
            start_response("204 No Content", [])
            return [b""]
        if path == "/jwks" and self.forged_keys:
            return self._forged_jwks(environ, start_response)
        if path == "/oauth2/token" and self.issuer:
            # The provider names itself after the Host it was asked at.
            environ["HTTP_HOST"] = self.issuer.split("://", 1)[1]
        if self.audience:
            self._other_client(environ, path)
        return self.app(environ, start_response)

    def _forged_jwks(self, environ, start_response):
        """The provider's key ids with another key's numbers: its real
        signatures no longer check out against what it publishes."""
        from joserfc.jwk import RSAKey

        captured = {}
        body = b"".join(self.app(environ, lambda status, headers, *_: captured.update(status=status)))
        keys = json.loads(body)
        for key in keys["keys"]:
            key["n"] = RSAKey.generate_key(2048).as_dict()["n"]
        forged = json.dumps(keys).encode()
        start_response(captured["status"], [("Content-Type", "application/json")])
        return [forged]

    def _other_client(self, environ, path: str) -> None:
        if path == "/oauth2/authorize":
            query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
            query["client_id"] = self.audience
            environ["QUERY_STRING"] = urlencode(query)
        if path == "/oauth2/token":
            basic = base64.b64encode(f"{self.audience}:any-secret".encode()).decode()
            environ["HTTP_AUTHORIZATION"] = f"Basic {basic}"


def main(port: int, token_seconds: int = 3600) -> None:
    from datetime import timedelta

    import werkzeug.serving
    from oidc_provider_mock import app

    # The tests talk plain http on the loopback address.
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    provider = app(require_nonce=True, access_token_max_age=timedelta(seconds=token_seconds))
    werkzeug.serving.run_simple(HOST, port, Misbehave(provider.wsgi_app), threaded=True)


class OidcProvider:
    """The provider as a child process: ``url`` is its issuer."""

    def __init__(self, directory: Path, token_seconds: int = 3600):
        """``token_seconds``: how long its ID tokens last (below 0: expired when made)."""
        self.directory = directory
        self.token_seconds = token_seconds
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.child: ChildProcess | None = None

    def start(self, timeout: float = 20.0) -> OidcProvider:
        self.directory.mkdir(parents=True, exist_ok=True)

        def ready() -> bool:
            try:
                return requests.get(f"{self.url}/.well-known/openid-configuration", timeout=1).ok
            except requests.RequestException:
                return False

        argv = [sys.executable, "-m", "bench.oidc_provider", str(self.port), str(self.token_seconds)]
        self.child = ChildProcess("oidc-provider", argv, None, self.directory / "oidc-provider.log", ready)
        self.child.start(timeout)
        return self

    def misbehave(self, **how) -> None:
        requests.post(f"{self.url}/_test/misbehave", json=how, timeout=5).raise_for_status()

    def user(self, sub: str, **claims) -> None:
        """The account `sub` signs in with these claims (email, name, groups…)."""
        requests.put(f"{self.url}/users/{sub}", json=claims, timeout=5).raise_for_status()

    def stop(self) -> None:
        if self.child:
            self.child.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3600)
