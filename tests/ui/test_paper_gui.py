"""Paper ballots in the vote panel, driven as a facilitator would, on real files.

Print through the dialog (in the background), scan with a keyboard-wedge reader
(typed payload + Enter), read a folder of scans and enter the queued ballots, and
see the register balance.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import Qt

from cocrea_desktop.export.paper import print_ballots
from cocrea_desktop.store.register import DUPLICATE
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views import paper_widgets
from cocrea_desktop.ui.views.paper_widgets import PaperBallotsBox, PrintBallotsDialog
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests.export.test_paper_roundtrip import render_pages
from tests.ui.helpers import type_text
from tests.ui.vote_fixtures import IDEAS, errors, sid, vote  # noqa: F401, F811 (fixtures)


def scan(qtbot, panel, text: str) -> None:
    """What a USB scanner does: types the payload, then Enter."""
    type_text(qtbot, panel.paper.scan, text)
    qtbot.keyClick(panel.paper.scan, Qt.Key.Key_Return)


def enter_marks(qtbot, panel, marks: str) -> None:
    type_text(qtbot, panel.entry, marks)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)


def test_save_through_the_dialog_in_the_background(vote, repo, sid, qtbot, tmp_path, errors,
                                                   monkeypatch):
    opened: list = []
    monkeypatch.setattr(PrintBallotsDialog, "ask_open", staticmethod(lambda _p, path: True))
    monkeypatch.setattr(PrintBallotsDialog, "open_file", staticmethod(opened.append))
    vote.paper.print_button.click()
    dialog = vote.paper.print_dialog
    assert isinstance(dialog, PrintBallotsDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.count.setValue(6)
    dialog.per_page.setCurrentIndex(dialog.per_page.findData(2))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    target = tmp_path / "salida" / "boletas-mesa1"
    target.parent.mkdir()
    dialog.file.clear()
    type_text(qtbot, dialog.file, str(target))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=20_000)
    pdf = target.with_name("boletas-mesa1.pdf")
    assert pdf.exists() and dialog.output == pdf
    assert "Las boletas están listas (6) en:" in dialog.status.text()
    assert str(pdf) in dialog.status.text()
    assert opened == [pdf]  # offered to open the PDF, and opened it
    assert len(render_pages(pdf, tmp_path / "p")) == 3  # 2 per page
    assert len(repo.register.issued(sid, "preliminary")) == 6
    assert vote.paper.register.text().startswith("Emitidas 6 · Devueltas 0 · Sin devolver 6")
    assert errors == []


def test_cancel_printing_issues_nothing(vote, repo, sid, qtbot, tmp_path, monkeypatch, errors):
    from cocrea_desktop.export.pdf import ballots as pdf_ballots

    real = pdf_ballots.render_ballots_pdf

    def slow(spec, *, progress=None, cancelled=None):
        while not cancelled():  # a long print: wait for the user's cancel
            time.sleep(0.01)
        return real(spec, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(pdf_ballots, "render_ballots_pdf", slow)
    vote.paper.print_button.click()
    dialog = vote.paper.print_dialog
    dialog.count.setValue(3)
    dialog.file.setText(str(tmp_path / "b.pdf"))
    dialog.save_button.click()
    assert dialog.running()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=20_000)
    assert "Impresión cancelada. No se emitió ningún folio." in dialog.status.text()
    assert repo.register.summary(sid, "preliminary").issued == 0
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".ballots-*")) == []
    assert errors == []


def test_keyboard_wedge_then_marks_then_duplicate(vote, repo, sid, qtbot, tmp_path, errors):
    print_ballots(repo, sid, "preliminary", 3, tmp_path / "b.pdf")
    serials = [r["serial"] for r in repo.register.issued(sid, "preliminary")]
    payload = repo.register.payloads(sid, "preliminary", serials[:1])[0][1]
    vote.refresh()
    scan(qtbot, vote, payload)
    shown = f"{serials[0][:3]}-{serials[0][3:]}"
    assert vote.paper.current == serials[0]
    assert "Folio en captura: " + shown in vote.paper.current_label.text()
    qtbot.waitUntil(vote.entry.hasFocus)  # the marks go straight to the entry line
    assert vote.paper.scan.text() == ""
    assert "capture sus marcas" in vote.paper.message.text()
    enter_marks(qtbot, vote, "2 1 5")
    ballot = repo.votes.ballots(sid, "preliminary")[0]
    assert ballot.serial == serials[0] and ballot.marks
    assert vote.paper.current == ""
    # Saved: no stale "capture its marks" under "Sin folio"; the example fits the vote
    # (5 ideas, 3 places per ballot).
    assert vote.paper.current_label.text().startswith("Sin folio")
    assert vote.paper.message.text() == ""
    assert vote.entry.placeholderText() == "p. ej. 3 1 5"
    tally = repo.votes.tally(sid, "preliminary")
    points = {row.option: row.points for row in tally.rows}

    scan(qtbot, vote, payload.lower())  # caps lock on the reader: still the same ballot
    assert "ya se registró: no se cuenta dos veces" in vote.paper.message.text()
    assert vote.paper.scan.hasFocus()  # ready for the next ballot, marks not expected
    assert vote.paper.current == ""
    enter_marks(qtbot, vote, "3 4 5")  # the next ballot typed is a ballot without serial
    assert {r.option: r.points for r in repo.votes.tally(sid, "preliminary").rows} != points
    assert repo.votes.ballots(sid, "preliminary")[1].serial == ""

    # A serial typed by hand, as printed on the stub.
    second = f"{serials[1][:3]}-{serials[1][3:]}"
    scan(qtbot, vote, second)
    assert vote.paper.current == serials[1]
    assert "Emitidas 3 · Devueltas 1 · Sin devolver 2 · Contadas 1" in \
        vote.paper.register.text()
    assert "Sin folio 1" in vote.paper.register.text()
    assert errors == []


def test_duplicate_leaves_the_tally_unchanged(vote, repo, sid, qtbot, tmp_path, errors):
    print_ballots(repo, sid, "preliminary", 1, tmp_path / "b.pdf")
    serial = repo.register.issued(sid, "preliminary")[0]["serial"]
    payload = repo.register.payloads(sid, "preliminary", [serial])[0][1]
    scan(qtbot, vote, payload)
    enter_marks(qtbot, vote, "1 2 3")
    before = [(r.option, r.points) for r in repo.votes.tally(sid, "preliminary").rows]
    scan(qtbot, vote, payload)
    assert "ya se registró" in vote.paper.message.text()
    assert vote.paper.current == ""
    assert [(r.option, r.points) for r in repo.votes.tally(sid, "preliminary").rows] == before
    assert repo.votes.count_ballots(sid, "preliminary") == 1
    assert errors == []


def test_other_session_is_named_and_forged_is_rejected(vote, repo, sid, qtbot, tmp_path,
                                                       errors):
    other, _ = repo.add_session(method="nominal_group", question="¿Y la escuela?",
                                table_label="Mesa 7")
    for text in ("Techo", "Maestros", "Baños"):
        repo.ideas.add(other, text)
    print_ballots(repo, other, "preliminary", 1, tmp_path / "otra.pdf")
    serial = repo.register.issued(other, "preliminary")[0]["serial"]
    payload = repo.register.payloads(other, "preliminary", [serial])[0][1]
    scan(qtbot, vote, payload)
    message = vote.paper.message.text()
    assert "es de otra sesión" in message and "¿Y la escuela?" in message and "Mesa 7" in message
    assert vote.paper.current == ""

    print_ballots(repo, sid, "preliminary", 1, tmp_path / "b.pdf")
    mine = repo.register.issued(sid, "preliminary")[0]["serial"]
    good = repo.register.payloads(sid, "preliminary", [mine])[0][1]
    mac = good.split()[-1]
    forged = good[:-len(mac)] + ("0" if mac[0] != "0" else "1") + mac[1:]
    scan(qtbot, vote, forged)
    assert "no es de este proceso" in vote.paper.message.text()
    assert vote.paper.current == ""
    scan(qtbot, vote, "hola mundo")
    assert "no es una boleta de CoCrea" in vote.paper.message.text()
    enter_marks(qtbot, vote, "1 2 3")
    assert repo.votes.ballots(sid, "preliminary")[0].serial == ""  # nothing was attached
    assert errors == []


def test_folder_of_scans_is_read_and_queued(vote, repo, sid, qtbot, tmp_path, monkeypatch,
                                            errors):
    """Blank ballots read from a folder are never counted: they wait for review (a person
    types their marks); a counted one is refused with why; a bad file is named."""
    from cocrea_desktop.ui.views.review_window import ReviewWindow

    print_ballots(repo, sid, "preliminary", 4, tmp_path / "b.pdf", per_page=2)
    serials = [r["serial"] for r in repo.register.issued(sid, "preliminary")]
    folder = tmp_path / "escaneos"
    render_pages(tmp_path / "b.pdf", folder)
    (folder / "vacia.png").write_bytes(b"not an image")
    repo.votes.enter_ballot(sid, "preliminary", "1 2 3", serial=serials[0])  # already counted
    vote.refresh()
    monkeypatch.setattr(PaperBallotsBox, "ask_folder", staticmethod(lambda *_a: str(folder)))
    vote.paper.act_folder.trigger()
    qtbot.waitUntil(lambda: vote.paper.task is None and vote.paper.last_scan is not None,
                    timeout=20_000)
    items = [vote.paper.results.item(i).text() for i in range(vote.paper.results.count())]
    assert sum("en revisión: La boleta no tiene marcas" in t for t in items) == 3
    assert sum("no se cuenta" in t and "ya se registró" in t for t in items) == 1
    assert any("vacia.png" in t for t in items)
    assert vote.paper.message.text() == (
        "Se capturaron 0 boletas como las leyó la máquina. 3 boletas esperan revisión. "
        "1 boleta no se cuenta (vea por qué en la lista). 1 archivo o página sin código "
        "legible.")
    assert len(repo.votes.ballots(sid, "preliminary")) == 1  # nothing counted silently
    assert vote.paper.review_button.text() == "Revisar dudosas (3)…"
    qtbot.mouseClick(vote.paper.review_button, Qt.MouseButton.LeftButton)
    window = vote.paper.review_window
    assert isinstance(window, ReviewWindow)
    for marks in ("1 2 3", "2 3 4", "3 4 5"):
        assert window.entry.text() == ""  # nothing was read: nothing pre-filled
        type_text(qtbot, window.entry, marks)
        qtbot.keyClick(window.entry, Qt.Key.Key_Return)
    assert window.title.text() == "No hay boletas en revisión."
    entered = {b.serial for b in repo.votes.ballots(sid, "preliminary")}
    assert entered == set(serials)
    assert vote.paper.register.text() == (
        "Emitidas 4 · Devueltas 4 · Sin devolver 0 · Contadas 4 · Nulas 0 · Estropeadas 0 · "
        "Sin folio 0 · Leídas por la máquina 0 · Confirmadas por una persona 3 — cuadra")
    assert errors == []


def test_spoiled_ballot_and_reconciliation_shown(vote, repo, sid, qtbot, tmp_path, monkeypatch,
                                                 errors):
    print_ballots(repo, sid, "preliminary", 3, tmp_path / "b.pdf")
    serials = [r["serial"] for r in repo.register.issued(sid, "preliminary")]
    vote.refresh()
    monkeypatch.setattr(PaperBallotsBox, "ask_serial", staticmethod(
        lambda _p: f"{serials[2][:3]}-{serials[2][3:]}"))
    vote.paper.spoiled_button.click()
    assert "quedó como estropeada" in vote.paper.message.text()
    scan(qtbot, vote, serials[0])
    enter_marks(qtbot, vote, "9")  # every entry void: a void ballot
    text = vote.paper.register.text()
    assert text == ("Emitidas 3 · Devueltas 2 · Sin devolver 1 · Contadas 0 · Nulas 1 · "
                    "Estropeadas 1 · Sin folio 0 — cuadra")
    assert vote.paper.register.isVisible()
    scan(qtbot, vote, serials[2])
    assert "ya se registró" in vote.paper.message.text()
    assert errors == []


def test_webcam_button_disabled_without_a_camera(vote, monkeypatch):
    """A machine with no camera (whatever this one has): the button is there, disabled,
    and says why."""
    from cocrea_desktop.export import camera

    button = vote.paper.webcam_button
    assert vote.paper.webcam_checked and button.isVisible()
    assert button.text() == "Cámara"
    # No video device: on Linux no /dev/video* node, elsewhere no index that opens.
    monkeypatch.setattr(camera, "_device_nodes", lambda: [])
    monkeypatch.setattr(paper_widgets, "_webcam", None)
    assert camera.webcam_status() == (camera.NO_CAMERA, [])
    vote.paper.update_webcam_button()
    assert not button.isEnabled()
    assert button.toolTip().startswith("No se encontró ninguna cámara en este equipo.")
    # Without OpenCV installed, it says that instead.
    monkeypatch.setattr(paper_widgets, "_webcam", None)
    monkeypatch.setitem(sys.modules, "cv2", None)
    assert camera.webcam_status() == (camera.NO_OPENCV, [])
    vote.paper.update_webcam_button()
    assert not button.isEnabled()
    assert button.toolTip().startswith("No se puede usar la cámara: OpenCV no está instalado.")


def test_webcam_check_is_not_done_at_start_up(repo, sid, qtbot, monkeypatch):
    """Building the panel does not look for cameras; showing the button does, once."""
    calls = []
    real = paper_widgets.webcam_available
    monkeypatch.setattr(paper_widgets, "_webcam", None)
    monkeypatch.setattr(paper_widgets, "webcam_available",
                        lambda: calls.append(1) or real())
    qt_i18n.install("es")
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    assert calls == []
    start = time.monotonic()
    screen.show()
    qtbot.waitExposed(screen)
    assert time.monotonic() - start < 1.0
    screen.panel().refresh()
    assert calls and screen.panel().paper.webcam_checked


def test_webcam_window_reads_a_video_of_ballots(vote, repo, sid, qtbot, tmp_path, monkeypatch,
                                                errors):
    """A video file stands in for the camera: a facilitator holds up ballot 0 (unmarked, and
    cut so close that its corner marks are out of sight): it goes to review, never counted.
    Once a person has typed it, ballot 0 shown again is a duplicate, said in words, and
    ballot 1 goes to review; closing stops the camera."""
    from cocrea_desktop.export import camera
    from cocrea_desktop.ui.views.camera_window import CameraWindow
    from tests.export.webcam_video import ballot_frames, blank_frame, write_video

    print_ballots(repo, sid, "preliminary", 2, tmp_path / "b.pdf", per_page=1)
    serials = [r["serial"] for r in repo.register.issued(sid, "preliminary")]
    frames = ballot_frames(tmp_path / "b.pdf")
    first = write_video(tmp_path / "uno.avi", [blank_frame()] * 3 + [frames[0]] * 12 +
                        [blank_frame()] * 3)
    second = write_video(tmp_path / "dos.avi", [frames[0]] * 4 + [blank_frame()] * 8 +
                         [frames[1]] * 6 + [blank_frame()] * 20)
    opened = []

    def video(path):
        def opener():
            source = camera.open_video_file(path)
            opened.append(source)
            return source
        return opener

    monkeypatch.setattr(paper_widgets, "_webcam", (True, "hay cámara"))
    monkeypatch.setattr(CameraWindow, "open_source", staticmethod(video(first)))
    monkeypatch.setattr(CameraWindow, "pace_fps", 30.0)
    vote.refresh()
    button = vote.paper.webcam_button
    assert button.isEnabled() and button.toolTip() == "hay cámara"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    window = vote.paper.camera_window
    assert isinstance(window, CameraWindow)
    qtbot.waitUntil(lambda: window.taken == [(serials[0], "queued")], timeout=20_000)
    shown = f"{serials[0][:3]}-{serials[0][3:]}"
    assert window.status.text().startswith("? Boleta " + shown + " en revisión: ")
    assert window.property("flash") == "review"
    assert "border: 6px dashed" in window.preview.styleSheet()
    assert window.chime.played == 1
    qtbot.waitUntil(lambda: not window.running(), timeout=20_000)  # the video ended
    assert window.read_count == 1  # held for 12 frames, read once
    assert repo.votes.ballots(sid, "preliminary") == []  # nothing counted unseen
    assert window.frames >= 1 and window.preview.pixmap() is not None
    assert not window.preview.pixmap().isNull()
    assert "dejó de enviar imágenes" in window.status.text()
    assert opened[0].closed
    window.close()
    qtbot.waitUntil(lambda: window.property("flash") == "", timeout=5_000)

    vote.paper.open_review()
    review = vote.paper.review_window
    assert review.current().serial == serials[0]
    type_text(qtbot, review.entry, "2 1 5")
    qtbot.keyClick(review.entry, Qt.Key.Key_Return)
    review.close()
    assert repo.votes.ballots(sid, "preliminary")[0].serial == serials[0]

    monkeypatch.setattr(CameraWindow, "open_source", staticmethod(video(second)))
    monkeypatch.setattr(CameraWindow, "pace_fps", 10.0)  # slow enough to close it midway
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.running()
    qtbot.waitUntil(lambda: (serials[1], "queued") in window.taken, timeout=20_000)
    assert window.read_count == 3  # this window has read 3 ballots since it was first opened
    assert [o.kind for o in window.outcomes] == [DUPLICATE]
    assert "ya se registró" in window.outcomes[0].message
    window.close()  # the video still has 20 blank frames: closing stops it
    qtbot.waitUntil(lambda: not window.running(), timeout=5_000)
    assert opened[1].closed
    assert "dejó de enviar" not in window.status.text()
    assert [w.serial for w in repo.review.waiting(sid, "preliminary")] == [serials[1]]
    assert errors == []


def test_webcam_window_says_when_the_camera_cannot_open(vote, qtbot, monkeypatch, tmp_path):
    from cocrea_desktop.export import camera
    from cocrea_desktop.ui.views.camera_window import CameraWindow

    monkeypatch.setattr(paper_widgets, "_webcam", (True, "hay cámara"))
    monkeypatch.setattr(CameraWindow, "open_source",
                        staticmethod(lambda: camera.open_camera(63)))
    vote.refresh()
    vote.paper.webcam_button.click()
    window = vote.paper.camera_window
    qtbot.waitUntil(lambda: not window.running(), timeout=40_000)  # a loaded CI machine
    assert "No se pudo usar la cámara: No se pudo abrir la cámara 63." in window.status.text()
    assert window.preview.text() == "Sin imagen"
    window.close()


class _EndlessBlankCamera:
    """A frame source that never ends (a webcam pointed at nothing)."""

    def __init__(self) -> None:
        import numpy as np

        self.frame = np.full((120, 160), 255, dtype=np.uint8)
        self.closed = False

    def read(self):
        import time

        time.sleep(0.01)
        return None if self.closed else self.frame

    def close(self) -> None:
        self.closed = True


def test_a_camera_window_deleted_unclosed_frees_the_camera_thread(vote, qtbot, monkeypatch):
    """The capture loop of a window deleted without being closed stopped nothing, so the
    next window's loop waited for ever behind it (a flaky test on a loaded machine)."""
    from cocrea_desktop.ui.views.camera_window import CameraWindow

    sources: list[_EndlessBlankCamera] = []

    def endless():
        sources.append(_EndlessBlankCamera())
        return sources[-1]

    monkeypatch.setattr(CameraWindow, "open_source", staticmethod(endless))
    first = CameraWindow(vote.paper)
    first.start()
    qtbot.waitUntil(lambda: len(sources) == 1, timeout=10_000)
    first.deleteLater()  # gone with its panel, never closed
    qtbot.wait(50)
    qtbot.waitUntil(lambda: sources[0].closed, timeout=10_000)
    second = CameraWindow(vote.paper)
    second.start()
    qtbot.waitUntil(lambda: len(sources) == 2, timeout=10_000)
    second.stop()
    qtbot.waitUntil(lambda: not second.running(), timeout=10_000)
    second.deleteLater()


def test_an_idea_written_twice_is_said_once(vote, repo, sid, qtbot, errors):
    type_text(qtbot, vote.entry, "2 2 5")
    assert vote.preview.text().count("aparece dos veces") == 1
    qtbot.keyClick(vote.entry, Qt.Key.Key_Return)
    assert vote.feedback.text().count("La idea 2 aparece dos veces en la boleta.") == 1
    assert "No cuentan 2 entradas" in vote.feedback.text()
    assert errors == []
