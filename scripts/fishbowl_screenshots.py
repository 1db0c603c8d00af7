"""Render the session screen at 1366x768 in each fishbowl phase, for a look by eye.

    QT_QPA_PLATFORM=offscreen python scripts/fishbowl_screenshots.py [OUT_DIR]

Writes docs/screenshots/fishbowl-<phase>.png with realistic Spanish data (a throw-away
data folder and process file; a FakeClock so the timers show fixed times).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "¿Cómo repartimos el agua del pozo entre riego y consumo de las casas?"
GROUPS = [("Ejidatarios que riegan", 5, ""), ("Mujeres del comité de agua", 4, ""),
          ("Comerciantes del centro", 4, ""), ("Jóvenes de la secundaria", 5, "")]
IDEAS = {
    0: ["Riego por goteo para gastar menos agua", "Horario fijo para regar de noche",
        "Que el comité publique cuánto agua sale del pozo"],
    1: ["Primero el agua de las casas, después el riego", "Tandeo parejo entre barrios",
        "Que el comité informe cada mes en asamblea"],
    2: ["Reparar las fugas de la red antes de repartir", "Cuota justa según lo que se usa",
        "Que se publique cuánto agua sale del pozo"],
    3: ["Captar agua de lluvia en la secundaria", "Reparar fugas con faena comunitaria"],
}
CLUSTERS = [("Informar cuánta agua hay y a dónde va", [4, 7, 10]),
            ("Reparar fugas antes de repartir", [1, 2]),
            ("Horarios y tandeo del agua", [6, 9]),
            ("Prioridad del consumo de las casas", [5]),
            ("Ahorro en el riego", [8]),
            ("Cuotas según el uso", [3]),
            ("Agua de lluvia", [0])]
BALLOTS = ["1 1 2", "1 2 3", "2 2 4", "1 3 4", "2 5 1", "3 3 6", "1 2 7", "4 4 1",
           "2 1 1 5", "1 6 2", "3 2 1", "5 5 2"]


def main(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COCREA_DATA_DIR"] = tempfile.mkdtemp(prefix="cocrea-fishbowl-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop.core.clock import FakeClock
    from cocrea_desktop.store.paths import processes_dir
    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui import qt_i18n
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    app = QApplication.instance() or QApplication([])
    qt_i18n.install("es")
    out.mkdir(parents=True, exist_ok=True)
    clock = FakeClock(1_801_555_200.0)
    repo = Repo.create(processes_dir() / "pecera.cocrea.db", name="Plan de Acción Local 2027",
                       municipality="Santa María Tlahuitoltepec", state="Oaxaca", clock=clock)
    sid, _c = repo.add_session(method="fishbowl", question=QUESTION,
                               table_label="Mesa 2 · Agua", date="2027-02-13",
                               place="Auditorio ejidal", facilitator="Juana Pérez",
                               participant_count=18)
    screen = SessionScreen(repo, sid)
    screen.resize(1366, 768)
    written: list[Path] = []

    def shoot(phase: str, prepare=None, name: str = "") -> None:
        if repo.phases.current(sid).key != phase:
            repo.phases.go_to(sid, phase)
            screen.reload_phase()
        if prepare:
            prepare()
        screen.show()
        for _i in range(3):
            app.processEvents()
        path = out / "fishbowl-{}.png".format(name or phase.replace("_", "-"))
        screen.grab().save(str(path))
        written.append(path)

    def groups():
        for label, size, members in GROUPS:
            repo.fishbowl.add_group(sid, label, size=size, members=members)
        repo.fishbowl.draw_order(sid, shuffle=lambda items: items.reverse())
        screen.panel().refresh()
    shoot("groups", groups)

    ids: list[str] = []

    def turns():
        for n, turn in enumerate(repo.fishbowl.turns(sid)):
            group = turn.group
            original = [g[0] for g in GROUPS].index(group.label)
            repo.fishbowl.start_turn(sid, group.id)
            for text in IDEAS[original]:
                clock.advance(100)
                ids.append((original, repo.ideas.add(sid, text, group_key=group.id)[0]))
            if n == 2:
                clock.advance(10 * 60 + 25 - 100 * len(IDEAS[original]))  # 25 s over: "Tiempo"
                break
            clock.advance(10 * 60 + 20 - 100 * len(IDEAS[original]))
            repo.fishbowl.end_turn(sid, group.id)
        screen.panel().refresh()
        screen.panel().timer.tick(chime=False)
        screen.panel().update_time_up()
    shoot("turns", turns)
    running = repo.fishbowl.current_turn(sid)
    repo.fishbowl.end_turn(sid, running.group.id)
    last = repo.fishbowl.current_turn(sid)
    repo.fishbowl.start_turn(sid, last.group.id)
    original = [g[0] for g in GROUPS].index(last.group.label)
    for text in IDEAS[original]:
        ids.append((original, repo.ideas.add(sid, text, group_key=last.group.id)[0]))
    clock.advance(8 * 60)
    repo.fishbowl.end_turn(sid, last.group.id)

    def cluster():
        ordered = [idea for _g, idea in sorted(ids, key=lambda p: p[1].number)]
        for label, members in CLUSTERS:
            cluster, _c = repo.ideas.add_cluster(sid, label)
            repo.ideas.set_cluster([ordered[i].id for i in members], cluster.id)
        screen.panel().refresh()
        screen.panel().ideas.selectRow(9)
    shoot("clustering", cluster, "cluster")

    def vote():
        repo.votes.configure(sid, "vote", dots_per_person=3, max_per_option=2,
                             participants=18)
        for text in BALLOTS:
            repo.votes.enter_ballot(sid, "vote", text)
        screen.panel().refresh()
        screen.panel().entry.setText("4 4 4")
    shoot("vote", vote)

    def synthesis():
        screen.panel().refresh()
    shoot("synthesis", synthesis)
    screen.flush()
    repo.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for path in main(target):
        print(path)
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 6.12 can crash while collecting Qt objects
