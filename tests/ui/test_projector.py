"""The room view follows a session through its phases, fits every text, never shows personal
data, and obeys the facilitator's freeze, blank and message."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

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

    repo.phases.forward(sid)  # the round: ideas appear with their numbers
    for text in IDEAS:
        idea, changes = repo.ideas.add(sid, text)
        ops.bus().changed.emit(changes)
    shown = texts(room)
    assert shown["phase"] == "Ronda"
    numbers = [v for k, v in shown.items() if k.startswith("item_number_")]
    assert numbers == [str(n) for n in range(2, 10)]  # the latest eight
    assert "9 ideas en total" == shown["footer"]

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
    assert "Boletas recibidas: 3" in shown.values()

    ops.bus().changed.emit(repo.phases.forward(sid))  # discussion: results, as bars
    shown = texts(room)
    assert shown["items_title"] == "Resultados: Votación preliminar"
    assert shown["bar_number_0"] == "2" and shown["bar_value_0"] == "13 puntos"
    assert len(room.bar_rects) == 8
    widths = [rect.width() for rect, _value in room.bar_rects]
    assert widths == sorted(widths, reverse=True)
    assert "Cada boleta ordena hasta 5 ideas" in shown["footer"]
    assert all_fit(room) == []


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_every_text_fits_at_projector_sizes(ng, qtbot, tmp_path, size, clock):
    from scripts.room_screenshots import render_room_views

    repo, sid = ng
    paths = render_room_views(repo, sid, tmp_path, size, clock=clock)
    assert len(paths) >= 4
    for path, problems in paths:
        assert problems == [], path
        image = QImage(str(path))
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
    assert shown["note_0"] == "En el centro: Agencias del norte"
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
    assert "Huertos escolares" in shown and "Carta CC-001" in shown
    assert "María" not in shown and "951" not in shown
    repo.close()
