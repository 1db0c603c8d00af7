"""Reading the marks in the window, on real rendered, marked and scanned ballots.

A folder of scans read in the background: the sure ballots entered as read by the
machine, the doubtful ones (faint, crossed out, two marks in one place) queued, never
counted silently; the review driven with the keyboard alone (Enter confirms, typing
corrects, Page Down skips, Ctrl+N says it does not count); cancel mid-folder; the webcam
reading a real video file of ballots held still.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views import paper_widgets
from cocrea_desktop.ui.views.paper_widgets import PaperBallotsBox
from cocrea_desktop.ui.views.review_window import ReviewWindow
from cocrea_desktop.ui.views.session_screen import SessionScreen
from tests.export.review_material import make_stack, webcam_frames
from tests.ui.helpers import type_text
from tests.ui.vote_fixtures import IDEAS, errors, sid, vote  # noqa: F401, F811 (fixtures)


def read_by(repo):
    return {r["serial"]: r["read_by"] for r in repo.pf.query("SELECT serial, read_by FROM ballot")}


def scan_folder(qtbot, vote, monkeypatch, folder):
    monkeypatch.setattr(PaperBallotsBox, "ask_folder", staticmethod(lambda *_a: str(folder)))
    vote.paper.act_folder.trigger()
    qtbot.waitUntil(lambda: vote.paper.task is None and vote.paper.last_scan is not None,
                    timeout=60_000)


def test_a_folder_is_counted_and_the_doubtful_reviewed_with_the_keyboard(
        vote, repo, sid, qtbot, tmp_path, monkeypatch, errors):
    cases = ["sure", "faint", "sure", "crossed", "double", "sure", "sure", "faint"]
    stack = make_stack(repo, sid, "preliminary", tmp_path, cases)
    vote.refresh()
    scan_folder(qtbot, vote, monkeypatch, stack.folder)
    sure = [s for s in stack.serials if stack.cases[s] == "sure"]
    doubtful = [s for s in stack.serials if stack.cases[s] != "sure"]
    # The sure ones are counted as read, by the machine; nothing doubtful is counted.
    assert read_by(repo) == {s: "machine" for s in sure}
    for ballot in repo.votes.ballots(sid, "preliminary"):
        assert ballot.entry == stack.entries[ballot.serial]
    assert vote.paper.message.text() == (
        "Se capturaron 4 boletas como las leyó la máquina. 4 boletas esperan revisión.")
    items = [vote.paper.results.item(i).text() for i in range(vote.paper.results.count())]
    assert sum(t.startswith("✓ ") for t in items) == 4
    assert sum(t.startswith("? ") and "en revisión" in t for t in items) == 4
    progress = vote.paper.scan_progress  # one step per sheet
    assert (progress.maximum(), progress.value(), progress.isVisible()) == (4, 4, False)
    button = vote.paper.review_button
    assert button.text() == "Revisar dudosas (4)…" and button.isEnabled()
    assert button.hasFocus()  # the next key opens the review
    qtbot.keyClick(button, Qt.Key.Key_Space)
    window = vote.paper.review_window
    assert isinstance(window, ReviewWindow) and window.isVisible()
    qtbot.waitUntil(window.entry.hasFocus)
    seen = []

    def current():
        item = window.current()
        seen.append(item.serial)
        return item

    # 1. A faint extra mark: the sure marks are pre-filled; Enter confirms them.
    item = current()
    assert stack.cases[item.serial] == "faint"
    assert window.title.text().startswith(f"Boleta {item.shown_serial} · 1 de 4")
    assert "Marca dudosa en la opción" in window.reasons.text()
    assert window.entry.text() == stack.entries[item.serial]
    assert window.image.pixmap() is not None and not window.image.pixmap().isNull()
    qtbot.keyClick(window.entry, Qt.Key.Key_Return)
    assert read_by(repo)[item.serial] == "person"
    assert "confirmada y capturada" in window.status.text()
    # 2. A scribbled-over mark: skipped with Page Down, it comes back last.
    item = current()
    assert stack.cases[item.serial] == "crossed"
    qtbot.keyClick(window.entry, Qt.Key.Key_PageDown)
    assert window.current().serial != item.serial
    # 3. Two marks in the first place: the person corrects the line by typing.
    item = current()
    assert stack.cases[item.serial] == "double"
    assert "El lugar 1.º está marcado 2 veces." in window.reasons.text()
    window.entry.selectAll()
    type_text(qtbot, window.entry, "2 5 1")
    qtbot.keyClick(window.entry, Qt.Key.Key_Return)
    assert repo.votes.ballots(sid, "preliminary")[-1].entry == "2 5 1"
    assert read_by(repo)[item.serial] == "person"
    assert "corregida y capturada" in window.status.text()
    # 4. The other faint one: confirmed.
    item = current()
    assert stack.cases[item.serial] == "faint"
    qtbot.keyClick(window.entry, Qt.Key.Key_Return)
    # 5. The skipped one, back: it does not count (Ctrl+N), with its reason.
    item = current()
    assert stack.cases[item.serial] == "crossed"
    monkeypatch.setattr(ReviewWindow, "ask_reason",
                        staticmethod(lambda *_a: "Tachada y sin otra marca clara"))
    qtbot.keyClick(window.entry, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.title.text() == "No hay boletas en revisión."
    assert sorted(seen) == sorted(doubtful + [seen[1]])  # every doubtful one was shown
    assert repo.review.item(repo.pf.scalar(
        "SELECT id FROM ballot_review WHERE serial = ?", [item.serial])).outcome == \
        "Tachada y sin otra marca clara"
    assert item.serial not in read_by(repo)
    summary = repo.register.summary(sid, "preliminary")
    assert (summary.read_by_machine, summary.confirmed, summary.counted, summary.spoiled) == \
        (4, 3, 7, 1)
    assert "Leídas por la máquina 4 · Confirmadas por una persona 3" in \
        vote.paper.register.text()
    assert button.text() == "Revisar dudosas (0)…" and not button.isEnabled()
    assert errors == []


def test_the_queue_survives_closing_the_program(repo, sid, qtbot, tmp_path, db_path,
                                                monkeypatch, errors):
    from cocrea_desktop.store.repo import Repo

    stack = make_stack(repo, sid, "preliminary", tmp_path, ["faint", "sure"])
    qt_i18n.install("es")
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    scan_folder(qtbot, screen.panel(), monkeypatch, stack.folder)
    screen.close()
    repo.close()
    with Repo.open(db_path) as again:
        screen = SessionScreen(again, sid)
        qtbot.addWidget(screen)
        screen.show()
        paper = screen.panel().paper
        assert paper.review_button.text() == "Revisar dudosas (1)…"
        paper.open_review()
        window = paper.review_window
        assert window.current().serial == stack.serials[0]
        assert not window.image.pixmap().isNull()  # its image was kept in the data folder
        qtbot.keyClick(window.entry, Qt.Key.Key_Return)
        assert read_by(again) == {stack.serials[0]: "person", stack.serials[1]: "machine"}
        screen.close()
    assert errors == []


def test_cancel_mid_folder_keeps_what_was_entered(vote, repo, sid, qtbot, tmp_path,
                                                   monkeypatch, errors):
    cases = ["sure"] * 10
    stack = make_stack(repo, sid, "preliminary", tmp_path, cases)
    vote.refresh()
    pages = []

    def first_page_then_cancel(page):
        pages.append(page)
        if len(pages) == 1:
            assert vote.paper.scan_cancel.isVisible()
            qtbot.mouseClick(vote.paper.scan_cancel, Qt.MouseButton.LeftButton)

    vote.paper.scan_bridge.page.connect(first_page_then_cancel)
    scan_folder(qtbot, vote, monkeypatch, stack.folder)
    entered = repo.votes.ballots(sid, "preliminary")
    delivered = [serial for page in pages for serial, *_rest in page.ballots]
    assert 2 <= len(entered) < len(cases)  # stopped between sheets
    assert sorted(b.serial for b in entered) == sorted(delivered)
    for ballot in entered:  # each one whole: its entry and its three marks
        assert ballot.entry == stack.entries[ballot.serial]
        assert len(ballot.marks) == 3
    assert vote.paper.message.text().startswith("Lectura cancelada; lo capturado se queda.")
    assert not vote.paper.scan_cancel.isVisible()
    assert repo.review.count_waiting(sid, "preliminary") == 0
    # The rest read later: the ones entered are refused as counted, the others entered.
    vote.paper.scan_bridge.page.disconnect(first_page_then_cancel)
    vote.paper.last_scan = None
    scan_folder(qtbot, vote, monkeypatch, stack.folder)
    assert len(repo.votes.ballots(sid, "preliminary")) == len(cases)
    assert vote.paper.scan_tally["refused"] == len(entered)
    assert errors == []


def test_the_webcam_reads_the_marks_of_a_ballot_held_still(vote, repo, sid, qtbot, tmp_path,
                                                            monkeypatch, errors):
    from cocrea_desktop.export import camera
    from cocrea_desktop.ui.views.camera_window import CameraWindow
    from tests.export.webcam_video import blank_frame, write_video

    stack = make_stack(repo, sid, "preliminary", tmp_path, ["sure", "faint", "sure"],
                       max_angle=1.5)
    frames = webcam_frames(stack)
    sure, faint, passing = stack.serials
    # Ballot 1 held still; ballot 2 (a faint mark) held still; ballot 3 only passes by.
    video = write_video(tmp_path / "camara.avi",
                        [blank_frame()] * 3 + [frames[sure]] * 8 + [blank_frame()] * 8
                        + [frames[faint]] * 8 + [blank_frame()] * 8
                        + [frames[passing]] * 1 + [blank_frame()] * 8)
    monkeypatch.setattr(paper_widgets, "_webcam", (True, "hay cámara"))
    monkeypatch.setattr(CameraWindow, "open_source",
                        staticmethod(lambda: camera.open_video_file(video)))
    monkeypatch.setattr(CameraWindow, "pace_fps", 30.0)
    vote.refresh()
    qtbot.mouseClick(vote.paper.webcam_button, Qt.MouseButton.LeftButton)
    window = vote.paper.camera_window
    flashes = []
    original = window._flash

    def record(kind):
        flashes.append(kind)
        original(kind)

    monkeypatch.setattr(window, "_flash", record)
    qtbot.waitUntil(lambda: len(window.taken) == 2, timeout=30_000)
    qtbot.waitUntil(lambda: not window.running(), timeout=30_000)
    assert window.taken == [(sure, "entered"), (faint, "queued")]
    assert read_by(repo) == {sure: "machine"}
    assert repo.votes.ballots(sid, "preliminary")[0].entry == stack.entries[sure]
    waiting = repo.review.waiting(sid, "preliminary")
    assert [w.serial for w in waiting] == [faint]
    assert waiting[0].entry == stack.entries[faint]
    assert window.chime.played == 2
    assert [f for f in flashes if f] == ["ready", "review"]  # a solid, then a dashed frame
    assert passing not in read_by(repo)  # never held still: not read
    assert vote.paper.review_button.text() == "Revisar dudosas (1)…"
    window.close()
    QApplication.processEvents()
    assert errors == []


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_review_window_shows_every_word_at_1024x768(vote, repo, sid, qtbot, tmp_path,
                                                       monkeypatch, errors, language):
    from tests.ui.cut_text import cut_texts

    stack = make_stack(repo, sid, "preliminary", tmp_path, ["double", "sure"])
    scan_folder(qtbot, vote, monkeypatch, stack.folder)
    qt_i18n.install(language)
    vote.paper.open_review()
    window = vote.paper.review_window
    window.resize(min(window.width(), 1024), min(window.height(), 700))
    qtbot.waitExposed(window)
    assert window.width() <= 1024 and window.height() <= 768
    assert cut_texts(window) == []
    word = {"es": "Confirmar (Intro)", "en": "Confirm (Enter)"}[language]
    assert window.confirm_button.text() == word
    assert not window.image.pixmap().isNull()
    window.close()
    qt_i18n.install("es")
    assert errors == []


def test_a_closed_review_window_ignores_a_language_switch_after_its_file_closed(
        repo, sid, qtbot, tmp_path, monkeypatch, errors):
    """The review window stays alive, hidden, with its panel; switching the language after
    the process file was closed must not read the closed file (it did)."""
    stack = make_stack(repo, sid, "preliminary", tmp_path, ["faint"])
    qt_i18n.install("es")
    screen = SessionScreen(repo, sid)
    qtbot.addWidget(screen)
    screen.show()
    paper = screen.panel().paper
    scan_folder(qtbot, screen.panel(), monkeypatch, stack.folder)
    paper.open_review()
    window = paper.review_window
    assert window.current().serial == stack.serials[0]
    window.close()
    screen.close()
    repo.close()
    qt_i18n.install("en")  # an exception here is caught by pytest-qt and fails the test
    QApplication.processEvents()
    assert window.confirm_button.text() == "Confirm (Enter)"
    qt_i18n.install("es")
    assert errors == []
