"""Cold start to a shown main window with a 50-session process, and peak memory.

    python bench/bench_startup.py [--runs N]

Each run is a new Python process (offscreen Qt) that prints the time from
interpreter start to the window shown and its peak RSS. The baseline is a bare
PySide6 window with a 1,000-row table, measured the same way in the same run. Both run
as installed: compiled bytecode kept (:func:`installed`), after one start that writes it.
Targets (quality.md): <= 0.7 s and <= 3x the bare window; <= 120 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = r"""
import json, os, resource, time
def age():
    with open("/proc/self/stat") as fh:
        start = int(fh.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as fh:
        return float(fh.read().split()[0]) - start / os.sysconf("SC_CLK_TCK")
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
class Model(QAbstractTableModel):
    rows = [["fila {} col {}".format(r, c) for c in range(7)] for r in range(1000)]
    def rowCount(self, parent=QModelIndex()): return 0 if parent.isValid() else 1000
    def columnCount(self, parent=QModelIndex()): return 0 if parent.isValid() else 7
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None
app = QApplication([])
model = Model()
w = QMainWindow(); view = QTableView(); view.setModel(model); w.setCentralWidget(view)
w.resize(1240, 720); w.show()
def done():
    print(json.dumps({"shown_s": age(),
                      "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}),
          flush=True)
    import os; os._exit(0)
QTimer.singleShot(0, done)
app.exec()
"""


def installed(env: dict[str, str], folder: str) -> dict[str, str]:
    """``env`` as an installed program runs: its modules' compiled bytecode kept (here in
    a cache of the run's own, so the source tree stays clean). The libraries, the bare
    window's included, come compiled from their install; the program's own modules, run
    from the source tree where ``PYTHONDONTWRITEBYTECODE`` is set, were compiled again on
    every start (about a fifth of it), which no installed or frozen program does."""
    env = dict(env, PYTHONPYCACHEPREFIX=str(Path(folder) / "bytecode"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(cmd: list[str], env: dict[str, str]) -> dict:
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - start
    data = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
    data["wall_s"] = wall
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="cocrea-bench-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COCREA_DATA_DIR=data_dir,
               COCREA_EXIT_AFTER_SHOW="1", PYTHONPATH=str(ROOT))
    db = Path(data_dir) / "bench.cocrea.db"
    subprocess.run([sys.executable, "-m", "cocrea_desktop", "demo", str(db), "--sessions", "50"],
                   env=env, check=True, capture_output=True)
    app_cmd = [sys.executable, "-m", "cocrea_desktop", "gui", str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    env = installed(env, data_dir)
    measure(app_cmd, env)  # the first start compiles, as an install does once
    app_runs, bare_runs = [], []
    for _ in range(args.runs):  # interleaved, so that machine noise hits both alike
        bare_runs.append(measure(bare_cmd, env))
        app_runs.append(measure(app_cmd, env))
    assert all(r["sessions"] == 50 for r in app_runs)
    app_t = statistics.median(r["shown_s"] for r in app_runs)
    bare_t = statistics.median(r["shown_s"] for r in bare_runs)
    app_first = app_runs[0]["shown_s"]
    app_mem = max(r["max_rss_mb"] for r in app_runs)
    bare_mem = max(r["max_rss_mb"] for r in bare_runs)
    print(f"start to shown window, 50 sessions: median {app_t:.3f} s (first run {app_first:.3f} s)"
          f"  target <= 0.7 s  {'OK' if app_t <= 0.7 else 'OVER'}")
    print(f"bare PySide6 window, 1,000-row table: median {bare_t:.3f} s;"
          f" ratio {app_t / bare_t:.2f}x  target <= 3x  {'OK' if app_t <= 3 * bare_t else 'OVER'}")
    app_wall = statistics.median(r["wall_s"] for r in app_runs)
    bare_wall = statistics.median(r["wall_s"] for r in bare_runs)
    print(f"whole process, start to exit: {app_wall:.3f} s (bare window {bare_wall:.3f} s)")
    print(f"peak memory: {app_mem:.1f} MB (bare window {bare_mem:.1f} MB)"
          f"  target <= 120 MB  {'OK' if app_mem <= 120 else 'OVER'}")


if __name__ == "__main__":
    main()
