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


@pytest.fixture(autouse=True)
def camera_thread_free():
    """The webcam's capture loops share one thread (``camera_window._pool``). A test that
    leaves a loop running (a window never closed, a long video still playing) would hold
    that thread, and the next camera test would wait for it in vain (a 40 s timeout seen
    once in a full run): after each test the loop gets a few seconds to end, and if it
    does not, the next test gets a thread of its own."""
    yield
    module = sys.modules.get("cocrea_desktop.ui.views.camera_window")
    pool = getattr(module, "_pool", None)
    if pool is not None and not pool.waitForDone(5_000):
        module._pool = None


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
