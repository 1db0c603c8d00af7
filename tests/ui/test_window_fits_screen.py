"""At 1024x768 every window opens inside the screen, and every phase panel fits its width.

The program runs in a child process whose (offscreen) screen is 1024x768: the first size of
the main window and of each session's window, and the smallest width each phase's panel
needs, must fit the screen's free area, or the last buttons (Estado, Archivar, "Siguiente
fase", "Terminar sesión") are off the screen when no window manager pulls them back.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, child_env

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from cocrea_desktop import i18n
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.main_window import MainWindow

app = QApplication([])
qt_i18n.install(sys.argv[2])
i18n.set_language(sys.argv[2])
area = app.primaryScreen().availableGeometry()
out = {"area": [area.x(), area.y(), area.width(), area.height()], "windows": [], "panels": []}

def settle():
    for _ in range(3):
        app.processEvents()

def note(name, w):
    g = w.frameGeometry()
    out["windows"].append([name, g.x(), g.y(), g.width(), g.height()])

window = MainWindow()
window.open_path(create_demo(Path(sys.argv[1]) / "demo.cocrea.db"))
window.show()
settle()
note("main window", window)
repo = window.repo
for row, session in enumerate(repo.sessions()):
    if session.status == "closed":  # concluded: reopened to walk its phases
        repo.reopen_session(session.id)
    window.table.selectRow(row)
    screen = window.conduct_session()
    settle()
    note("session " + session.method, screen)
    start = repo.phases.current(session.id).key
    for phase in repo.phases.method(session.id).phases:
        try:
            repo.phases.go_to(session.id, phase.key)
        except Exception:
            continue
        screen.reload_phase()
        settle()
        out["panels"].append(["{} / {}".format(session.method, phase.key),
                              screen.stack.currentWidget().minimumSizeHint().width(),
                              screen.minimumSizeHint().width()])
    repo.phases.go_to(session.id, start)
    screen.close()
window.close_session_screens()
window.close()
print(json.dumps(out))
"""


@pytest.mark.parametrize("language", ["es", "en"])
def test_windows_and_phase_panels_fit_1024x768(tmp_path, data_dir, language):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{
        "name": "s", "x": 0, "y": 0, "width": 1024, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = child_env(data_dir)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    run = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), language], check=False,
                         env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["area"] == [0, 0, 1024, 768]
    outside = [w for w in seen["windows"]
               if w[1] < 0 or w[2] < 0 or w[1] + w[3] > 1024 or w[2] + w[4] > 768]
    assert not outside, outside
    # centred: as much room on the left as on the right (give or take a frame border)
    off_centre = [w for w in seen["windows"] if abs(w[1] - (1024 - w[1] - w[3])) > 8]
    assert not off_centre, off_centre
    kinds = {w[0] for w in seen["windows"]}
    assert {"main window", "session idea_fair", "session fishbowl"} <= kinds, kinds
    too_wide = [p for p in seen["panels"] if p[1] > 1024 or p[2] > 1024]
    assert not too_wide, too_wide
