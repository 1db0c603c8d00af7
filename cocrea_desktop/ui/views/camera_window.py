"""The webcam window: a small preview, a status line, each ballot read as it is held still.

Capture and decoding run off the GUI thread (``workers.run_task`` on a pool of its own); the
loop sends a preview image a few times a second. A ballot of this round whose printed layout
is recorded has its marks read once it has been held still for a few frames
(:class:`cocrea_desktop.export.camera.SteadyReader`, :func:`export.omr.read_code` on a
read-only connection of the loop's thread); on the GUI thread, a sure ballot is entered as
read by the machine and a doubtful one joins the review queue (``ops.take_read_ballot``).
Any other code goes the way of the scan field (:meth:`PaperBallotsBox.read_text`): a ballot
without a recorded layout gives its serial to the ballot entry, anything else is said in
words. Each ballot read plays the chime and flashes the preview's frame (solid: entered;
dashed: in review; dotted: not counted), since there may be no sound device. Closing the
window stops the camera; the camera is opened only when the window opens.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.register import READY
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import workers

if TYPE_CHECKING:
    from cocrea_desktop.export.camera import FrameSource
    from cocrea_desktop.ui.views.paper_widgets import PaperBallotsBox

PREVIEW_WIDTH = 480
FLASH_MS = 450
_pool: QThreadPool | None = None


def _camera_pool() -> QThreadPool:
    """One thread of its own, so a running camera never holds back printing or scans."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class _Bridge(QObject):
    """Signals the capture loop emits from its thread; delivered on the GUI thread."""

    frame = Signal(object)  # QImage
    payload = Signal(str)
    holding = Signal(str)  # a ballot seen: its marks are read once it is held still
    reading = Signal(object)  # (serial, ReadBallot or None, message, source)


def _preview(frame: Any, codes: list[Any]) -> QImage:
    """A small RGB copy of a BGR frame, the codes seen outlined in green (background thread)."""
    import cv2
    import numpy as np

    height, width = frame.shape[:2]
    scale = PREVIEW_WIDTH / width
    small = cv2.resize(frame, (PREVIEW_WIDTH, max(1, int(height * scale))),
                       interpolation=cv2.INTER_AREA)
    if small.ndim == 2:
        small = cv2.cvtColor(small, cv2.COLOR_GRAY2BGR)
    for code in codes:
        corners = np.array([[x * scale, y * scale] for x, y in code.position], np.int32)
        cv2.polylines(small, [corners], True, (60, 200, 60), 3)
    rgb = np.ascontiguousarray(cv2.cvtColor(small, cv2.COLOR_BGR2RGB))
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _capture_loop(opener: Callable[[], FrameSource], bridge: _Bridge, preview_fps: float,
                  pace_fps: float | None, target: tuple[str, str, str] | None,
                  task: workers.Task) -> int:
    """Runs in the background: open the source, read until cancelled or no more frames.

    With ``target`` (process file, session, round), a ballot of this round printed with a
    recorded layout has its marks read once it is held still (:class:`SteadyReader`), on a
    read-only connection of this thread, and the reading is sent to the GUI thread (which
    alone writes); any other code is sent as its payload, as a USB reader would type it.
    """
    from cocrea_desktop.export.camera import SteadyReader

    source = opener()
    repo = None
    try:
        if target is not None:
            from cocrea_desktop.store.repo import Repo

            repo = Repo.open(target[0], read_only=True, backup_on_open=False)
        reader = SteadyReader(source)
        last = [0.0]
        waiting: set[str] = set()  # payloads whose marks are read once they are still

        def on_frame(frame: Any, codes: list[Any]) -> None:
            now = time.monotonic()
            if now - last[0] >= 1.0 / preview_fps:
                last[0] = now
                bridge.frame.emit(_preview(frame, codes))
            for code in reader.steady:
                if code.text in waiting:
                    waiting.discard(code.text)
                    bridge.reading.emit(_read_marks(repo, target, frame, code))

        def on_payload(text: str) -> None:
            if repo is not None and _has_layout(repo, target, text):
                waiting.add(text)
                bridge.holding.emit(text)
            else:
                bridge.payload.emit(text)

        return reader.run(on_payload, cancelled=lambda: task.cancelled,
                          on_frame=on_frame, max_fps=pace_fps)
    finally:
        source.close()
        if repo is not None:
            repo.close()


def _has_layout(repo: Any, target: Any, text: str) -> bool:
    """A ballot ready to count whose printed layout is recorded: its marks can be read."""
    from cocrea_desktop.store.register import READY

    outcome = repo.register.read(target[1], target[2], text)
    return outcome.kind == READY and bool(repo.register.layout(target[1], target[2],
                                                               outcome.serial))


def _read_marks(repo: Any, target: Any, frame: Any, code: Any) -> tuple[str, Any, str, str]:
    """(serial, what the queue keeps or None, the register's message, source) of one
    ballot held still; the image of a doubtful one is kept for its review."""
    from cocrea_desktop.export import camera, omr

    gray = camera.to_gray(frame)
    reading = omr.read_code(repo, target[1], target[2], gray, code)
    kept = None
    if reading.ready:
        reading.source = _("cámara")
        kept = omr.as_read_ballot(reading, "" if reading.sure else omr.save_crop(reading.crop))
    return reading.serial, kept, reading.message, _("cámara")


def _open_default_camera() -> FrameSource:
    from cocrea_desktop.export.camera import open_camera

    return open_camera(0)


class CameraWindow(QDialog):
    """Reads ballots shown to the webcam while it is open."""

    #: Opens the frame source when the window opens. Tests set a video-file opener here.
    open_source: Callable[[], FrameSource] = staticmethod(_open_default_camera)
    #: Preview refreshes per second (decoding runs at the camera's own rate).
    preview_fps: float = 8.0
    #: Frames per second to pace a source faster than a camera (a video file); None: as fast
    #: as the source gives them (a camera gives them at its own rate).
    pace_fps: float | None = None
    #: Read the marks of a ballot held still (False: only its code, as a USB reader).
    read_marks: bool = True

    def __init__(self, box: PaperBallotsBox, parent: QWidget | None = None) -> None:
        super().__init__(parent or box)
        self.setObjectName("camera_window")
        self.setWindowTitle(_("Leer boletas con la cámara"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.box = box
        self.task: workers.Task | None = None
        self.read_count = 0
        self.outcomes: list[Any] = []  # every ReadOutcome of this window, in order
        self.frames = 0
        self.error = ""
        self.bridge = _Bridge()
        self.bridge.frame.connect(self._show_frame)
        self.bridge.payload.connect(self._payload)
        self.bridge.holding.connect(self._holding)
        self.bridge.reading.connect(self._reading)
        from cocrea_desktop.ui.widgets.chime import Chime

        self.chime = Chime(self)
        self.taken: list[tuple[str, str]] = []  # (serial, "entered" | "queued" | "refused")
        self.target: tuple[str, str, str] | None = None
        layout = QVBoxLayout(self)
        self.preview = QLabel(objectName="camera_preview")
        self.preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 // 16)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setText(_("Abriendo la cámara…"))
        layout.addWidget(self.preview, 1)
        self.status = QLabel(objectName="camera_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.count_label = QLabel(objectName="camera_count")
        row.addWidget(self.count_label, 1)
        self.close_button = QPushButton(_("Cerrar"), objectName="camera_close")
        self.close_button.clicked.connect(self.close)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.flash_timer = QTimer(self)
        self.flash_timer.setSingleShot(True)
        self.flash_timer.timeout.connect(lambda: self._flash(""))
        self.status.setText(_("Muestre a la cámara cada boleta entera, una a la vez, y "
                              "manténgala quieta un momento."))
        self._show_count()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- the capture loop --------------------------------------------------------------
    def start(self) -> None:
        if self.task is not None:
            return
        self.error = ""
        opener, bridge = type(self).open_source, self.bridge
        preview_fps, pace = self.preview_fps, self.pace_fps
        p = self.box.panel
        target = (str(p.repo.path), p.session_id, p.round) \
            if self.box.ready_to_use() and type(self).read_marks else None
        self.target = target
        self.task = workers.run_task(
            lambda task: _capture_loop(opener, bridge, preview_fps, pace, target, task),
            on_result=self._ended, on_error=self._failed, pool=_camera_pool())
        self.task.finished.connect(self._finished)
        # A window deleted without being closed (its panel went away) must not leave the
        # loop holding the camera's only thread: the next window's loop would never start.
        task = self.task
        self.destroyed.connect(lambda *_args: task.cancel())

    def stop(self) -> None:
        """Stop the camera (the loop closes it as it ends)."""
        if self.task is not None:
            self.task.cancel()

    def running(self) -> bool:
        return self.task is not None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.start()

    def closeEvent(self, event) -> None:
        self.stop()
        super().closeEvent(event)

    def hideEvent(self, event) -> None:
        self.stop()
        super().hideEvent(event)

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    # -- results from the loop (GUI thread) ------------------------------------------
    def _show_frame(self, image: QImage) -> None:
        self.frames += 1
        self.preview.setPixmap(QPixmap.fromImage(image))

    def _payload(self, text: str) -> None:
        outcome = self.box.read_text(text)
        if outcome is None:
            return
        self.read_count += 1
        self.outcomes.append(outcome)
        self._show_count()
        self.chime.play()
        if outcome.kind == READY:
            self.status.setText("✓ " + _("Boleta {serial}: {message}").format(
                serial=format_serial(outcome.serial), message=outcome.message))
            self._flash("ready")
        else:
            self.status.setText("⚠ " + outcome.message)
            self._flash("other")

    def _holding(self, text: str) -> None:
        self.status.setText(_("Boleta vista: manténgala quieta para leer sus marcas…"))

    def _reading(self, read: tuple[str, Any, str, str]) -> None:
        """A ballot held still was read: entered when sure, queued when not; a sound and
        a flash either way (a different flash for each), and the words in the status."""
        serial, kept, message, _source = read
        box = self.box
        p = box.panel
        if self.target is None or p.repo is None:
            return
        _db, sid, round_ = self.target  # the round the camera was opened for
        self.read_count += 1
        self._show_count()
        shown = format_serial(serial) if serial else "—"
        if kept is None:
            kind, why = "refused", message
        else:
            kind, why = ops.take_read_ballot(parent=self, repo=p.repo, session_id=sid,
                                             round_=round_, ballot=kept)
        self.taken.append((serial, kind))
        self.chime.play()
        if kind == "entered":
            self.status.setText("✓ " + _("Boleta {serial} capturada como se leyó: {entry}")
                                .format(serial=shown, entry=kept.entry))
            self._flash("ready")
        elif kind == "queued":
            reason = kept.reasons[0] if kept.reasons else ""
            self.status.setText("? " + _("Boleta {serial} en revisión: {reason}").format(
                serial=shown, reason=reason))
            self._flash("review")
        else:
            if kept is not None:
                from cocrea_desktop.export import omr

                omr.drop_crop(kept.crop_sha256)
            self.status.setText("⚠ " + _("Boleta {serial}: no se cuenta: {reason}").format(
                serial=shown, reason=why))
            self._flash("other")
        box.update_review_button()

    def _flash(self, kind: str) -> None:
        """A coloured frame around the preview for a moment: the 'beep' of this window
        (solid for a ballot entered, dashed for one sent to review, dotted otherwise)."""
        self.setProperty("flash", kind)
        colour = {"ready": "#2e9d3a", "review": "#c0392b", "other": "#d88a00"}.get(kind)
        style = {"ready": "solid", "review": "dashed", "other": "dotted"}.get(kind, "solid")
        self.preview.setStyleSheet(f"QLabel {{ border: 6px {style} {colour}; }}" if colour else "")
        if colour:
            self.flash_timer.start(FLASH_MS)

    def _show_count(self) -> None:
        self.count_label.setText(ngettext("{count} código leído", "{count} códigos leídos",
                                          self.read_count).format(count=self.read_count))

    def _ended(self, _frames: int) -> None:
        if self.task is not None and not self.task.cancelled:
            self.status.setText(_("La cámara dejó de enviar imágenes. Cierre esta ventana y "
                                  "vuelva a abrirla."))

    def _failed(self, err: BaseException) -> None:
        message = err.message if isinstance(err, CocreaError) else str(err)
        self.error = message
        self.preview.setText(_("Sin imagen"))
        self.status.setText(_("No se pudo usar la cámara: {reason}").format(reason=message))

    def _finished(self) -> None:
        self.task = None
