"""The data dir holds every key and participant token: only its owner may
read it. The dir is 0700; workshop.db and its -wal and -shm files are 0600."""

from __future__ import annotations

import os
import stat

import pytest

from tests.conftest import ADMIN, bearer
from tests.registry import open_store
from workshop import create_app
from workshop.config import Settings, from_env

DB_FILES = ("workshop.db", "workshop.db-wal", "workshop.db-shm")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    """The usual umask (022), under which files were world-readable."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_fresh_data_dir_is_private_after_a_write(tmp_path):
    data = tmp_path / "fresh" / "data"
    app = create_app(Settings(data_dir=data, admin_token=ADMIN, async_mode="threading"))
    try:
        r = app.test_client().post("/api/workshops", json={"title": "Värmland"}, headers=bearer(ADMIN))
        assert r.status_code == 201
        assert all((data / name).exists() for name in DB_FILES)  # WAL and SHM exist now
        assert mode(data) == 0o700
        assert {name: mode(data / name) for name in DB_FILES} == dict.fromkeys(DB_FILES, 0o600)
    finally:
        app.extensions["workshop.hub"].close()
        app.extensions["workshop.store"].close()


def test_from_env_makes_the_data_dir_private(tmp_path):
    data = tmp_path / "sessions"
    settings = from_env({"WORKSHOP_DATA_DIR": str(data), "WORKSHOP_PUBLIC_URL": "http://x"})
    assert mode(data) == 0o700
    assert mode(data / "admin_token") == 0o600 and settings.admin_token


def test_an_existing_data_dir_and_database_are_tightened(tmp_path):
    data = tmp_path / "sessions"
    data.mkdir(mode=0o755)
    first = open_store(data / "workshop.db")
    first.create_workshop("Värmland", "sv")
    first.close()
    for name in DB_FILES:
        path = data / name
        path.touch()
        path.chmod(0o644)
    data.chmod(0o755)
    app = create_app(Settings(data_dir=data, admin_token=ADMIN, async_mode="threading"))
    try:
        assert mode(data) == 0o700
        assert {name: mode(data / name) for name in DB_FILES} == dict.fromkeys(DB_FILES, 0o600)
    finally:
        app.extensions["workshop.hub"].close()
        app.extensions["workshop.store"].close()
