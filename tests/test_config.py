import re

import pytest

from workshop.config import from_env, lan_address


def test_defaults(tmp_path):
    s = from_env({"WORKSHOP_DATA_DIR": str(tmp_path / "d")})
    assert (s.host, s.port, s.async_mode) == ("0.0.0.0", 5000, "gevent")
    assert re.fullmatch(r"http://\d+\.\d+\.\d+\.\d+:5000", s.public_url)


def test_admin_token_is_generated_once_and_kept(tmp_path):
    env = {"WORKSHOP_DATA_DIR": str(tmp_path)}
    first = from_env(env).admin_token
    assert first and from_env(env).admin_token == first
    assert (tmp_path / "admin_token").stat().st_mode & 0o777 == 0o600


def test_environment_overrides(tmp_path):
    s = from_env(
        {
            "WORKSHOP_DATA_DIR": str(tmp_path),
            "WORKSHOP_PORT": "8080",
            "WORKSHOP_HOST": "127.0.0.1",
            "WORKSHOP_ADMIN_TOKEN": "t",
            "WORKSHOP_PUBLIC_URL": "http://workshop.lan/",
            "WORKSHOP_ASYNC_MODE": "eventlet",
        }
    )
    assert (s.port, s.host, s.admin_token, s.public_url, s.async_mode) == (
        8080,
        "127.0.0.1",
        "t",
        "http://workshop.lan",
        "eventlet",
    )


def test_unknown_async_mode_stops_with_a_message(tmp_path):
    with pytest.raises(SystemExit, match="WORKSHOP_ASYNC_MODE"):
        from_env({"WORKSHOP_DATA_DIR": str(tmp_path), "WORKSHOP_ASYNC_MODE": "asyncio"})


def test_lan_address_is_an_ipv4_address():
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", lan_address())


def test_cluster_settings(tmp_path):
    plain = from_env({"WORKSHOP_DATA_DIR": str(tmp_path)})
    assert (plain.redis_url, plain.trusted_proxies) == (None, 0)
    s = from_env(
        {
            "WORKSHOP_DATA_DIR": str(tmp_path),
            "WORKSHOP_REDIS_URL": "redis://127.0.0.1:6379/0",
            "WORKSHOP_TRUSTED_PROXIES": "1",
        }
    )
    assert (s.redis_url, s.trusted_proxies) == ("redis://127.0.0.1:6379/0", 1)


def test_request_timeout(tmp_path):
    assert from_env({"WORKSHOP_DATA_DIR": str(tmp_path)}).request_timeout == 15.0
    s = from_env({"WORKSHOP_DATA_DIR": str(tmp_path), "WORKSHOP_REQUEST_TIMEOUT": "2.5"})
    assert s.request_timeout == 2.5


@pytest.mark.parametrize("bad", ["0", "-1", "soon", "inf", "nan"])
def test_a_request_timeout_that_is_no_time_stops_with_a_message(tmp_path, bad):
    with pytest.raises(SystemExit, match="WORKSHOP_REQUEST_TIMEOUT"):
        from_env({"WORKSHOP_DATA_DIR": str(tmp_path), "WORKSHOP_REQUEST_TIMEOUT": bad})


def test_socket_budget_settings(tmp_path):
    env = {"WORKSHOP_DATA_DIR": str(tmp_path)}
    s = from_env(env)
    assert (s.socket_packets_per_second, s.socket_bytes_per_second) == (50.0, 256 * 1024)
    s = from_env(
        {**env, "WORKSHOP_SOCKET_PACKETS_PER_SECOND": "20", "WORKSHOP_SOCKET_BYTES_PER_SECOND": "65536"}
    )
    assert (s.socket_packets_per_second, s.socket_bytes_per_second) == (20.0, 65536.0)
    for bad in ("0", "-1", "many"):
        with pytest.raises(SystemExit, match="WORKSHOP_SOCKET_PACKETS_PER_SECOND"):
            from_env({**env, "WORKSHOP_SOCKET_PACKETS_PER_SECOND": bad})
