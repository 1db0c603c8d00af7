"""Render the main screens to PNG (offscreen), for the README, docs and a look by eye.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR]

Uses a throw-away data folder and the demo process, in Spanish and English.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COCREA_DATA_DIR"] = tempfile.mkdtemp(prefix="cocrea-shots-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop import i18n
    from cocrea_desktop.core.errors import CorruptFile
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.store.paths import processes_dir
    from cocrea_desktop.ui import qt_i18n
    from cocrea_desktop.ui.dialogs.open_problem import OpenProblemDialog
    from cocrea_desktop.ui.dialogs.process_dialog import ProcessDialog
    from cocrea_desktop.ui.dialogs.session_dialog import SessionDialog
    from cocrea_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    qt_i18n.install("es")
    out.mkdir(parents=True, exist_ok=True)
    demo = create_demo(processes_dir() / "demo.cocrea.db")
    written: list[Path] = []

    def shoot(widget, name: str, size=None) -> None:
        if size:
            widget.resize(*size)
        widget.show()
        app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    for lang in ("es", "en"):
        i18n.set_language(lang)
        window = MainWindow()
        window.open_path(demo)
        window.table.selectRow(0)
        shoot(window, f"main-window-{lang}", (1366, 720))
        dialog = SessionDialog(window, window.current_session())
        shoot(dialog, f"session-dialog-{lang}")
        dialog.close()
        if lang == "es":
            shoot(ProcessDialog(window, window.repo.process()), "process-dialog-es")
            problem = OpenProblemDialog(window, demo, CorruptFile(
                "«demo.cocrea.db» está dañado (la revisión de integridad falló). "
                "Abra una copia de seguridad."))
            shoot(problem, "open-problem-es")
        window.close()
    i18n.set_language("es")
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for item in main(target):
        print(item)
