"""What the room must see, found missing in a facilitator's walk-through: bars in every
language, the merge it is asked to approve, which groups meet in a cluster, what matters in
each phase of the fair, and the question beside the ideas coming in."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.projector import RoomView

LONG = ["Pavimentar la calle principal que va de la cabecera a la agencia de San Juan",
        "Reparar la red de agua potable del barrio alto", "Alumbrado en el camino a la escuela",
        "Una clínica con médico todos los días", "Drenaje en la colonia nueva",
        "Recolección de basura dos veces por semana"]


@pytest.fixture
def room(qtbot):
    view = RoomView()
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    qtbot.waitExposed(view)
    yield view
    qt_i18n.install("es")


def texts(view: RoomView) -> dict[str, str]:
    view.repaint()
    return {b.name: b.text for b in view.blocks}


def forward_to(repo: Repo, sid: str, kind: str) -> None:
    while repo.phases.current(sid).kind != kind:
        repo.phases.forward(sid)


def nominal_group(tmp_path, ideas=LONG) -> tuple[Repo, str]:
    repo = Repo.create(tmp_path / "sala.cocrea.db", name="PAL", clock=FakeClock())
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué obra urge más?",
                              participant_count=10)
    forward_to(repo, sid, "capture")
    for text in ideas:
        repo.ideas.add(sid, text)
    return repo, sid


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_result_bars_show_in_both_languages_and_keep_one_scale(tmp_path, room, lang, size):
    qt_i18n.install(lang)
    room.resize(*size)
    repo, sid = nominal_group(tmp_path)
    forward_to(repo, sid, "vote")
    # Five ballots; ideas 3 and 4 end close ("casi empate" is a long label in Spanish).
    for ballot in ("1 2 3 4 5", "1 2 4 3 5", "1 3 2 4 6", "2 1 4 3 6", "1 2 3 4 6"):
        repo.votes.enter_ballot(sid, "preliminary", ballot)
    repo.phases.forward(sid)
    room.follow(repo, sid)
    shown = texts(room)
    labels = [v for k, v in shown.items() if k.startswith("result_label_")]
    assert labels and len(room.bar_rects) == len(labels)  # every row has its bar
    widths = [rect.width() for rect, _share in room.bar_rects]
    shares = [share for _rect, share in room.bar_rects]
    assert widths[0] > room.width() // 5  # a bar, not a speck
    for width, share in zip(widths, shares):  # proportional to the value, one scale
        assert abs(width - widths[0] * share / shares[0]) <= 2
    image = room.grab().toImage()
    rect = room.bar_rects[0][0]
    assert image.pixelColor(rect.center()).black() > 200  # really painted
    for rect, _share in room.bar_rects:  # the bar covers no words
        for block in room.blocks:
            assert not rect.intersects(block.rect) or not block.text, block.name
    repo.close()


def test_a_proposed_merge_shows_both_ideas_and_asks_the_room(tmp_path, room):
    qt_i18n.install("es")
    repo, sid = nominal_group(tmp_path)
    forward_to(repo, sid, "clarify")
    room.follow(repo, sid)
    merge, changes = repo.ideas.propose_merge(sid, [2, 6])
    ops.bus().changed.emit(changes)
    shown = texts(room)
    assert shown["items_title"] == "¿Son la misma idea?"
    assert room.page_count() == 1
    body = {v for k, v in shown.items() if k.startswith("item_")}
    assert {"2", "6", LONG[1], LONG[5]} <= body
    assert "Propuesta: la idea 2 incluye a la 6" in shown["footer"]
    ops.bus().changed.emit(repo.ideas.agree_merge(merge.id))  # agreed: the list again
    shown = texts(room)
    assert shown["items_title"] == "Ideas"
    assert any("incluye 6" in v for v in shown.values())
    repo.close()


def test_clusters_name_the_groups_that_raised_their_ideas(tmp_path, room):
    qt_i18n.install("es")
    repo = Repo.create(tmp_path / "pecera.cocrea.db", name="PAL", clock=FakeClock())
    sid, _ = repo.add_session(method="fishbowl", question="¿Cómo repartir las obras?")
    for label in ("Agencias del norte", "Cabecera", "Comités de obra"):
        repo.fishbowl.add_group(sid, label, size=4)
    groups = repo.fishbowl.groups(sid)
    a, _ = repo.ideas.add(sid, "Tomar en cuenta la distancia", group_key=groups[0].id)
    b, _ = repo.ideas.add(sid, "Las agencias lejanas primero", group_key=groups[1].id)
    _c, _ = repo.ideas.add(sid, "Caminos primero", group_key=groups[2].id)
    cluster, _ = repo.ideas.add_cluster(sid, "Tomar en cuenta la distancia")
    repo.ideas.set_cluster([a.id, b.id], cluster.id)
    forward_to(repo, sid, "cluster")
    room.follow(repo, sid)
    shown = texts(room)
    assert shown["item_text_0"] == ("Tomar en cuenta la distancia "
                                    "(ideas 1 y 2 · de Agencias del norte y Cabecera)")
    repo.close()


def test_each_phase_of_the_fair_shows_what_matters_in_it(tmp_path, room):
    qt_i18n.install("es")
    repo = Repo.create(tmp_path / "feria.cocrea.db", name="PAL", clock=FakeClock())
    sid, _ = repo.add_session(method="idea_fair", question="¿Qué proyectos sumamos?")
    repo.fair.add_stand(sid, title="Huertos escolares", contact_name="María López Cruz",
                        contact_phone="951 123 4567")
    repo.fair.add_stand(sid, title="Lámparas solares")
    repo.fair.add_authority(sid, name="Ing. Pedro Ruiz", post="Director",
                            agency="Obras Públicas")
    repo.fair.add_authority(sid, name="Lic. Ana Díaz", agency="Salud")
    room.follow(repo, sid)
    assert texts(room)["items_title"] == "Stands"
    forward_to(repo, sid, "fair_authorities")
    room.refresh()
    shown = texts(room)
    assert shown["items_title"] == "Autoridades presentes"
    assert shown["item_text_0"] == "Ing. Pedro Ruiz, Director, Obras Públicas"
    forward_to(repo, sid, "fair_visits")
    repo.fair.log_visit(sid, 2, 1)
    room.refresh()
    shown = texts(room)
    assert shown["items_title"] == "Autoridades presentes"
    assert "visitó el stand 2" in shown["item_text_0"]
    forward_to(repo, sid, "fair_interest")
    repo.fair.set_interest(sid, 1, 1, "meeting")
    repo.fair.set_interest(sid, 1, 2, "interested")
    room.refresh()
    shown = texts(room)
    assert shown["items_title"] == "Interés por stand"
    assert shown["item_text_0"] == "Huertos escolares (Me interesa: 1 · Pido reunión: 1)"
    assert shown["item_text_1"] == "Lámparas solares (sin interés todavía)"
    repo.fair.draft_letter(sid, 1, 1)
    forward_to(repo, sid, "fair_closing")
    repo.votes.set_counts(sid, "vote", {1: 7, 2: 3}, counter="Mesa")
    room.refresh()
    seen = []
    for _page in range(room.page_count()):
        seen += list(texts(room).values())
        room.next_page()
    shown = " ".join(seen)
    assert "Cartas compromiso" in shown
    assert "Carta CC-001: stand 1 (Huertos escolares) con Ing. Pedro Ruiz" in shown
    assert "María" not in shown and "951" not in shown
    repo.close()


def test_the_round_keeps_the_question_and_shows_the_newest_idea(tmp_path, room, qtbot):
    qt_i18n.install("es")
    repo, sid = nominal_group(tmp_path, ideas=LONG[:1])
    repo.phases.start_timer(sid)
    room.follow(repo, sid)
    shown = texts(room)
    assert shown["question"] == "¿Qué obra urge más?"
    for text in LONG[1:] * 2:
        _idea, changes = repo.ideas.add(sid, text)
        ops.bus().changed.emit(changes)
        shown = texts(room)
        numbers = [v for k, v in shown.items() if k.startswith("item_number_")]
        assert numbers[-1] == str(len(repo.ideas.list(sid)))  # the newest idea in sight
        assert shown["question"] == "¿Qué obra urge más?"
    assert room.page_count() >= 2
    room.follow(None, None)  # its timer reads no more
    repo.close()
