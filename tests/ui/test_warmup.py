"""Issue 20: the session screens' modules are imported in small steps after a process opens,
so that the first screen opened finds them loaded (with no cached bytecode, importing them
all at once was a stall of 115-220 ms on the GUI thread)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import child_env

HEAVY = ("numpy", "cv2", "reportlab.graphics", "pypdfium2", "PIL", "zxingcpp", "openpyxl")

SCRIPT = r"""
import json, sys, time
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow
qt_i18n.install('es')
w = MainWindow()
w.show()
w.open_path(sys.argv[1])
before_steps = sorted(m for m in sys.modules if m.startswith('cocrea_desktop'))
end = time.monotonic() + 60
QTest.qWait(300)
while not w.warmup.done and time.monotonic() < end:
    QTest.qWait(20)
warmed = set(sys.modules)
opened = 0
for session in w.repo.sessions():
    w.select_session(session.id)
    if w.conduct_session() is not None:
        opened += 1
    QTest.qWait(20)
print(json.dumps({"done": w.warmup.done, "opened": opened, "before": before_steps,
                  "warmed": sorted(warmed),
                  "new": sorted(m for m in set(sys.modules) - warmed
                                if m.startswith('cocrea_desktop'))}))
import os; os._exit(0)
"""


def test_every_session_screen_finds_its_modules_imported_after_the_warm_up(tmp_path, data_dir):
    path = tmp_path / "demo.cocrea.db"
    subprocess.run([sys.executable, "-c", "import sys\n"
                    "from cocrea_desktop.store.demo import create_demo\n"
                    "create_demo(sys.argv[1])\n", str(path)],
                   env=child_env(data_dir), capture_output=True, text=True, check=True)
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(path)], env=child_env(data_dir),
                         capture_output=True, text=True, check=True, timeout=300)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["done"]
    assert found["opened"] >= 5  # the demo has a session of every method
    # Before the steps, the screens' modules were not there: the window showed without them.
    assert "cocrea_desktop.ui.views.session_screen" not in found["before"]
    # Every screen of every method found what it needed already imported...
    assert found["new"] == []
    # ...and the steps loaded no heavy library (those wait for the work that needs them).
    assert [m for m in HEAVY if m in found["warmed"]] == []


OPEN_SCRIPT = r"""
import json, sys, time
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow
qt_i18n.install('es')
w = MainWindow()
w.show()
end = time.monotonic() + 15
QTest.qWait(50)
while not w.warmup.done and time.monotonic() < end:
    QTest.qWait(20)
done = w.warmup.done
before = set(sys.modules)
w.open_path(sys.argv[1])
print(json.dumps({"done": done, "sessions": w.model.rowCount(),
                  "new": sorted(m for m in set(sys.modules) - before
                                if m.startswith(('cocrea_desktop', 'babel')))}))
import os; os._exit(0)
"""


def test_opening_a_process_from_the_window_finds_its_modules_imported(tmp_path, data_dir):
    """Issue 20: a process opened from the shown window (Archivo > Abrir) imported the
    modules that list its sessions and its route (about 40 ms of a 150 ms stall on the
    200-session file where Python compiles them); they are imported in steps once the
    window shows, before a file is chosen."""
    path = tmp_path / "demo.cocrea.db"
    subprocess.run([sys.executable, "-c", "import sys\n"
                    "from cocrea_desktop.store.demo import create_demo\n"
                    "create_demo(sys.argv[1])\n", str(path)],
                   env=child_env(data_dir), capture_output=True, text=True, check=True)
    out = subprocess.run([sys.executable, "-c", OPEN_SCRIPT, str(path)],
                         env=child_env(data_dir), capture_output=True, text=True, check=True,
                         timeout=300)
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["done"]
    assert found["sessions"] > 0
    assert found["new"] == []
