"""The room's window ("Vista para la sala"): what 40 people follow on the projector.

Painted, not built from widgets, so that every piece of text is fitted to its
rectangle at the size of the screen: very large type, numbers before words,
high contrast in a light or a dark theme, and no meaning carried by colour
alone (the warning minute is a thick frame and the words "¡Queda un minuto!";
time up is the word "Tiempo"). It follows the session given to :meth:`follow`,
re-reading on the one changes signal and repainting the countdown four times a
second. The facilitator can freeze it, blank it or put up a message.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.room_state import RoomState, room_state

THEMES = {
    "light": {"bg": QColor("#ffffff"), "fg": QColor("#000000"), "soft": QColor("#333333"),
              "bar": QColor("#1f1f1f"), "bar_text": QColor("#ffffff"), "track": QColor("#d9d9d9")},
    "dark": {"bg": QColor("#000000"), "fg": QColor("#ffffff"), "soft": QColor("#dddddd"),
             "bar": QColor("#f2f2f2"), "bar_text": QColor("#000000"), "track": QColor("#444444")},
}
MIN_PX = 12


def format_clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    # Counting down, a second shows until it is over (59.2 s left reads 01:00);
    # the overrun counts whole seconds past zero (-00:01 after one second).
    whole = math.ceil(seconds) if seconds >= 0 else -math.floor(-seconds)
    sign = "-" if whole < 0 else ""
    minutes, secs = divmod(abs(whole), 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


@dataclass
class Block:
    """A piece of text placed in a rectangle, at the size that fits it."""

    name: str
    rect: QRect
    text: str
    px: int
    bold: bool = False
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    wrap: bool = True
    inverted: bool = False

    def font(self) -> QFont:
        font = QFont()
        font.setPixelSize(max(1, self.px))
        font.setBold(self.bold)
        return font

    def flags(self) -> int:
        flags = int(self.align)
        if self.wrap:
            flags |= int(Qt.TextFlag.TextWordWrap)
        return flags

    def fits(self) -> bool:
        """Whether the text, at its size, lies inside its rectangle (checked by tests)."""
        if not self.text:
            return True
        metrics = QFontMetrics(self.font())
        needed = metrics.boundingRect(self.rect, self.flags(), self.text)
        return needed.width() <= self.rect.width() + 1 and needed.height() <= \
            self.rect.height() + 1


def fitted(name: str, rect: QRect, text: str, px: int, **kw) -> Block:
    """The largest size up to ``px`` at which ``text`` fits ``rect``."""
    block = Block(name, rect, text, px, **kw)
    while block.px > MIN_PX and not block.fits():
        block.px = int(block.px * 0.92)
    if not block.fits() and text:  # still too long at the smallest size: shorten it
        words = text.split()
        while len(words) > 1 and not block.fits():
            words.pop()
            block.text = " ".join(words) + "…"
    return block


def same_size(blocks: list[Block]) -> list[Block]:
    """Give a row of like texts (idea texts, bar labels) one size: the smallest that fits all."""
    if blocks:
        px = min(b.px for b in blocks)
        for block in blocks:
            block.px = px
    return blocks


class RoomView(QWidget):
    """A top-level window for the projector; see the module docstring."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None, *, theme: str = "light") -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("RoomView")
        self.setMinimumSize(640, 400)
        self.theme = theme if theme in THEMES else "light"
        self.repo: Repo | None = None
        self.session_id: str | None = None
        self.state: RoomState | None = None
        self.frozen = False
        self.blanked = False
        self.message: str | None = None
        self.blocks: list[Block] = []
        self.bar_rects: list[tuple[QRect, float]] = []
        self.tick = QTimer(self)
        self.tick.setInterval(250)
        self.tick.timeout.connect(self._tick)
        ops.bus().changed.connect(self.on_changes)
        language_signal().changed.connect(self._on_language)
        self.retranslate()

    # -- what it shows ---------------------------------------------------------
    def follow(self, repo: Repo | None, session_id: str | None) -> None:
        self.repo, self.session_id = repo, session_id
        self.refresh()

    def refresh(self) -> None:
        if self.frozen:
            return
        self.state = None
        if self.repo is not None and self.session_id:
            try:
                self.state = room_state(self.repo, self.session_id)
            except CocreaError:
                self.state = None
        if self.state is not None and self.state.timer_seconds is not None:
            if not self.tick.isActive():
                self.tick.start()
        else:
            self.tick.stop()
        self.update()

    def on_changes(self, changes: Changes) -> None:
        self.refresh()

    def _tick(self) -> None:
        if not self.frozen:
            self.refresh()

    def _on_language(self, _code: str) -> None:
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Vista para la sala"))

    # -- the facilitator's controls ---------------------------------------------
    def set_frozen(self, frozen: bool) -> None:
        """Freeze: the room keeps seeing the last picture (e.g. while a typo is fixed)."""
        self.frozen = frozen
        if not frozen:
            self.refresh()
        self.update()

    def set_blank(self, blank: bool) -> None:
        self.blanked = blank
        self.update()

    def show_message(self, text: str | None) -> None:
        """A message over everything ("Receso 10 minutos"); None takes it away."""
        self.message = (text or "").strip() or None
        self.update()

    def set_theme(self, theme: str) -> None:
        self.theme = theme if theme in THEMES else "light"
        self.update()

    def place_on_screen(self, index: int | None = None) -> None:
        """Full screen on the chosen screen; by default the second one when there is one."""
        screens = QGuiApplication.screens()
        if index is None:
            index = 1 if len(screens) > 1 else 0
        if 0 <= index < len(screens) and len(screens) > 1:
            screen = screens[index]
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 768)
            self.show()  # one screen: a window that can be dragged to the projector

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.tick.stop()
        self.repo = None  # closed, it reads nothing until it follows a session again
        self.closed.emit()
        super().closeEvent(event)

    # -- layout ---------------------------------------------------------------------
    def layout_blocks(self) -> list[Block]:
        """Place every text of the current picture; also used by the tests."""
        w, h = self.width(), self.height()
        m = int(min(w, h) * 0.03)
        blocks: list[Block] = []
        self.bar_rects = []
        if self.message:
            blocks.append(fitted("message", QRect(m, m, w - 2 * m, h - 2 * m), self.message,
                                 int(h * 0.16), bold=True,
                                 align=Qt.AlignmentFlag.AlignCenter))
            return blocks
        state = self.state
        if state is None:
            blocks.append(fitted("empty", QRect(m, m, w - 2 * m, h - 2 * m),
                                 _("CoCrea · Vista para la sala"), int(h * 0.08),
                                 align=Qt.AlignmentFlag.AlignCenter))
            return blocks
        top = m
        clock_w = int(w * 0.30) if state.timer_seconds is not None else 0
        head_h = int(h * 0.16)
        blocks.append(fitted("phase", QRect(m, top, w - 2 * m - clock_w, int(head_h * 0.62)),
                             state.phase, int(head_h * 0.55), bold=True, wrap=False))
        blocks.append(fitted("title", QRect(m, top + int(head_h * 0.62), w - 2 * m - clock_w,
                                            int(head_h * 0.38)),
                             state.title, int(head_h * 0.28), wrap=False))
        if state.timer_seconds is not None:
            clock_rect = QRect(w - m - clock_w, top, clock_w, int(head_h * 0.72))
            blocks.append(fitted("clock", clock_rect, format_clock(state.timer_seconds),
                                 int(head_h * 0.8), bold=True, wrap=False,
                                 align=Qt.AlignmentFlag.AlignCenter,
                                 inverted=state.timer_state in ("warning", "expired")))
            blocks.append(fitted("clock_caption", QRect(w - m - clock_w,
                                                        top + int(head_h * 0.72), clock_w,
                                                        int(head_h * 0.28)),
                                 state.timer_caption, int(head_h * 0.22), bold=True, wrap=False,
                                 align=Qt.AlignmentFlag.AlignCenter))
        top += head_h + m // 2
        footer_h = int(h * 0.07)
        if state.mode == "question":  # the question alone, as large as the room needs
            blocks.append(fitted("question", QRect(m, top, w - 2 * m, h - top - footer_h - m),
                                 state.question, int(h * 0.11), bold=True,
                                 align=Qt.AlignmentFlag.AlignCenter))
            blocks.append(fitted("footer", QRect(m, h - m - footer_h, w - 2 * m, footer_h),
                                 state.rule, int(h * 0.032)))
            return blocks
        question_h = int(h * 0.13)
        blocks.append(fitted("question", QRect(m, top, w - 2 * m, question_h), state.question,
                             int(h * 0.055), bold=True))
        top += question_h + m // 2
        body = QRect(m, top, w - 2 * m, h - top - footer_h - m)
        footer_text = state.footer or state.rule
        blocks.append(fitted("footer", QRect(m, h - m - footer_h, w - 2 * m, footer_h),
                             footer_text, int(h * 0.032)))
        if state.mode == "results":
            blocks += self._layout_results(state, body)
        else:
            blocks += self._layout_items(state, body)
        return blocks

    def _layout_items(self, state: RoomState, body: QRect) -> list[Block]:
        blocks: list[Block] = []
        title_h = int(body.height() * 0.12)
        if state.items_title:
            blocks.append(fitted("items_title", QRect(body.x(), body.y(), body.width(), title_h),
                                 state.items_title, int(title_h * 0.8), bold=True, wrap=False))
        notes = list(state.notes)
        if state.extra.get("centre"):
            notes.insert(0, _("En el centro: {group}").format(group=state.extra["centre"]))
        notes_h = int(body.height() * 0.12) * min(2, len(notes))
        area = QRect(body.x(), body.y() + title_h, body.width(),
                     body.height() - title_h - notes_h)
        items = state.items
        if items:
            columns = 2 if len(items) > 5 else 1
            rows = -(-len(items) // columns)
            row_h = min(int(area.height() / max(rows, 1)), int(body.height() * 0.2))
            col_w = area.width() // columns
            number_w = int(row_h * 1.6)
            texts: list[Block] = []
            for i, item in enumerate(items):
                col, row = divmod(i, rows)
                x = area.x() + col * col_w
                y = area.y() + row * row_h
                blocks.append(fitted(f"item_number_{i}", QRect(x, y, number_w, row_h),
                                     item.number, int(row_h * 0.7), bold=True, wrap=False,
                                     align=Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter))
                text = item.text + (" (" + item.note + ")" if item.note else "")
                texts.append(fitted(f"item_text_{i}", QRect(x + number_w + row_h // 3, y,
                                                            col_w - number_w - row_h // 2,
                                                            row_h),
                                    text, int(row_h * 0.42)))
            blocks += same_size(texts)
        elif state.mode == "empty":
            blocks.append(fitted("waiting", area, _("Aquí aparecerán las ideas, con su número."),
                                 int(body.height() * 0.08), align=Qt.AlignmentFlag.AlignCenter))
        for j, note in enumerate(notes[:2]):
            blocks.append(fitted(f"note_{j}", QRect(body.x(), area.bottom() + 1 + j * (
                notes_h // max(1, min(2, len(notes)))), body.width(),
                notes_h // max(1, min(2, len(notes)))), note, int(body.height() * 0.07),
                bold=j == 0))
        return blocks

    def _layout_results(self, state: RoomState, body: QRect) -> list[Block]:
        blocks: list[Block] = []
        title_h = int(body.height() * 0.11)
        blocks.append(fitted("items_title", QRect(body.x(), body.y(), body.width(), title_h),
                             state.items_title, int(title_h * 0.8), bold=True, wrap=False))
        notes = list(state.notes)
        notes_h = int(body.height() * 0.1) * min(2, len(notes))
        area = QRect(body.x(), body.y() + title_h, body.width(),
                     body.height() - title_h - notes_h)
        bars = state.bars
        if bars:
            row_h = min(area.height() // len(bars), int(body.height() * 0.16))
            number_w = int(row_h * 1.5)
            text_w = int(area.width() * 0.40)
            texts: list[Block] = []
            bar_x = area.x() + number_w + text_w + row_h // 2
            bar_w = area.right() - bar_x
            top_value = max((b.value for b in bars), default=0) or 1
            for i, bar in enumerate(bars):
                y = area.y() + i * row_h
                blocks.append(fitted(f"bar_number_{i}", QRect(area.x(), y, number_w, row_h),
                                     str(bar.number), int(row_h * 0.7), bold=True, wrap=False,
                                     align=Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter))
                texts.append(fitted(f"bar_text_{i}", QRect(area.x() + number_w + row_h // 4, y,
                                                           text_w, row_h),
                                    bar.text, int(row_h * 0.4)))
                length = max(int(bar_w * bar.value / top_value), 2)
                rect = QRect(bar_x, y + row_h // 8, length, row_h - row_h // 4)
                self.bar_rects.append((rect, bar.value))
                label_inside = length > bar_w * 0.35
                pad = row_h // 5
                label_rect = rect.adjusted(pad, 0, -pad, 0) if label_inside else QRect(rect.right() + row_h // 4, rect.y(),
                                                             bar_w - length - row_h // 4,
                                                             rect.height())
                blocks.append(fitted(f"bar_value_{i}", label_rect, bar.label,
                                     int(row_h * 0.45), bold=True, wrap=False,
                                     align=(Qt.AlignmentFlag.AlignRight if label_inside else
                                            Qt.AlignmentFlag.AlignLeft)
                                     | Qt.AlignmentFlag.AlignVCenter,
                                     inverted=label_inside))
            blocks += same_size(texts)
        for j, note in enumerate(notes[:2]):
            each = notes_h // max(1, min(2, len(notes)))
            blocks.append(fitted(f"note_{j}", QRect(body.x(), area.bottom() + 1 + j * each,
                                                    body.width(), each), note,
                                 int(body.height() * 0.05)))
        return blocks

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        colors = THEMES[self.theme]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colors["bg"])
        if self.blanked:
            painter.fillRect(self.rect(), QColor("#000000"))
            painter.end()
            return
        self.blocks = self.layout_blocks()
        for rect, _value in self.bar_rects:
            painter.fillRect(rect, colors["bar"])
        for block in self.blocks:
            if block.name == "clock" and block.inverted:
                # The warning minute and time up: inverted and framed, not just coloured.
                painter.fillRect(block.rect, colors["fg"])
                painter.setPen(QPen(colors["bg"], max(4, block.rect.height() // 14)))
                painter.drawRect(block.rect.adjusted(6, 6, -6, -6))
            painter.setFont(block.font())
            if block.name.startswith("bar_value_") and block.inverted:
                painter.setPen(colors["bar_text"])
            elif block.name == "clock" and block.inverted:
                painter.setPen(colors["bg"])
            elif block.name in ("title", "footer", "clock_caption") or \
                    block.name.startswith("note_"):
                painter.setPen(colors["soft"])
            else:
                painter.setPen(colors["fg"])
            painter.drawText(QRectF(block.rect), block.flags(), block.text)
        if self.frozen:
            painter.setPen(QPen(colors["soft"], 3, Qt.PenStyle.DashLine))
            painter.drawRect(self.rect().adjusted(2, 2, -3, -3))
        painter.end()
