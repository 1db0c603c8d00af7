"""Start the program: QApplication, language, main window, the process to open.

At start the program reopens the last process; on a first run (or when the last
one is gone) it opens the demo process, creating it if needed, so that a
newcomer sees a realistic process at once.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()


def _startup_target(explicit: str | None, settings) -> tuple[Path | None, bool]:
    """The file to open and whether it is the demo (created on demand)."""
    from cocrea_desktop.store.demo import DEMO_FILE_NAME
    from cocrea_desktop.store.paths import processes_dir

    if explicit:
        return Path(explicit), False
    last = settings.last_file
    if last and Path(last).exists():
        return Path(last), False
    return processes_dir() / DEMO_FILE_NAME, True


def run(path: str | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop import __version__, i18n
    from cocrea_desktop.store.settings import load_settings
    from cocrea_desktop.ui import qt_i18n
    from cocrea_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("CoCrea")
    app.setApplicationDisplayName("CoCrea")
    app.setApplicationVersion(__version__)
    settings = load_settings()
    qt_i18n.install(i18n.initial_language(settings.language))

    window = MainWindow(settings)
    target, is_demo = _startup_target(path, settings)
    if is_demo and target is not None and not target.exists():
        from cocrea_desktop.store.demo import create_demo

        create_demo(target)
    if target is not None:
        window.open_path(target)
    window.show()

    if os.environ.get("COCREA_EXIT_AFTER_SHOW"):
        # Used by the start-up benchmark and the smoke tests: report and leave.
        def report() -> None:
            shown = _seconds_since_process_start()
            print(json.dumps({"shown_s": round(shown, 4), "max_rss_mb": _max_rss_mb(),
                              "sessions": window.model.rowCount()}), flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    code = app.exec()
    # Background work (a backup, a PDF) ends before the interpreter does: a worker thread
    # still running Python during shutdown crashes the process (seen under a loaded CPU).
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(60_000)
    return code


def _seconds_since_process_start() -> float:
    """Time since the interpreter started (Linux: from /proc), else since this module loaded."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - start_ticks / ticks
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _T0


def _max_rss_mb() -> float:
    try:
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    except ImportError:  # Windows
        return 0.0
