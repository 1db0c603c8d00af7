"""Benchmark: a folder of scanned ballots counted in the window, and the share sent to review.

    python bench/bench_review_window.py [--ballots 40]

Material (tests/export/review_material.py): the program's own ranked ballots (5 ideas,
3 places, 2 per Letter sheet) rendered at 200 dpi, marked with pen crosses, rotated up
to 8 deg, keystoned, blurred and noised, written as PNG files in a folder. Two stacks:

* sure: every ballot three clear crosses;
* mixed: of every 8 ballots, 5 sure, 1 with a faint extra mark, 1 with a mark scribbled
  over, 1 with two crosses in the first place: 3 of 8 doubtful by design.

The real window (offscreen): "Leer escaneos… › Elegir una carpeta…", reading in the
background, the GUI thread entering sure ballots and queuing the others, every view
refreshed after each one. Prints seconds per ballot (wall time from the click to the
summary), the share sent to review, and the silent errors (a doubtful ballot entered,
or an entry other than the marks drawn): the target is 0; issue 18 asks for a stack of
40 ballots counted in a minute.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COCREA_DATA_DIR", tempfile.mkdtemp(prefix="bench-review-data-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from cocrea_desktop.store.repo import Repo  # noqa: E402
from tests.export.review_material import make_stack  # noqa: E402


def run(app, name: str, cases: list[str]) -> int:
    from cocrea_desktop.ui.views.paper_widgets import PaperBallotsBox
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    tmp = Path(tempfile.mkdtemp(prefix="bench-review-"))
    repo = Repo.create(tmp / "p.cocrea.db", name="Bench")
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta?")
    for key in ("silent_writing", "round"):
        repo.phases.go_to(sid, key)
    for text in ("Médico", "Medicinas", "Ambulancia", "Horario nocturno", "Sala de espera"):
        repo.ideas.add(sid, text)
    repo.phases.go_to(sid, "clarification")
    repo.phases.go_to(sid, "preliminary_vote")
    repo.votes.configure(sid, "preliminary", k=3)
    stack = make_stack(repo, sid, "preliminary", tmp, cases, seed=11, max_angle=8.0)
    screen = SessionScreen(repo, sid)
    screen.show()
    paper = screen.panel().paper
    PaperBallotsBox.ask_folder = staticmethod(lambda *_a: str(stack.folder))
    start = time.perf_counter()
    paper.act_folder.trigger()
    while paper.task is not None or paper.last_scan is None:
        app.processEvents()
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    tally = paper.scan_tally
    ballots = repo.votes.ballots(sid, "preliminary")
    silent = sum(1 for b in ballots
                 if stack.cases[b.serial] != "sure" or b.entry != stack.entries[b.serial])
    print(f"{name:8} {tally['ballots']:3} ballots  {elapsed / tally['ballots']:.3f} s/ballot "
          f"({elapsed:.1f} s)  entered {tally['entered']}  to review {tally['queued']} "
          f"({100 * tally['queued'] / tally['ballots']:.1f} %; by design "
          f"{100 * sum(c != 'sure' for c in cases) / len(cases):.1f} %)  silent errors {silent}")
    screen.close()
    repo.close()
    return silent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ballots", type=int, default=40)
    args = parser.parse_args()
    from cocrea_desktop.ui import qt_i18n

    app = QApplication.instance() or QApplication([])
    qt_i18n.install("es")
    n = args.ballots
    mixed = (["sure", "sure", "sure", "faint", "sure", "crossed", "sure", "double"] * n)[:n]
    silent = run(app, "sure", ["sure"] * n) + run(app, "mixed", mixed)
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
