"""A whole citizens' jury run from the session screen on a real process file: the pool with
consent, the quotas, the draw off the GUI thread with its progress, a replacement, the
record PDF, witnesses with hashed documents, the deliberation and the report PDF; and
what the room view shows (never a volunteer's name)."""

from __future__ import annotations

import hashlib

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from cocrea_desktop.methods.jury import qt as jury_panels
from cocrea_desktop.methods.jury.qt import common as jury_common
from cocrea_desktop.methods.jury.qt import operations as jops
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.projector import RoomView
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests.methods.jury.helpers import AGES, COMMUNITIES, DICE, pool_features
from tests.ui.helpers import type_text

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def errors(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, err: seen.append(err.message))
    return seen


@pytest.fixture
def made(qtbot, tmp_path):
    qt_i18n.install("es")
    repo = Repo.create(tmp_path / "jurado.cocrea.db", name="PAL 2027", municipality="Cuicatlán",
                       state="Oaxaca", responsible_body="STL de Cuicatlán")
    repo.attendance.set_privacy(body="STL de Cuicatlán",
                                notice="Sus datos se usan solo para el sorteo y para avisarle.",
                                full_notice_at="Tablero del palacio municipal")
    sid, _ = repo.add_session(method="jury", question="¿Cómo cuidamos el agua?")
    w = SessionScreen(repo, sid)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield repo, sid, w
    w.close()
    repo.close()


def pdf_text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_jury_end_to_end_through_the_window(made, qtbot, errors, monkeypatch, tmp_path):
    repo, sid, screen = made
    saved = iter([str(tmp_path / "acta.pdf"), str(tmp_path / "informe.pdf")])
    monkeypatch.setattr(jury_common.JuryFiles, "ask_save_path",
                        staticmethod(lambda *_a: next(saved)))
    doc = tmp_path / "padron_tomas.pdf"
    doc.write_bytes(b"%PDF-1.4 padron")
    monkeypatch.setattr(jury_common.JuryFiles, "ask_documents",
                        staticmethod(lambda *_a: [str(doc)]))

    pool = screen.panel()
    assert isinstance(pool, jury_panels.PoolPanel)
    assert "Sus datos se usan solo para el sorteo" in pool.notice.text()
    # Without the consent tick: refused in Spanish, nothing recorded.
    type_text(qtbot, pool.name, "Guadalupe Cruz Aquino")
    pool.community.setEditText("San Miguel")
    pool.sex.setCurrentText("Mujer")
    pool.age.setCurrentText("18-29")
    qtbot.mouseClick(pool.add_button, Qt.MouseButton.LeftButton)
    assert errors and "aviso de privacidad" in errors[-1]
    assert repo.jury.volunteers(sid) == []
    pool.consent.setChecked(True)
    type_text(qtbot, pool.contact, "951 100 2020")
    qtbot.mouseClick(pool.add_button, Qt.MouseButton.LeftButton)
    assert [v.name for v in repo.jury.volunteers(sid)] == ["Guadalupe Cruz Aquino"]
    assert pool.pool.rowCount() == 1 and not pool.consent.isChecked()
    for i, features in enumerate(pool_features(29), start=2):  # the rest, as the form does
        jops.add_volunteer(parent=pool, repo=repo, session_id=sid, name=f"Persona {i}",
                           contact="", features=features, consent=True)
    assert pool.pool.rowCount() == 30
    # Quotas through the form.
    pool.feature.setEditText("comunidad")
    for c in COMMUNITIES:
        pool.value.setEditText(c)
        pool.minimum.setValue(1)
        pool.maximum.setValue(6)
        qtbot.mouseClick(pool.quota_button, Qt.MouseButton.LeftButton)
    for feature, value, low, high in ([("sexo", "Mujer", 5, 7), ("sexo", "Hombre", 5, 7)]
                                      + [("edad", a, 2, 6) for a in AGES]):
        jops.set_quota(parent=pool, repo=repo, session_id=sid, feature=feature, value=value,
                       minimum=low, maximum=high)
    assert pool.quotas.rowCount() == 8 and len(errors) == 1

    qtbot.keyClick(screen, Qt.Key.Key_Right, ALT)
    draw = screen.panel()
    assert isinstance(draw, jury_panels.DrawPanel)
    type_text(qtbot, draw.dice, "3 6 9")
    type_text(qtbot, draw.witnesses, "Juana Pérez y Luis Ruiz")
    qtbot.mouseClick(draw.draw_button, Qt.MouseButton.LeftButton)
    assert "del 1 al 6" in errors[-1] and repo.jury.record(sid) is None
    draw.dice.setText(DICE)
    qtbot.mouseClick(draw.draw_button, Qt.MouseButton.LeftButton)
    assert draw.draw_task is not None and draw.progress.isVisible()  # off the GUI thread
    qtbot.waitUntil(lambda: repo.jury.record(sid) is not None, timeout=120_000)
    qtbot.waitUntil(lambda: draw.draw_task is None)
    assert not draw.progress.isVisible()
    record = repo.jury.record(sid)
    assert draw.members.rowCount() == 12 and draw.replacements.rowCount() == 18
    assert "Jurado:" in draw.result.text() and str(record.seed) in draw.seed_line.text()
    assert not draw.seed_box.isVisible()
    # A member withdraws: the replacement keeps the quotas.
    draw.members.selectRow(0)
    leaving = int(draw.members.item(0, 0).text())
    draw.reason.setText("se mudó a Oaxaca")
    qtbot.mouseClick(draw.replace_button, Qt.MouseButton.LeftButton)
    swaps = repo.jury.swaps(sid)
    assert [s.withdrawn for s in swaps] == [leaving], errors
    assert "Entra al jurado" in draw.feedback.text()
    qtbot.mouseClick(draw.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: draw.last_pdf is not None, timeout=30_000)
    text = pdf_text(draw.last_pdf)
    assert str(record.seed) in text and "Guadalupe" not in text and "se mudó" in text

    qtbot.keyClick(screen, Qt.Key.Key_Right, ALT)
    wit = screen.panel()
    assert isinstance(wit, jury_panels.WitnessesPanel)
    type_text(qtbot, wit.name, "Lic. Patricia Reyes")
    type_text(qtbot, wit.role, "Tesorería municipal")
    wit.summary.setPlainText("Hay 212 tomas sin registro.")
    qtbot.mouseClick(wit.docs_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wit.add_button, Qt.MouseButton.LeftButton)
    found = repo.jury.witnesses(sid)
    assert found[0].documents[0]["sha256"] == hashlib.sha256(b"%PDF-1.4 padron").hexdigest()
    assert wit.table.rowCount() == 1

    qtbot.keyClick(screen, Qt.Key.Key_Right, ALT)
    deliberation = screen.panel()
    assert isinstance(deliberation, jury_panels.DeliberationPanel)
    type_text(qtbot, deliberation.note_entry, "Se pidió el padrón de tomas.")
    qtbot.keyClick(deliberation.note_entry, Qt.Key.Key_Return)
    assert deliberation.notes.count() == 1
    deliberation.text.setPlainText("Registrar todas las tomas.")
    qtbot.mouseClick(deliberation.add_button, Qt.MouseButton.LeftButton)
    deliberation.text.setPlainText("Cobrar por tramos.")
    deliberation.agreement.setCurrentIndex(1)
    deliberation.spins["support"].setValue(8)
    deliberation.spins["against"].setValue(3)
    deliberation.spins["abstain"].setValue(1)
    qtbot.mouseClick(deliberation.add_button, Qt.MouseButton.LeftButton)
    recs = repo.jury.recommendations(sid)
    assert [r.agreement for r in recs] == ["consensus", "support"]
    assert "8 de 12" in deliberation.table.item(1, 2).text()
    qtbot.mouseClick(deliberation.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: deliberation.last_pdf is not None, timeout=30_000)
    report = pdf_text(deliberation.last_pdf)
    assert "Registrar todas las tomas" in report and "Lic. Patricia Reyes" in report


def test_room_view_shows_numbers_never_names(qtbot, repo):
    from tests.methods.jury.helpers import new_jury

    sid = new_jury(repo)
    room = RoomView()
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    qtbot.waitExposed(room)
    room.follow(repo, sid)
    room.grab()
    shown = " ".join(b.text for b in room.blocks)
    assert "Cuotas del jurado" in shown and "30 personas voluntarias" in shown
    assert "comunidad: El Llano" in shown
    repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana")
    repo.phases.go_to(sid, "draw")
    room.follow(repo, sid)
    room.grab()
    shown = " ".join(b.text for b in room.blocks)
    assert "El jurado sorteado (12)" in shown and "Persona Voluntaria" not in shown
    assert [b.name for b in room.blocks if not b.fits()] == []


def test_erasing_a_volunteer_from_the_pool_panel(made, qtbot, errors, monkeypatch):
    from cocrea_desktop.methods.jury.qt import pool as pool_module

    repo, sid, screen = made
    for i, features in enumerate(pool_features(3), start=1):
        jops.add_volunteer(parent=screen, repo=repo, session_id=sid, name=f"Persona {i}",
                           contact="951 000 0000", features=features, consent=True)
    pool = screen.panel()
    asked = []
    monkeypatch.setattr(pool_module.JuryAsk, "confirm",
                        staticmethod(lambda box, yes: asked.append(box.text()) or False))
    pool.pool.selectRow(1)
    qtbot.mouseClick(pool.remove_button, Qt.MouseButton.LeftButton)
    assert asked and repo.jury.volunteers(sid)[1].name == "Persona 2"  # cancelled: kept
    monkeypatch.setattr(pool_module.JuryAsk, "confirm", staticmethod(lambda box, yes: True))
    pool.pool.selectRow(1)
    qtbot.mouseClick(pool.remove_button, Qt.MouseButton.LeftButton)
    erased = repo.jury.volunteers(sid)[1]
    assert erased.name == "" and erased.contact == "" and erased.status == "withdrawn"
    assert pool.pool.rowCount() == 2 and errors == []
