"""Walk every room page of the demo process, and save each as a PNG.

    QT_QPA_PLATFORM=offscreen python scripts/room_screenshots.py [OUT_DIR] [--lang en]

The demo process (store/demo.py) is created in a temporary folder and each of its
methods is taken through every phase as a facilitator would (ideas, merges,
ballots, typed counts, fishbowl turns and clusters, fair stands and letters); at
each phase every page of the room view ("Vista para la sala") is shown. The
tests call :func:`walk_demo_rooms` and check every text painted on every page.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Long ideas, as people say them: the room must still read every word.
LONG_IDEAS = [
    "Que el municipio publique cada mes, en el tablero del palacio y en la radio comunitaria, "
    "cuánto se ha pagado de cada obra y qué falta.",
    "Que los comités de obra reciban copia del expediente técnico antes de que empiece la obra.",
    "Una reunión cada tres meses entre el comité y la dirección de obras, con acta pública.",
    "Letreros en cada obra con el costo, la empresa, el plazo y un teléfono para quejas.",
    "Capacitar a los comités para leer planos y presupuestos.",
    "Que las agencias puedan revisar las facturas de los materiales.",
    "Fotos del avance cada semana en la página del municipio.",
]
FISHBOWL_GROUPS = ["Agencia Santa Cruz", "Agencia San Pedro", "Cabecera municipal",
                   "Comités de obra"]
FISHBOWL_IDEAS = [
    "Repartir según el número de habitantes de cada agencia.",
    "Primero los caminos que quedan cortados en lluvias.",
    "Que cada agencia decida en asamblea su obra prioritaria.",
    "Obras de agua antes que obras de adorno.",
    "Un fondo fijo igual para cada agencia y el resto por población.",
    "Publicar cuánto recibió cada agencia los últimos tres años.",
]
FAIR_STANDS = ["Huertos escolares", "Radio comunitaria", "Rescate del manantial de la cañada",
               "Taller de carpintería para jóvenes", "Mercado de productores locales",
               "Biblioteca móvil", "Señalización de rutas turísticas"]


def walk_demo_rooms(view, clock, *, shoot: Callable[[str], None]) -> None:
    """Create the demo process and take each session through its phases.

    ``shoot(name)`` is called with the view following the phase; it pages through
    the view itself (see :func:`pages_of`).
    """
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.store.repo import Repo

    folder = Path(tempfile.mkdtemp(prefix="cocrea-room-"))
    path = create_demo(folder / "demo.cocrea.db", clock=clock)
    repo = Repo.open(path, clock=clock)
    try:
        sessions = repo.sessions()
        by_method: dict[str, list] = {}
        for session in sessions:
            by_method.setdefault(session.method, []).append(session.id)
        _nominal_group_results(repo, by_method["nominal_group"][0], view, shoot)
        _nominal_group(repo, by_method["nominal_group"][3], view, clock, shoot)
        # The demo's own fishbowl and fair, as a newcomer finds them (seeded mid-way)...
        _show(view, repo, by_method["fishbowl"][0], shoot, "fishbowl-demo")
        _show(view, repo, by_method["idea_fair"][0], shoot, "fair-demo")
        # ...then a fresh session of each, walked from its first phase.
        _fishbowl(repo, _fresh(repo, by_method["fishbowl"][0]), view, clock, shoot)
        _idea_fair(repo, _fresh(repo, by_method["idea_fair"][0]), view, shoot)
        _assembly(repo, by_method["assembly"][0], view, clock, shoot)
    finally:
        view.follow(None, None)
        repo.close()


def _fresh(repo, like: str) -> str:
    """A new session of the same method and question as ``like``, at its first phase."""
    session = repo.session(like)
    sid, _changes = repo.add_session(method=session.method, question=session.question,
                                     table_label=session.table_label)
    return sid


def _show(view, repo, sid, shoot, name: str) -> None:
    view.follow(repo, sid)
    shoot(name)


def _nominal_group_results(repo, sid, view, shoot) -> None:
    """The demo's first session, already run to its results (a declared tie at 9.º)."""
    _show(view, repo, sid, shoot, "ng-results")
    repo.reopen_session(sid)  # concluded: reopened to look back at its phases
    repo.phases.go_to(sid, "clarification")
    _show(view, repo, sid, shoot, "ng-clarification")
    repo.phases.go_to(sid, "preliminary_vote")
    _show(view, repo, sid, shoot, "ng-vote")
    repo.phases.go_to(sid, "discussion")
    _show(view, repo, sid, shoot, "ng-discussion")


def _nominal_group(repo, sid, view, clock, shoot) -> None:
    """A planned nominal group of the demo, with long ideas, from its question on."""
    _show(view, repo, sid, shoot, "ng-question")
    repo.phases.forward(sid)
    _show(view, repo, sid, shoot, "ng-silent-writing")
    repo.phases.start_timer(sid)
    clock.advance(9 * 60 + 20)
    _show(view, repo, sid, shoot, "ng-silent-writing-warning")
    clock.advance(60)
    _show(view, repo, sid, shoot, "ng-silent-writing-time-up")
    repo.phases.forward(sid)
    _show(view, repo, sid, shoot, "ng-round-empty")
    for text in LONG_IDEAS:
        repo.ideas.add(sid, text)
    _show(view, repo, sid, shoot, "ng-round")
    repo.phases.forward(sid)
    merge, _changes = repo.ideas.propose_merge(sid, [3, 7])
    repo.ideas.agree_merge(merge.id)
    _show(view, repo, sid, shoot, "ng-clarification-merged")
    repo.phases.forward(sid)
    for ballot in ("1 2 3 4 5", "2 1 3 4 5", "1 3 2 5 4", "4 5 1 2 3", "2 1 5 3 4"):
        repo.votes.enter_ballot(sid, "preliminary", ballot)
    _show(view, repo, sid, shoot, "ng-vote-long")
    repo.phases.forward(sid)
    _show(view, repo, sid, shoot, "ng-discussion-long")
    repo.phases.forward(sid)
    repo.votes.configure(sid, "final", mode="counts")
    _show(view, repo, sid, shoot, "ng-final-vote-counts")
    repo.votes.set_counts(sid, "final", {1: 9, 2: 8, 3: 8, 4: 2, 5: 1, 6: 1},
                          counter="Lucía Ramírez", participants=9)
    repo.phases.forward(sid)
    _show(view, repo, sid, shoot, "ng-results-counts")


def _fishbowl(repo, sid, view, clock, shoot) -> None:
    _show(view, repo, sid, shoot, "fishbowl-groups-empty")
    for label in FISHBOWL_GROUPS:
        repo.fishbowl.add_group(sid, label, size=4)
    repo.fishbowl.draw_order(sid, shuffle=lambda items: None)
    _show(view, repo, sid, shoot, "fishbowl-groups")
    repo.phases.forward(sid)
    ideas = iter(FISHBOWL_IDEAS)
    for n, turn in enumerate(repo.fishbowl.turns(sid)):
        repo.fishbowl.start_turn(sid, turn.group.id)
        clock.advance(9 * 60 + 15 if n == 0 else 120)
        for text in [next(ideas, None), next(ideas, None)]:
            if text:
                repo.ideas.add(sid, text, group_key=turn.group.id)
        if n == 0:
            _show(view, repo, sid, shoot, "fishbowl-turn-warning")
        repo.fishbowl.end_turn(sid, turn.group.id)
    _show(view, repo, sid, shoot, "fishbowl-turns-done")
    repo.phases.forward(sid)
    _show(view, repo, sid, shoot, "fishbowl-open-round")
    repo.phases.forward(sid)
    _show(view, repo, sid, shoot, "fishbowl-clustering-none")
    ideas = repo.ideas.list(sid)
    first, _c = repo.ideas.add_cluster(sid, "Repartir por población, con un piso igual")
    second, _c = repo.ideas.add_cluster(sid, "Obras de agua y caminos primero")
    third, _c = repo.ideas.add_cluster(sid, "Decidir y vigilar en asamblea")
    repo.ideas.set_cluster([ideas[0].id, ideas[4].id], first.id)
    repo.ideas.set_cluster([ideas[1].id, ideas[3].id], second.id)
    repo.ideas.set_cluster([ideas[2].id], third.id)
    _show(view, repo, sid, shoot, "fishbowl-clustering")
    repo.phases.forward(sid)
    repo.votes.configure(sid, "vote", dots_per_person=3, max_per_option=2)
    for ballot in ("1 1 2", "2 2 3", "1 2 3", "1 1 3", "2 3 3", "1 2 2"):
        repo.votes.enter_ballot(sid, "vote", ballot)
    _show(view, repo, sid, shoot, "fishbowl-vote")
    repo.phases.forward(sid)
    _show(view, repo, sid, shoot, "fishbowl-synthesis")


def _assembly(repo, sid, view, clock, shoot) -> None:
    """The demo's assembly as found (item 3, a speaker paused), the speaker's last
    minute, a hand vote's result, then its agenda, ballot and acta phases."""
    _show(view, repo, sid, shoot, "assembly-item")
    speaker = repo.assembly.current_speaker(sid)
    repo.phases.resume_timer(sid, "items", slot=speaker.id)
    clock.advance(max(0.0, repo.phases.remaining(sid, "items", slot=speaker.id) - 40))
    _show(view, repo, sid, shoot, "assembly-speaker-warning")
    repo.assembly.next_speaker(sid)
    repo.assembly.next_speaker(sid)
    proposal = repo.assembly.proposals(sid)[-1]
    repo.assembly.record_hand_vote(proposal.id, votes_for=44, votes_against=9,
                                   abstentions=4, counter="Comité de vigilancia")
    _show(view, repo, sid, shoot, "assembly-item-result")
    for phase in ("agenda", "ballot", "acta"):
        repo.phases.go_to(sid, phase)
        _show(view, repo, sid, shoot, f"assembly-{phase}")


def _idea_fair(repo, sid, view, shoot) -> None:
    _show(view, repo, sid, shoot, "fair-registration-empty")
    for title in FAIR_STANDS:
        repo.fair.add_stand(sid, title=title, contact_name="María López Cruz",
                            contact_phone="951 123 4567")
    repo.fair.add_authority(sid, name="Ing. Pedro Ruiz", post="Director",
                            agency="Obras Públicas")
    repo.fair.add_authority(sid, name="Lic. Ana Soto", post="Regidora", agency="Cabildo")
    _show(view, repo, sid, shoot, "fair-registration")
    for key in ("setup", "opening", "tour", "interest"):
        repo.phases.go_to(sid, key)
        _show(view, repo, sid, shoot, "fair-" + key)
    repo.phases.go_to(sid, "letters")
    repo.fair.draft_letter(sid, 1, 2)
    repo.fair.draft_letter(sid, 3, 1)
    _show(view, repo, sid, shoot, "fair-letters")
    repo.phases.go_to(sid, "closing")
    _show(view, repo, sid, shoot, "fair-closing")
    repo.votes.configure(sid, "vote", dots_per_person=2, max_per_option=1)
    repo.votes.set_counts(sid, "vote", {1: 14, 2: 9, 3: 14, 4: 6, 5: 8, 6: 3, 7: 2},
                          counter="Equipo STL", participants=30)
    _show(view, repo, sid, shoot, "fair-closing-counted")
    repo.phases.go_to(sid, "follow_up")
    _show(view, repo, sid, shoot, "fair-follow-up")


def pages_of(view) -> Iterator[int]:
    """Show each page of the view in turn (by its own keys), yielding the page number."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    count = view.page_count() if hasattr(view, "page_count") else 1
    for page in range(count):
        if page:
            QTest.keyClick(view, Qt.Key.Key_PageDown)
        view.grab()  # paints the page, exposed on a screen or not
        yield page


def render_room_views(out: Path, size: tuple[int, int], *, lang: str = "es",
                      prefix: str = "room") -> list[tuple[Path, object]]:
    """Save every page of every phase to ``out``; returns (png path, painted texts)."""
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop.core.clock import FakeClock
    from cocrea_desktop.ui import qt_i18n
    from cocrea_desktop.ui.projector import RoomView

    qt_i18n.install(lang)
    app = QApplication.instance()
    out.mkdir(parents=True, exist_ok=True)
    view = RoomView()
    view.resize(*size)
    view.show()
    results: list[tuple[Path, object]] = []

    def shoot(name: str) -> None:
        view.refresh()
        app.processEvents()
        for page in pages_of(view):
            path = out / f"{prefix}-{lang}-{name}-{page + 1}-{size[0]}x{size[1]}.png"
            view.grab().save(str(path))
            results.append((path, list(getattr(view, "painted", view.blocks))))

    try:
        walk_demo_rooms(view, FakeClock(), shoot=shoot)
        view.show_message("Receso de 10 minutos")
        shoot("message")
        view.show_message(None)
    finally:
        view.close()
    return results


def main(out: Path, lang: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["COCREA_DATA_DIR"] = tempfile.mkdtemp(prefix="cocrea-room-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - keeps Qt alive
    written: list[Path] = []
    for size in ((1024, 768), (1366, 768), (1920, 1080)):
        for path, _painted in render_room_views(out, size, lang=lang):
            written.append(path)
    return written


if __name__ == "__main__":
    args = sys.argv[1:]
    language = "es"
    if "--lang" in args:
        at = args.index("--lang")
        language = args[at + 1]
        del args[at:at + 2]
    target = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="cocrea-room-shots-"))
    for item in main(target, language):
        print(item, flush=True)
    os._exit(0)  # skip interpreter teardown: PySide6 6.12 can crash while collecting Qt objects
