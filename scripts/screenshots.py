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
    written += shoot_session_phases(out, app)
    return written


#: Realistic data for the nominal-group screenshots (Spanish, as in a rural assembly).
NG_QUESTION = "¿Qué problemas de agua potable afectan más a su comunidad?"
NG_IDEAS = [
    "Fugas en la red de agua potable que nadie repara",
    "El agua llega turbia en temporada de lluvias",
    "No hay tandeo parejo entre los barrios de arriba y los de abajo",
    "Falta cloración en el tanque elevado",
    "Las tarifas no se entienden y cambian sin aviso",
    "Agua sucia cuando llueve",
    "Nadie atiende los reportes de fugas en la colonia",
    "La bomba del pozo se descompone seguido",
    "Las colonias altas no reciben agua los fines de semana",
]
NG_BALLOTS = ["1 2 3 4 5", "2 1 7 3 4", "2 7 1 5 3", "7 2 2 4 1", "3 2 1 6", "8 9 1 2 7",
              "9 8 2 1 3", "1 7 9 2 4"]
NG_FINAL = ["2 7 1 3 4", "7 2 1 5 3", "2 1 7 4 9", "1 2 7 9 8", "2 7 9 1 3"]


def shoot_session_phases(out: Path, app) -> list[Path]:
    """The session screen in every phase of a nominal group, at 1366x768."""
    from cocrea_desktop.core.clock import FakeClock
    from cocrea_desktop.store.paths import processes_dir
    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    clock = FakeClock(1_801_555_200.0)  # a Saturday morning in February 2027
    repo = Repo.create(processes_dir() / "agua.cocrea.db", name="Plan de Acción Local 2027",
                       municipality="San Juan Bautista Cuicatlán", state="Oaxaca", clock=clock)
    sid, _c = repo.add_session(method="nominal_group", question=NG_QUESTION,
                               table_label="Mesa 1 · Cabecera municipal", date="2027-02-06",
                               place="Salón de usos múltiples", facilitator="Rosa Martínez",
                               participant_count=9)
    screen = SessionScreen(repo, sid)
    screen.resize(1366, 768)
    written: list[Path] = []

    def shoot(phase: str, prepare=None, name: str = "") -> None:
        if repo.phases.current(sid).key != phase:
            screen.next_phase() if repo.phases.next_phase(sid).key == phase else \
                repo.phases.go_to(sid, phase)
            screen.reload_phase()
        if prepare:
            prepare()
        screen.show()
        for _i in range(3):
            app.processEvents()
        path = out / "nominal-group-{}.png".format(name or phase.replace("_", "-"))
        screen.grab().save(str(path))
        written.append(path)

    shoot("question")

    def silent():
        screen.timer.toggle()
        clock.advance(9 * 60 + 25)  # the warning minute
        screen.timer.tick(chime=False)
    shoot("silent_writing", silent)

    def capture():
        panel = screen.panel()
        for i, text in enumerate(NG_IDEAS):
            panel.entry.setText(text)
            panel.capture()
            if i == 4:
                panel.pass_turn()
        panel.entry.setText("Que el comité informe cuándo habrá cortes")
        screen.timer.toggle()
    shoot("round", capture)

    def clarify():
        panel = screen.panel()
        panel.merge_entry.setText("2 6")
        panel.propose_typed()
        panel.agree()
        panel.merge_entry.setText("1 7")
        panel.propose_typed()  # still waiting for the room
        panel.reject()
        panel.merge_entry.setText("3 9")
        panel.propose_typed()
    shoot("clarification", clarify)
    repo.ideas.reject_merge(repo.ideas.merges(sid, status="proposed")[0].id)

    def preliminary():
        panel = screen.panel()
        for ballot in NG_BALLOTS:
            panel.entry.setText(ballot)
            panel.save_ballot()
        panel.entry.setText("4 4 8")
    shoot("preliminary_vote", preliminary)

    def discussion():
        for text in ("La idea 3 tiene votos muy divididos: dos boletas la ponen primero y "
                     "otras la dejan fuera.",
                     "Las personas de los barrios altos explican que el tandeo les afecta más."):
            repo.ideas.add_note(sid, "discussion", text)
        screen.panel().refresh()
    shoot("discussion", discussion)

    def final():
        panel = screen.panel()
        for ballot in NG_FINAL:
            panel.entry.setText(ballot)
            panel.save_ballot()
    shoot("final_vote", final)
    shoot("results")

    def relatoria():
        repo.relatoria.save(sid, convergences="La sala coincide en que las fugas y el agua "
                            "turbia son lo más urgente.",
                            dissent="No hubo acuerdo sobre subir las tarifas.",
                            next_steps="Reunión con el comité de agua el 15 de marzo; el "
                            "municipio informará el calendario de tandeo.")
        screen.panel().tabs.setCurrentIndex(1)
        screen.panel().refresh()
    shoot("results", relatoria, name="relatoria")
    screen.close()
    repo.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for item in main(target):
        print(item)
