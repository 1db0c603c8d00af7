"""The review queue on screen: each ballot the machine read with a doubt, one at a time.

The ballot's image, cropped and straightened by the reader, with the marks as read drawn
over it: a filled box gets a thick solid outline and a ✓, a doubtful one a thick dashed
outline and a ?, an empty one a thin dotted outline (shapes and symbols, not colour
alone); why it is doubtful, in words; and the entry line filled with what was read for
sure. Enter confirms it (or the correction typed, with the syntax of a typed ballot):
entered as confirmed by a person. Page Down skips it (it keeps waiting); Ctrl+N says it
does not count, with its reason. The queue lives in the process file (``repo.review``):
closing the program loses none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.ui import operations as ops

if TYPE_CHECKING:
    from cocrea_desktop.store.review import ReviewItem
    from cocrea_desktop.ui.views.paper_widgets import PaperBallotsBox

FILLED, EMPTY, DOUBTFUL = "filled", "empty", "doubtful"


def marked_image(crop: Any, places: dict[tuple[int, int], tuple[float, float, float]],
                 states: dict[tuple[int, int], str]) -> QImage:
    """The straightened ballot (grayscale numpy) in colour, each box outlined as read."""
    import numpy as np

    gray = np.ascontiguousarray(crop)
    height, width = gray.shape[:2]
    base = QImage(gray.data, width, height, width, QImage.Format.Format_Grayscale8)
    image = base.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    for key, (cx, cy, half) in places.items():
        state = states.get(key, EMPTY)
        pad = max(3.0, half * 0.35)
        rect = QRectF(cx - half - pad, cy - half - pad, 2 * (half + pad), 2 * (half + pad))
        if state == FILLED:
            pen = QPen(QColor("#0b4f9c"), max(4.0, half * 0.28))
            symbol = "✓"
        elif state == DOUBTFUL:
            pen = QPen(QColor("#c0392b"), max(4.0, half * 0.28), Qt.PenStyle.DashLine)
            symbol = "?"
        else:
            pen = QPen(QColor("#7a7a7a"), 1.5, Qt.PenStyle.DotLine)
            symbol = ""
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if symbol:  # under the box, in the space between rows: never over a mark
            size = max(12.0, half * 1.3)
            font.setPixelSize(int(size * 0.95))
            font.setBold(True)
            painter.setFont(font)
            box = QRectF(cx - size / 2, rect.bottom() + 1, size, size)
            painter.fillRect(box, QColor(255, 255, 255, 230))
            painter.setPen(QPen(pen.color()))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, symbol)
    painter.end()
    return image


class _ScaledImage(QLabel):
    """An image scaled to the space the window gives it, its proportions kept."""

    def __init__(self) -> None:
        super().__init__(objectName="review_image")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(260, 220)
        self.image: QImage | None = None

    def set_image(self, image: QImage | None, text: str = "") -> None:
        self.image = image
        if image is None:
            self.setPixmap(QPixmap())
            self.setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.image is None:
            return
        size = self.size()
        self.setPixmap(QPixmap.fromImage(self.image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)))


class ReviewWindow(QDialog):
    """One doubtful ballot at a time: see it, confirm with Enter, correct, skip, or spoil."""

    def __init__(self, box: PaperBallotsBox, parent: QWidget | None = None) -> None:
        super().__init__(parent or box)
        self.setObjectName("review_window")
        self.box = box
        self.items: list[ReviewItem] = []
        self.index = 0
        self.skipped: list[str] = []  # ids skipped this time: shown after the others
        self.decided = 0
        layout = QVBoxLayout(self)
        self.title = QLabel(objectName="review_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.image = _ScaledImage()
        layout.addWidget(self.image, 1)
        self.legend = QLabel(objectName="review_legend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.reasons = QLabel(objectName="review_reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet("QLabel { border-left: 4px solid palette(text); "
                                   "padding-left: 6px; }")
        layout.addWidget(self.reasons)
        entry_row = QHBoxLayout()
        self.entry_label = QLabel(objectName="review_entry_label")
        self.entry = QLineEdit(objectName="review_entry")
        self.entry_label.setBuddy(self.entry)
        font = self.entry.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.entry.setFont(font)
        self.entry.returnPressed.connect(self.confirm)
        entry_row.addWidget(self.entry_label)
        entry_row.addWidget(self.entry, 1)
        layout.addLayout(entry_row)
        self.status = QLabel(objectName="review_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(objectName="review_confirm")
        self.confirm_button.clicked.connect(self.confirm)
        self.skip_button = QPushButton(objectName="review_skip")
        self.skip_button.clicked.connect(self.skip)
        self.spoil_button = QPushButton(objectName="review_spoil")
        self.spoil_button.clicked.connect(self.ask_spoil)
        self.close_button = QPushButton(objectName="review_close")
        self.close_button.clicked.connect(self.close)
        self.close_button.setAutoDefault(False)
        for button in (self.confirm_button, self.skip_button, self.spoil_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, activated=self.skip)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.ask_spoil)
        self.resize(760, 640)
        self.fit_screen()
        self.retranslate()
        from cocrea_desktop.ui import qt_i18n

        qt_i18n.language_signal().changed.connect(self.retranslate)
        ops.bus().changed.connect(self._changed)

    def fit_screen(self) -> None:
        screen = self.box.screen() if self.box is not None else None
        if screen is None:
            return
        area = screen.availableGeometry()
        self.resize(min(self.width(), area.width() - 40), min(self.height(), area.height() - 60))

    # -- the queue ----------------------------------------------------------------------
    def context(self) -> tuple[Any, str, str]:
        p = self.box.panel
        return p.repo, p.session_id, p.round

    def reload(self) -> None:
        """Read the queue again (it may have grown while the window was open)."""
        current = self.current()
        repo, sid, round_ = self.context()
        items = repo.review.waiting(sid, round_) if repo is not None and sid and round_ else []
        front = [i for i in items if i.id not in self.skipped]
        back = [i for i in items if i.id in self.skipped]
        back.sort(key=lambda i: self.skipped.index(i.id))
        self.items = front + back
        self.index = 0
        if current is not None:
            for n, item in enumerate(self.items):
                if item.id == current.id:
                    self.index = n
        self.show_item()

    def current(self) -> ReviewItem | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def show_item(self) -> None:
        item = self.current()
        repo = self.box.panel.repo
        writable = repo is not None and not getattr(repo, "read_only", False)
        for widget in (self.entry, self.confirm_button, self.spoil_button):
            widget.setEnabled(item is not None and writable)
        self.skip_button.setEnabled(item is not None)
        if item is None:
            self.title.setText(_("No hay boletas en revisión."))
            self.image.set_image(None, "")
            self.reasons.setText("")
            self.entry.clear()
            self.close_button.setFocus()
            return
        self.title.setText(_("Boleta {serial} · {position} de {count} en revisión").format(
            serial=item.shown_serial, position=self.index + 1, count=len(self.items)))
        image, why = self.image_of(item)
        self.image.set_image(image, why)
        self.reasons.setText("\n".join("⚠ " + r for r in item.reasons))
        self.entry.setText(item.entry)
        self.entry.setPlaceholderText(self.box.panel.entry_example())
        self.entry.setFocus()
        self.entry.selectAll()  # Enter keeps it; typing replaces it with the correction

    def image_of(self, item: ReviewItem) -> tuple[QImage | None, str]:
        """The ballot as read, or None and why there is no image."""
        from cocrea_desktop.export import omr

        repo, sid, round_ = self.context()
        crop = omr.load_crop(item.crop_sha256)
        if crop is None:
            crop = omr.crop_again(repo, sid, round_, item.serial, item.source, item.page)
        if crop is None:
            return None, _("No hay imagen de esta boleta: tome la boleta de papel y escriba "
                           "sus marcas.")
        grid = omr.layout_of(repo, sid, round_, item.serial)
        places = omr.box_places(grid) if grid is not None else {}
        states = {(o, c): s for o, c, s in item.boxes}
        return marked_image(crop, places, states), ""

    # -- decisions ---------------------------------------------------------------------
    def confirm(self) -> None:
        item = self.current()
        if item is None:
            return
        repo, _sid, _round = self.context()
        text = self.entry.text().strip()
        if not text:
            self.status.setText(_("Escriba las marcas de la boleta, o pulse Ctrl+N si no "
                                  "cuenta."))
            return
        corrected = " ".join(text.split()) != " ".join(item.entry.split())
        if ops.confirm_reviewed_ballot(parent=self, repo=repo, item_id=item.id,
                                       text=text) is None:
            self.entry.setFocus()
            return
        self._decided(item, _("Boleta {serial} corregida y capturada: {entry}.") if corrected
                      else _("Boleta {serial} confirmada y capturada: {entry}."), text)

    @staticmethod
    def ask_reason(parent: QWidget, serial: str) -> str:
        """Why the ballot does not count; '' if cancelled. Tests replace this."""
        text, ok = QInputDialog.getText(
            parent, _("La boleta no cuenta"),
            _("¿Por qué no cuenta la boleta {serial}? (p. ej. marcas ilegibles)").format(
                serial=serial))
        return text if ok else ""

    def ask_spoil(self) -> None:
        item = self.current()
        if item is None:
            return
        reason = type(self).ask_reason(self, item.shown_serial).strip()
        if not reason:
            self.entry.setFocus()
            return
        repo, _sid, _round = self.context()
        if ops.spoil_reviewed_ballot(parent=self, repo=repo, item_id=item.id,
                                     reason=reason) is None:
            return
        self._decided(item, _("Boleta {serial}: no cuenta ({entry})."), reason)

    def _decided(self, item: ReviewItem, message: str, text: str) -> None:
        from cocrea_desktop.export import omr

        omr.drop_crop(item.crop_sha256)
        self.decided += 1
        self.status.setText(message.format(serial=item.shown_serial, entry=text))
        self.skipped = [i for i in self.skipped if i != item.id]
        self.items = [i for i in self.items if i.id != item.id]
        self.index = min(self.index, len(self.items) - 1) if self.items else 0
        self.show_item()
        self.box.update_review_button()

    def skip(self) -> None:
        item = self.current()
        if item is None or len(self.items) < 2:
            if item is not None:
                self.status.setText(_("Es la única boleta en revisión."))
            return
        self.skipped = [i for i in self.skipped if i != item.id] + [item.id]
        self.items.append(self.items.pop(self.index))
        self.status.setText(_("Boleta {serial}: queda en revisión para después.").format(
            serial=item.shown_serial))
        self.show_item()

    def _changed(self, changes) -> None:
        touched = {"ballot_review", "ballot", "ballot_issue"} & set(changes.tables)
        if touched and self.isVisible():
            self.reload()

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(_("Boletas en revisión"))
        self.legend.setText(_("Contorno grueso con ✓: marca leída · contorno de rayas con ?: "
                              "marca dudosa · contorno punteado: casilla vacía."))
        self.entry_label.setText(_("&Marcas:"))
        self.confirm_button.setText(_("Confirmar (Intro)"))
        self.skip_button.setText(_("Saltar (Av Pág)"))
        self.spoil_button.setText(_("No cuenta… (Ctrl+N)"))
        self.close_button.setText(_("Cerrar"))
        if self.isVisible():  # a hidden window may outlive its process file: no reading
            self.show_item()

