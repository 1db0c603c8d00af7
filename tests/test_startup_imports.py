"""Start-up stays light: heavy libraries load only when the work that needs them starts."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import child_env

HEAVY = ("numpy", "cv2", "reportlab.graphics", "pypdfium2", "PIL", "zxingcpp", "openpyxl")


def test_opening_the_main_window_loads_no_heavy_library(tmp_path, data_dir):
    script = (
        "import json, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from cocrea_desktop.store.demo import create_demo\n"
        "from cocrea_desktop.ui import qt_i18n\n"
        "from cocrea_desktop.ui.main_window import MainWindow\n"
        "qt_i18n.install('es')\n"
        "w = MainWindow(); w.open_path(create_demo(sys.argv[1])); w.show(); app.processEvents()\n"
        "print(json.dumps(sorted(m for m in sys.modules)))\n"
        "import os; os._exit(0)\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "d.cocrea.db")],
                         env=child_env(data_dir), capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert [m for m in HEAVY if m in loaded] == []


def test_opening_a_process_before_the_window_shows_imports_no_screen_stores(tmp_path, data_dir):
    """Issue 20: listing the sessions needs none of the stores of a session screen (votes,
    the ballot register, proposals, commitments...), nor sqlite-utils' plugin search
    (importlib.metadata reading every installed package); they loaded before the window
    showed, a third of opening a 200-session process at start-up."""
    path = tmp_path / "d.cocrea.db"
    subprocess.run([sys.executable, "-c", "import sys\n"
                    "from cocrea_desktop.store.demo import create_demo\n"
                    "create_demo(sys.argv[1])\n", str(path)],
                   env=child_env(data_dir), capture_output=True, text=True, check=True)
    script = (
        "import json, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from cocrea_desktop.ui import qt_i18n\n"
        "from cocrea_desktop.ui.main_window import MainWindow\n"
        "qt_i18n.install('es')\n"
        "w = MainWindow(); w.open_path(sys.argv[1]); w.show()\n"
        "assert w.model.rowCount() > 0\n"
        "print(json.dumps(sorted(m for m in sys.modules)))\n"
        "import os; os._exit(0)\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(path)],
                         env=child_env(data_dir), capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    later = ("cocrea_desktop.store.votes", "cocrea_desktop.store.register",
             "cocrea_desktop.store.proposals", "cocrea_desktop.store.commitments",
             "cocrea_desktop.store.attendance", "cocrea_desktop.core.voting.tally",
             "importlib.metadata")
    assert [m for m in later if m in loaded] == []
