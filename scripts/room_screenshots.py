"""Render the room view ("Vista para la sala") in each kind of picture, to PNG.

    QT_QPA_PLATFORM=offscreen python scripts/room_screenshots.py [OUT_DIR]

Writes docs/screenshots/room-<picture>-<width>x<height>.png at 1024x768 and
1920x1080 for a nominal group (question, timer warning, ideas, vote, results),
a fishbowl turn and an idea fair. The tests call :func:`render_room_views` and
check that no text is cut.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IDEAS = ["Tandeo: el agua llega solo dos días por semana", "Tuberías viejas con fugas",
         "El agua sale turbia después de las lluvias",
         "No hay medidores y el cobro es igual para todos",
         "La bomba del pozo se descompone seguido", "Falta una cisterna en la escuela",
         "Las colonias altas no reciben agua", "Nadie informa cuándo habrá cortes",
         "Cuidar el manantial de la cañada, que es de todos y se está secando por la tala"]
BALLOTS = ["1 2 3 4 5", "2 1 7 3 4", "7 2 1 6 3", "1 7 2 5 9", "3 1 2 7 8", "1 2 7 3 6"]


def render_room_views(repo, session_id, out: Path, size: tuple[int, int], *, clock,
                      prefix: str = "room") -> list[tuple[Path, list[str]]]:
    """Walk a nominal-group session through its phases, saving the room view at each.

    Returns (png path, texts that do not fit) for every picture.
    """
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop.ui.projector import RoomView

    app = QApplication.instance()
    out.mkdir(parents=True, exist_ok=True)
    view = RoomView()
    view.resize(*size)
    view.show()
    view.follow(repo, session_id)
    results: list[tuple[Path, list[str]]] = []

    def shoot(name: str) -> None:
        view.refresh()
        app.processEvents()
        path = out / f"{prefix}-{name}-{size[0]}x{size[1]}.png"
        view.grab().save(str(path))
        problems = [b.name for b in view.blocks if not b.fits()]
        results.append((path, problems))

    shoot("question")
    repo.phases.forward(session_id)
    repo.phases.forward(session_id)
    for text in IDEAS:
        repo.ideas.add(session_id, text)
    repo.phases.start_timer(session_id)
    clock.advance(29 * 60 + 15)
    shoot("ideas-warning")
    repo.phases.forward(session_id)
    repo.phases.forward(session_id)
    for ballot in BALLOTS[:3]:
        repo.votes.enter_ballot(session_id, "preliminary", ballot)
    shoot("vote")
    for ballot in BALLOTS[3:]:
        repo.votes.enter_ballot(session_id, "preliminary", ballot)
    repo.phases.forward(session_id)
    shoot("results")
    view.show_message("Receso de 10 minutos")
    shoot("message")
    view.close()
    return results


def main(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COCREA_DATA_DIR"] = tempfile.mkdtemp(prefix="cocrea-room-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop.core.clock import FakeClock
    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui import qt_i18n

    app = QApplication.instance() or QApplication([])  # noqa: F841 - keeps Qt alive
    qt_i18n.install("es")
    written: list[Path] = []
    for size in ((1024, 768), (1920, 1080)):
        clock = FakeClock()
        folder = Path(tempfile.mkdtemp())
        repo = Repo.create(folder / "sala.cocrea.db", name="Plan de Acción Local 2027",
                           clock=clock)
        sid, _ = repo.add_session(method="nominal_group", table_label="Mesa 1 · Cabecera",
                                  question="¿Qué problemas de agua potable afectan más a su "
                                           "comunidad?", participant_count=10)
        for path, problems in render_room_views(repo, sid, out, size, clock=clock):
            if problems:
                print(f"{path}: text does not fit: {problems}")
            written.append(path)
        repo.close()
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for item in main(target):
        print(item, flush=True)
    os._exit(0)  # skip interpreter teardown: PySide6 6.12 can crash while collecting Qt objects
