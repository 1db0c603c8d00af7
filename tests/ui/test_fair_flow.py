"""A whole idea fair run from the session screen, keyboard first, on a real process file."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cocrea_desktop.methods.idea_fair import qt as fair_panels
from cocrea_desktop.methods.idea_fair.pdf import letter_qr_payload
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests.ui.helpers import type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
STANDS = [
    ["Huertos escolares", "Huertos en tres primarias", "Poca verdura en la dieta",
     "Alimentación", "Colectivo Milpa Viva", "Tinacos y mangueras", "María López Cruz",
     "951 123 4567"],
    ["Alumbrado del camino", "Lámparas solares", "Inseguridad al anochecer", "Seguridad",
     "Comité de Padres", "40 lámparas", "José Hernández", ""],
    ["Radio comunitaria en zapoteco", "Avisos en lengua", ("La información solo llega en "
     "español"), "Información", "Radio Guelatao", "Un transmisor", "Rosa Martínez", ""],
]


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def screen(qtbot, tmp_path):
    qt_i18n.install("es")
    path = tmp_path / "feria.cocrea.db"
    repo = Repo.create(path, name="Plan de Acción Local 2027", municipality="Guelatao",
                       state="Oaxaca", responsible_body="Municipio de Guelatao")
    repo.attendance.set_privacy(body="Municipio de Guelatao",
                                notice="Sus datos se usan para el seguimiento.",
                                full_notice_at="Tablero del palacio municipal")
    sid, _ = repo.add_session(method="idea_fair", question="¿Qué proyectos van al PAL?",
                              date="2027-03-13", place="Explanada municipal")
    w = SessionScreen(repo, sid)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.close()
    repo.close()


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def type_fields(qtbot, values: list[str]) -> None:
    """Type each value into the focused field, Tab between them, Enter at the end."""
    for i, value in enumerate(values):
        if value:
            type_text(qtbot, focused(), value)
        if i < len(values) - 1:
            press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)


def next_phase(qtbot, screen, key: str) -> None:
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert screen.phase.key == key


def decode_first_page_qr(pdf: Path) -> list[str]:
    import pypdfium2
    import zxingcpp

    doc = pypdfium2.PdfDocument(str(pdf))
    image = doc[0].render(scale=3).to_pil()
    doc.close()
    return [r.text for r in zxingcpp.read_barcodes(image)]


def test_a_whole_idea_fair_from_the_keyboard(screen, qtbot, tmp_path, errors, monkeypatch):
    repo, sid = screen.repo, screen.session_id
    saves: list[Path] = []

    def save_path(_parent, _title, suggested):
        target = tmp_path / "out" / Path(suggested).name
        saves.append(target)
        return str(target)

    monkeypatch.setattr(fair_panels.FairFiles, "ask_save_path", staticmethod(save_path))

    # 1. Registro de equipos: Tab through the fields, Enter registers; F2 edits.
    teams = screen.panel()
    assert isinstance(teams, fair_panels.FairTeamsPanel)
    assert focused() is teams.edits["title"]
    for values in STANDS:
        type_fields(qtbot, values)
        assert focused() is teams.edits["title"]
    stands = repo.fair.stands(sid)
    assert [s.number for s in stands] == [1, 2, 3]
    assert stands[0].contact_name == "María López Cruz"
    assert stands[0].contact_phone == "951 123 4567"
    assert stands[2].problem == "La información solo llega en español"
    assert teams.count.text() == "Equipos registrados: 3"
    assert "Datos personales" in teams.personal.title()
    # The list never shows the contact person.
    shown = [teams.model.index(r, c).data() for r in range(3)
             for c in range(teams.model.columnCount())]
    assert "María López Cruz" not in shown
    teams.table.setFocus()
    teams.table.selectRow(1)
    press(qtbot, Qt.Key.Key_F2)
    assert focused() is teams.edits["title"]
    type_text(qtbot, focused(), "Alumbrado solar del camino")
    press(qtbot, Qt.Key.Key_Return)
    assert repo.fair.stand(sid, 2).title == "Alumbrado solar del camino"
    assert teams.editing_id is None

    # 2. Montaje: the map, and the stand list printed to PDF (no contact people).
    next_phase(qtbot, screen, "setup")
    stand_map = screen.panel()
    assert len(stand_map.cards) == 3
    # The guide asks for what the button does.
    assert screen.guide.now.text() == "Ahora: Imprima la lista de stands."
    assert stand_map.print_button.text() == "Imprimir lista de stands"
    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: stand_map.last_pdf is not None, timeout=15000)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(stand_map.last_pdf).pages)
    assert "Lista de stands" in text and "Alumbrado solar del camino" in text
    assert "María López" not in text and "951 123" not in text

    # 3. Apertura: two authorities, Tab between name, post and agency.
    next_phase(qtbot, screen, "opening")
    assert focused() is screen.panel().name
    type_fields(qtbot, ["Ing. Laura Ruiz Gómez", "Directora de Obras", "Municipio"])
    type_fields(qtbot, ["Lic. Tomás Aquino", "Regidor de Salud", "Cabildo"])
    assert [(a.number, a.post) for a in repo.fair.authorities(sid)] == [
        (1, "Directora de Obras"), (2, "Regidor de Salud")]

    # 4. Recorrido: stand number, Enter, authority number, Enter: logged with the time.
    next_phase(qtbot, screen, "tour")
    visits = screen.panel()
    for stand, authority in (("1", "1"), ("2", "1"), ("3", "2")):
        assert focused() is visits.stand
        type_text(qtbot, focused(), stand)
        press(qtbot, Qt.Key.Key_Return)
        assert focused() is visits.authority
        type_text(qtbot, focused(), authority)
        press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, focused(), "1")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, focused(), "2")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is visits.note
    type_text(qtbot, focused(), "Pidió medidas del terreno")
    press(qtbot, Qt.Key.Key_Return)
    logged = repo.fair.visits(sid)
    assert [(v.stand_number, v.authority_number) for v in logged] == [(1, 1), (2, 1), (3, 2),
                                                                      (1, 2)]
    assert logged[-1].notes == "Pidió medidas del terreno" and logged[0].visited_at
    assert visits.log_model.rowCount() == 4
    assert visits.log_model.index(0, 4).data() == "Pidió medidas del terreno"  # newest first
    type_text(qtbot, focused(), "9")  # no such stand: said in words, nothing logged
    assert visits.stand_name.text() == "No existe ese stand"
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, focused(), "1")
    press(qtbot, Qt.Key.Key_Return)
    assert errors == ["No existe el stand 9."]
    assert len(repo.fair.visits(sid)) == 4
    visits.stand.setText("")
    visits.authority.setText("")

    # 5. Interés: the matrix, cells cycled by keyboard; levels in words.
    next_phase(qtbot, screen, "interest")
    matrix = screen.panel()
    assert focused() is matrix.table
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Space)  # · -> me interesa -> pido reunión -> firmo
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_2)  # stand 2: pido reunión
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Return)  # stand 3, authority 2: me interesa
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Space)  # ... firmo compromiso
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_0)  # set, then cleared
    assert repo.fair.interest_matrix(sid) == {(1, 1): "commit", (2, 1): "meeting",
                                              (3, 2): "commit"}
    assert matrix.model.index(0, 0).data() == "Firmo compromiso"
    assert matrix.model.index(1, 0).data() == "Pido reunión"
    assert matrix.model.index(1, 1).data() == "·"

    # 6. Carta compromiso: stand, authority, then the fields; printed; a scan attached.
    next_phase(qtbot, screen, "letters")
    letters = screen.panel()
    assert focused() is letters.stand
    assert letters.agreements.count() == 4  # the prompt and three agreements
    type_text(qtbot, focused(), "1")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, focused(), "1")
    assert "Huertos escolares" in letters.prefill.text()
    assert "Ing. Laura Ruiz Gómez" in letters.prefill.text()
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is letters.edits["team_commits"]
    for value in ("Cuidar los huertos", "Instalar tres tinacos antes de junio",
                  "Visita a las escuelas", "27/03/2027", "Dirección de Obras, 951 501 0000",
                  "Ana Díaz (STL)"):
        type_text(qtbot, focused(), value)
        press(qtbot, Qt.Key.Key_Return)
    drafted = repo.fair.letters(sid)
    assert len(drafted) == 1
    letter = drafted[0]
    assert (letter.folio, letter.authority_commits, letter.next_step_date, letter.witness) == (
        "CC-001", "Instalar tres tinacos antes de junio", "2027-03-27", "Ana Díaz (STL)")
    # The next step's date is the follow-up's next meeting, in the same undoable step.
    assert letter.next_meeting == "2027-03-27"
    assert screen.undo_button.accessibleName() == "Deshacer: redactar la carta CC-001"
    # A second letter through the agreements list (stand 3 with authority 2).
    index = next(i for i in range(letters.agreements.count())
                 if letters.agreements.itemData(i) == (3, 2))
    letters.agreements.setCurrentIndex(index)
    letters.agreements.activated.emit(index)
    assert focused() is letters.edits["team_commits"]
    type_text(qtbot, focused(), "Grabar los avisos")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert [l.folio for l in repo.fair.letters(sid)] == ["CC-001", "CC-002"]

    letters.table.selectRow(0)
    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: letters.last_pdf is not None, timeout=15000)
    pdf = letters.last_pdf
    assert pdf.name == "carta-CC-001.pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    for expected in ("Carta compromiso", "CC-001", "Huertos escolares",
                     "Huertos en tres primarias", "Poca verdura en la dieta",
                     "Colectivo Milpa Viva", "María López Cruz", "Municipio",
                     "Directora de Obras", "Ing. Laura Ruiz Gómez", "Cuidar los huertos",
                     "Instalar tres tinacos antes de junio", "Visita a las escuelas",
                     "27 de marzo de 2027", "Dirección de Obras", "aviso de privacidad",
                     "Tablero del palacio municipal", "Testigo", "Ana Díaz (STL)",
                     "Explanada municipal", "Plan de Acción Local 2027",
                     "Proceso " + repo.process().id):
        assert expected in text, expected
    assert decode_first_page_qr(pdf) == [letter_qr_payload(repo.process().id, "CC-001")]

    scan = tmp_path / "carta-firmada.png"
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    image.save(str(scan))
    monkeypatch.setattr(fair_panels.FairFiles, "ask_open_path",
                        staticmethod(lambda *_a: str(scan)))
    letters.table.selectRow(0)
    qtbot.mouseClick(letters.attach_button, Qt.MouseButton.LeftButton)
    attached = repo.fair.attachments(letter.id)
    assert len(attached) == 1 and attached[0]["file_name"] == "carta-firmada.png"
    import hashlib

    assert attached[0]["sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert "SHA-256" in letters.scans.text()
    assert letters.model.index(0, 5).data() == "1"

    # 7. Cierre: the letters to read aloud; the public dot vote, apart.
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    next_phase(qtbot, screen, "closing")
    closing = screen.panel()
    assert "CC-001" in closing.letters.text() and "CC-002" in closing.letters.text()
    assert "aparte" in closing.apart.text()
    assert focused() is closing.vote.entry
    closing.vote.dots.setValue(2)  # two dots per person, at most one per stand
    closing.vote.entry.setFocus()
    rule = repo.votes.round(sid, "vote")
    assert rule.kind == "dots" and rule.params["dots_per_person"] == 2
    for ballot in ("1 3", "1 2", "3 1"):
        type_text(qtbot, focused(), ballot)
        press(qtbot, Qt.Key.Key_Return)
    assert repo.votes.count_ballots(sid, "vote") == 3
    tally = repo.votes.tally(sid, "vote")
    assert {row.option: row.dots for row in tally.rows if row.dots} == {1: 3, 2: 1, 3: 2}
    # The authorities' decisions are untouched by the room's vote.
    assert [l.status for l in repo.fair.letters(sid)] == ["pending", "pending"]

    # 8. Seguimiento: next meeting, responsible people, status; dropped needs a reason.
    next_phase(qtbot, screen, "follow_up")
    follow = screen.panel()
    assert follow.form_title.text() == "Seguimiento de la carta CC-001"
    assert follow.meeting.text() == "27/03/2027"      # from the letter's next step
    assert follow.model.index(0, 4).data() == "27/03/2027"
    assert follow.model.index(1, 4).data() == ""         # CC-002 has no next-step date
    follow.meeting.setFocus()
    type_text(qtbot, focused(), " 10:00")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, focused(), "Ing. Ruiz y María López")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is follow.status
    press(qtbot, Qt.Key.Key_Down)  # pendiente -> en proceso
    follow.meeting.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    first = repo.fair.letter(letter.id)
    assert (first.next_meeting, first.responsible, first.status) == (
        "27/03/2027 10:00", "Ing. Ruiz y María López", "in_progress")
    assert "En proceso" in follow.model.index(0, 6).data()

    follow.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert follow.form_title.text() == "Seguimiento de la carta CC-002"
    follow.status.setFocus()
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert follow.status.currentData() == "dropped"
    follow.reason.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # no reason: refused
    assert follow.feedback.text() == "Escriba por qué se descarta la carta."
    assert repo.fair.letters(sid)[1].status == "pending"
    type_text(qtbot, focused(), "El programa es estatal; se turna a la SEP")
    press(qtbot, Qt.Key.Key_Return)
    second = repo.fair.letters(sid)[1]
    assert (second.status, second.status_reason) == (
        "dropped", "El programa es estatal; se turna a la SEP")
    assert follow.model.index(1, 6).data() == (
        "Descartada: El programa es estatal; se turna a la SEP")

    assert errors == ["No existe el stand 9."]
    assert repo.pf.verify_journal().ok
    # The journal never holds the contact person in clear.
    journal = repo.pf.query("SELECT * FROM journal")
    assert not any("María López Cruz" in str(row) for row in journal)


def test_the_panels_say_what_to_do_when_empty(screen, qtbot):
    repo, sid = screen.repo, screen.session_id
    kinds = []
    for _ in range(7):
        repo.phases.forward(sid)
        screen.reload_phase()
        assert isinstance(screen.panel(), fair_panels.FairPanel)
        kinds.append(screen.phase.kind)
        if screen.phase.kind == "fair_map":
            assert screen.panel().empty.isVisible()
            assert not screen.panel().print_button.isEnabled()
    assert kinds == ["fair_map", "fair_authorities", "fair_visits", "fair_interest",
                     "fair_letters", "fair_closing", "fair_follow_up"]
    assert screen.panel().form_title.text() == "Aún no hay cartas compromiso."
