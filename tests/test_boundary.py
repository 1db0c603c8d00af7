"""The Qt-free layers stay Qt-free: checked by import-linter and by importing them blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import cocrea_desktop

ROOT = Path(__file__).resolve().parent.parent

BLOCKER = r"""
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked here: ' + name)
        return None
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
assert not any(m.startswith('PySide6') for m in sys.modules)
print('ok', len(sys.argv) - 1)
"""


def qt_free_modules() -> list[str]:
    names = ["cocrea_desktop.i18n", "cocrea_desktop.cli"]
    for part in ("core", "store", "export"):
        package = f"cocrea_desktop.{part}"
        names.append(package)
        path = [str(Path(cocrea_desktop.__file__).parent / part)]
        names += [m.name for m in pkgutil.walk_packages(path, prefix=package + ".")]
    # The method packages, all but their qt modules (the only ones with panels).
    path = [str(Path(cocrea_desktop.__file__).parent / "methods")]
    names.append("cocrea_desktop.methods")
    names += [m.name for m in pkgutil.walk_packages(path, prefix="cocrea_desktop.methods.")
              if ".qt" not in m.name]
    return names


def test_qt_free_packages_import_with_qt_blocked():
    modules = qt_free_modules()
    result = subprocess.run([sys.executable, "-c", BLOCKER, *modules], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {len(modules)}"


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken" in result.stdout


def test_no_network_code_in_the_package():
    forbidden = ("import socket", "from socket", "urllib.request", "http.client", "requests",
                 "QNetworkAccessManager", "QTcpSocket", "QUdpSocket")
    offenders = []
    for path in (ROOT / "cocrea_desktop").rglob("*.py"):
        text = path.read_text("utf-8")
        for word in forbidden:
            if word in text and not (word == "import socket" and "gethostname" in text
                                     and "socket.socket" not in text
                                     and "create_connection" not in text):
                offenders.append(f"{path.name}: {word}")
    assert offenders == []
