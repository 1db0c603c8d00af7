"""Shared fixtures: a private data folder per test, Spanish by default, offscreen Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets its own data folder (device key, settings, backups)."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("COCREA_DATA_DIR", str(path))
    monkeypatch.delenv("COCREA_LANG", raising=False)
    yield path
    from cocrea_desktop import i18n

    i18n.set_language("es")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "proceso.cocrea.db"


@pytest.fixture
def fake_clock():
    from cocrea_desktop.core.clock import FakeClock

    return FakeClock()


@pytest.fixture
def repo(db_path, fake_clock):
    from cocrea_desktop.store.repo import Repo

    r = Repo.create(db_path, name="Plan de Acción Local 2027", municipality="Teotitlán",
                    state="Oaxaca", period="2027", responsible_body="STL", clock=fake_clock)
    yield r
    try:
        r.close()
    except Exception:
        pass


def child_env(data_dir: Path) -> dict[str, str]:
    """Environment for a child process running the program from this checkout."""
    env = dict(os.environ)
    env["COCREA_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


PYTHON = sys.executable
