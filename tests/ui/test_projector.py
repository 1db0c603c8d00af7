"""The room view follows a session through its phases, fits every text, never shows personal
data, and obeys the facilitator's freeze, blank and message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QImage

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.projector import RoomView, format_clock

IDEAS = ["Tandeo: el agua llega solo dos días por semana", "Tuberías viejas con fugas",
         "El agua sale turbia después de las lluvias",
         "No hay medidores y el cobro es igual para todos",
         "La bomba del pozo se descompone seguido", "Falta una cisterna en la escuela",
         "Las colonias altas no reciben agua", "Nadie informa cuándo habrá cortes",
         "Cuidar el manantial de la cañada, que es de todos y se está secando por la tala"]


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def ng(tmp_path, clock):
    qt_i18n.install("es")
    repo = Repo.create(tmp_path / "sala.cocrea.db", name="PAL 2027", clock=clock)
    sid, _ = repo.add_session(method="nominal_group", table_label="Mesa 1 · Cabecera",
                              question="¿Qué problemas de agua potable afectan más a su "
                                       "comunidad?", participant_count=10)
    yield repo, sid
    repo.close()


@pytest.fixture
def room(qtbot):
    view = RoomView()
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    return view


def texts(view: RoomView) -> dict[str, str]:
    view.repaint()
    return {b.name: b.text for b in view.blocks}


def all_fit(view: RoomView) -> list[str]:
    view.repaint()
    return [f"{b.name}: {b.text!r} at {b.px}px in {b.rect}" for b in view.blocks if not b.fits()]


def test_clock_format():
    assert format_clock(600) == "10:00"
    assert format_clock(59.2) == "01:00"
    assert format_clock(0.4) == "00:01"
    assert format_clock(0) == "00:00"
    assert format_clock(-0.5) == "00:00"
    assert format_clock(-61) == "-01:01"


def test_follows_a_nominal_group_through_every_phase(ng, room, clock):
    repo, sid = ng
    room.follow(repo, sid)
    shown = texts(room)
    assert shown["phase"] == "Pregunta" and "agua potable" in shown["question"]

    ops.bus().changed.emit(repo.phases.forward(sid))  # silent writing, with its timer
    assert texts(room)["clock"] == "10:00"
    repo.phases.start_timer(sid)
    clock.advance(9 * 60 + 30)
    room.refresh()
    shown = texts(room)
    assert shown["clock"] == "00:30" and shown["clock_caption"] == "¡Queda un minuto!"
    clock.advance(45)
    room.refresh()
    shown = texts(room)
    assert shown["clock"] == "-00:15" and shown["clock_caption"] == "Tiempo"

    repo.phases.forward(sid)  # the round: ideas appear with their numbers, page by page
    for text in IDEAS:
        idea, changes = repo.ideas.add(sid, text)
        ops.bus().changed.emit(changes)
    shown = texts(room)
    assert shown["phase"] == "Ronda"
    assert room.page_count() >= 2  # nine ideas do not shrink: they take pages
    numbers = [v for k, v in shown.items() if k.startswith("item_number_")]
    assert numbers[-1] == "9"  # while ideas come in, the page with the newest one
    assert shown["page"] == "{} / {}".format(room.page_count(), room.page_count())
    assert "9 ideas en total" == shown["footer"]
    every = []
    for _page in range(room.page_count()):
        room.next_page()
        every += [v for k, v in texts(room).items() if k.startswith("item_number_")]
    assert sorted(every, key=int) == [str(n) for n in range(1, 10)]

    repo.phases.forward(sid)  # clarification: a merge is shown as such
    merge, _ = repo.ideas.propose_merge(sid, [2, 9])
    repo.ideas.agree_merge(merge.id)
    room.refresh()
    assert any("incluye 9" in v for v in texts(room).values())

    repo.phases.forward(sid)  # the vote: the options and the ballots received
    for ballot in ("1 2 3 4 5", "2 1 7 3 4", "7 2 1 6 3"):
        _ballot, changes = repo.votes.enter_ballot(sid, "preliminary", ballot)
        ops.bus().changed.emit(changes)
    shown = texts(room)
    assert shown["footer"] == "Boletas recibidas: 3"

    ops.bus().changed.emit(repo.phases.forward(sid))  # discussion: results, by place
    shown = texts(room)
    assert shown["items_title"] == "Resultados: Votación preliminar"
    # The place is apart from the idea's number: "1.º", then "idea 2 · 13 puntos".
    assert shown["place_0"] == "1.º" and shown["result_label_0"].startswith("idea 2 · 13 puntos")
    assert shown["place_1"] == "2.º" and shown["result_label_1"].startswith("idea 1 · ")
    widths = [rect.width() for rect, _value in room.bar_rects]
    assert widths == sorted(widths, reverse=True)
    sentences = []
    for _page in range(room.page_count() - 1):
        room.next_page()
        shown = texts(room)
        if shown["items_title"] == "Cómo se decidieron los lugares":  # in words, apart
            assert not any(k.startswith("place_") for k in shown)
            sentences += [v for k, v in shown.items() if k.startswith("note_")]
    assert sentences[0].startswith("Cada boleta ordena hasta 5 ideas")
    assert any("casi empatan" in s for s in sentences)
    assert all_fit(room) == []


def test_pages_turn_by_themselves_by_key_and_from_the_facilitator(ng, room, qtbot):
    repo, sid = ng
    repo.phases.forward(sid)
    repo.phases.forward(sid)
    for text in IDEAS:
        repo.ideas.add(sid, text)
    room.follow(repo, sid)
    assert room.page_count() >= 2
    last = room.page_count() - 1
    assert room.page_index == 0  # a phase opens on its first page
    qtbot.keyClick(room, Qt.Key.Key_PageDown)
    assert room.page_index == 1
    qtbot.keyClick(room, Qt.Key.Key_Left)
    assert room.page_index == 0
    qtbot.keyClick(room, Qt.Key.Key_PageUp)
    assert room.page_index == last  # round and round
    qtbot.keyClick(room, Qt.Key.Key_Right)
    assert room.page_index == 0
    room.set_page_seconds(2)
    qtbot.waitUntil(lambda: room.page_index == 1, timeout=3500)
    room.set_frozen(True)  # frozen: the page stays
    qtbot.wait(2300)
    assert room.page_index == 1
    room.set_frozen(False)


def test_facilitator_turns_the_room_page(ng, qtbot, monkeypatch):
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    repo, sid = ng
    repo.phases.forward(sid)
    repo.phases.forward(sid)
    for text in IDEAS:
        repo.ideas.add(sid, text)
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    screen.toggle_room_view()
    room = screen.room
    assert room.isVisible() and room.page_count() >= 2
    start = room.page_index
    screen.activateWindow()
    screen.act_room_next.trigger()
    assert room.page_index == (start + 1) % room.page_count()
    screen.act_room_back.trigger()
    assert room.page_index == start
    assert [k.toString() for k in screen.act_room_next.shortcuts()] == ["Alt+PgDown"]
    room.close()


def test_escape_in_the_room_view_closes_it_and_the_button_follows(ng, qtbot):
    """Walk-through defect: Esc did nothing in the projector's window."""
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    repo, sid = ng
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    screen.toggle_room_view()
    assert screen.room.isVisible() and screen.room_button.isChecked()
    qtbot.keyClick(screen.room, Qt.Key.Key_Escape)
    assert not screen.room.isVisible() and not screen.room_button.isChecked()
    screen.toggle_room_view()
    assert screen.room.isVisible()
    screen.room.close()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_text_fits_at_other_projector_sizes(qtbot, tmp_path, size):
    """1024x768 is checked letter by letter in test_room_readable; here the other sizes."""
    from scripts.room_screenshots import render_room_views

    shots = render_room_views(tmp_path, size)
    assert len(shots) >= 60
    for path, painted in shots:
        for p in painted:
            assert QFontInfo(p.font).pixelSize() >= 0.05 * size[1], (path, p.name)
            assert p.rect.adjusted(-1, -1, 1, 1).contains(p.drawn), (path, p.name, p.text)
    image = QImage(str(shots[0][0]))
    assert (image.width(), image.height()) == size


def test_freeze_blank_and_message(ng, room):
    repo, sid = ng
    room.follow(repo, sid)
    room.set_frozen(True)
    repo.phases.forward(sid)
    room.refresh()
    assert texts(room)["phase"] == "Pregunta"  # frozen: the room still sees the last picture
    room.set_frozen(False)
    assert texts(room)["phase"] == "Escritura en silencio"
    room.show_message("Receso 10 minutos")
    assert texts(room) == {"message": "Receso 10 minutos"}
    room.show_message(None)
    room.set_blank(True)
    image = room.grab().toImage()
    assert image.pixelColor(10, 10).black() > 250 and image.pixelColor(500, 400).black() > 250
    room.set_blank(False)
    room.set_theme("dark")
    assert room.grab().toImage().pixelColor(3, 3).black() > 250


def test_fishbowl_shows_the_group_in_the_centre_and_the_order(tmp_path, room, clock):
    repo = Repo.create(tmp_path / "pecera.cocrea.db", name="PAL", clock=clock)
    sid, _ = repo.add_session(method="fishbowl", question="¿Cómo repartir las obras?")
    for label in ("Agencias del norte", "Cabecera", "Comités de obra"):
        repo.fishbowl.add_group(sid, label, size=4)
    repo.fishbowl.draw_order(sid, shuffle=lambda items: None)
    repo.phases.forward(sid)
    first = repo.fishbowl.current_turn(sid).group
    repo.fishbowl.start_turn(sid, first.id)
    clock.advance(125)
    room.follow(repo, sid)
    shown = texts(room)
    assert shown["footer"] == "En el centro: Agencias del norte"
    assert shown["clock"] == "07:55"
    assert [shown[f"item_text_{i}"] for i in range(3)][0].startswith("Agencias del norte")
    repo.close()


def test_idea_fair_never_shows_contact_persons(tmp_path, room):
    repo = Repo.create(tmp_path / "feria.cocrea.db", name="PAL")
    sid, _ = repo.add_session(method="idea_fair", question="¿Qué proyectos sumamos?")
    repo.fair.add_stand(sid, title="Huertos escolares", contact_name="María López Cruz",
                        contact_phone="951 123 4567")
    repo.fair.add_authority(sid, name="Ing. Pedro Ruiz", agency="Obras Públicas")
    repo.fair.draft_letter(sid, 1, 1)
    room.follow(repo, sid)
    shown = " ".join(texts(room).values())
    room.next_page()  # the letters have a page of their own
    shown += " " + " ".join(texts(room).values())
    assert "Huertos escolares" in shown and "Carta CC-001" in shown
    assert "María" not in shown and "951" not in shown
    repo.close()


def test_the_room_clock_reads_nothing_once_the_process_is_closed(ng, qtbot):
    """A teardown error seen under load: the room's clock ticked on a closed file."""
    repo, sid = ng
    repo.phases.forward(sid)  # a phase with a timer: the room's clock ticks
    room = RoomView()
    qtbot.addWidget(room)
    room.follow(repo, sid)
    room.show()
    assert room.tick.isActive()
    repo.close()
    room._tick()  # raised "Cannot operate on a closed database" before
    assert room.state is None and not room.tick.isActive()
