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

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QWidget

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.room import PAGE_SECONDS, RoomItem, RoomPage
from cocrea_desktop.export.room_state import RoomState, room_state
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.store.settings import load_settings
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import fit_window

THEMES = {
    "light": {"bg": QColor("#ffffff"), "fg": QColor("#000000"), "soft": QColor("#333333"),
              "bar": QColor("#1f1f1f"), "bar_text": QColor("#ffffff"), "track": QColor("#d9d9d9")},
    "dark": {"bg": QColor("#000000"), "fg": QColor("#ffffff"), "soft": QColor("#dddddd"),
             "bar": QColor("#f2f2f2"), "bar_text": QColor("#000000"), "track": QColor("#444444")},
}
#: The smallest text on a room page, as a share of the screen's height: read from 10 metres.
MIN_SHARE = 0.05


def min_px(height: int) -> int:
    """The smallest pixel size a room text may have on a screen ``height`` pixels high."""
    return math.ceil(height * MIN_SHARE)


def format_clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    # Counting down, a second shows until it is over (59.2 s left reads 01:00);
    # the overrun counts whole seconds past zero (-00:01 after one second).
    whole = math.ceil(seconds) if seconds >= 0 else -math.floor(-seconds)
    sign = "-" if whole < 0 else ""
    minutes, secs = divmod(abs(whole), 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
CENTRE = Qt.AlignmentFlag.AlignCenter


def make_font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, px))
    font.setBold(bold)
    return font


def text_size(text: str, px: int, *, bold: bool = False, width: int | None = None) -> QSize:
    """The size ``text`` takes at ``px``: on one line, or wrapped at ``width``."""
    metrics = QFontMetrics(make_font(px, bold))
    if width is None:
        return QSize(metrics.horizontalAdvance(text) + 2, metrics.height() + 2)
    rect = metrics.boundingRect(QRect(0, 0, max(1, width), 100000),
                                int(Qt.TextFlag.TextWordWrap), text)
    return QSize(rect.width(), rect.height())


@dataclass
class Block:
    """A piece of text placed in a rectangle, at the size that fits it."""

    name: str
    rect: QRect
    text: str
    px: int
    bold: bool = False
    align: Qt.AlignmentFlag = LEFT
    wrap: bool = True
    inverted: bool = False
    soft: bool = False

    def font(self) -> QFont:
        return make_font(self.px, self.bold)

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


def flow(name: str, x: int, y: int, width: int, text: str, px: int, smallest: int, *,
         bold: bool = False, one_line: bool = True, align=LEFT, soft: bool = False) -> Block:
    """A text at ``x, y``, ``width`` wide, as high as it needs.

    From ``px`` down to ``smallest`` it looks for a size at which the text fits on
    one line (when ``one_line``); otherwise it wraps at ``smallest``: never
    smaller, never cut.
    """
    size = px
    if one_line:
        while size > smallest and text_size(text, size, bold=bold).width() > width:
            size = max(smallest, int(size * 0.93))
    needed = text_size(text, size, bold=bold, width=width)
    return Block(name, QRect(x, y, width, needed.height()), text, size, bold=bold, align=align,
                 soft=soft)


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
        self.painted: list[PaintedText] = []
        self.bar_rects: list[tuple[QRect, float]] = []
        self.page_index = 0
        self._page_cache: tuple | None = None
        self._heights: dict = {}
        self.page_seconds = float(PAGE_SECONDS)
        self.page_timer = QTimer(self)
        self.page_timer.timeout.connect(self._auto_turn)
        self.set_page_seconds(load_settings().room_page_seconds)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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
        old, self.state = self.state, None
        if self.repo is not None and self.repo.closed:
            self.repo = None  # the process closed under it: show nothing, read nothing
        if self.repo is not None and self.session_id:
            try:
                self.state = room_state(self.repo, self.session_id)
            except CocreaError:
                self.state = None
        self._after_refresh(old)
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
            fit_window(self, 1024, 768)
            self.show()  # one screen: a window that can be dragged to the projector

    def closeEvent(self, event) -> None:
        self.tick.stop()
        self.page_timer.stop()
        self.repo = None  # closed, it reads nothing until it follows a session again
        self.closed.emit()
        super().closeEvent(event)

    # -- pages ----------------------------------------------------------------------
    def page_count(self) -> int:
        return len(self._pages()) if self.state is not None and not self.message else 1

    def current_page(self) -> RoomPage | None:
        if self.state is None or self.message:
            return None
        pages = self._pages()
        self.page_index = min(max(self.page_index, 0), len(pages) - 1)
        return pages[self.page_index]

    def next_page(self) -> None:
        """The next page (after the last, the first again); also PageDown or → in this window."""
        self._turn(+1)

    def previous_page(self) -> None:
        self._turn(-1)

    def _turn(self, step: int) -> None:
        count = self.page_count()
        if count > 1 and not self.frozen:
            self.page_index = (self.page_index + step) % count
            self.page_timer.start()  # a page turned by hand stays its full time
            self.update()

    def set_page_seconds(self, seconds: float) -> None:
        """How long a page stays before the next one turns by itself."""
        self.page_seconds = max(2.0, float(seconds))
        self.page_timer.setInterval(int(self.page_seconds * 1000))

    def _auto_turn(self) -> None:
        if not self.frozen and not self.blanked and self.page_count() > 1:
            self.page_index = (self.page_index + 1) % self.page_count()
            self.update()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space):
            self.next_page()
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.previous_page()
        elif key == Qt.Key.Key_Escape:
            self.close()  # as a slide show ends: the session screen's button opens it again
        else:
            super().keyPressEvent(event)

    def _after_refresh(self, old: RoomState | None) -> None:
        """Keep the page the room is reading; show the newest item while ideas come in."""
        new = self.state
        if new is None:
            self.page_index = 0
            return
        if old is None or (old.mode, old.phase, old.items_title) != \
                (new.mode, new.phase, new.items_title):
            self.page_index = 0
            self.page_timer.start()
        elif new.follow_last and len(new.items) > len(old.items):
            pages = self._pages()
            self.page_index = max(i for i, page in enumerate(pages) if page.items) \
                if any(page.items for page in pages) else 0
            self.page_timer.start()
        if not self.page_timer.isActive():
            self.page_timer.start()

    def _pages(self) -> tuple[RoomPage, ...]:
        state = self.state
        if state is None:
            return (RoomPage(""),)
        key = (state.mode, state.items, state.items_title, state.sentences,
               state.sentences_title, state.sections, state.timer_seconds is None, state.footer,
               self.width(), self.height())
        if self._page_cache is not None and self._page_cache[0] == key:
            return self._page_cache[1]
        body = self._frame(state)[1]
        area_h = body.height() - self._title_height() - self._gap()
        number_w = self._number_width(state.items)  # once: a list may hold 500 ideas
        pages = state.pages(
            fits_items=lambda items: self._items_height(state, items, body.width(),
                                                        number_w) <= area_h,
            fits_sentences=lambda sentences: self._sentences_height(sentences, body.width())
            <= area_h,
            fits_page=lambda items, _title, sentences: self._page_height(
                state, items, sentences, body.width()) <= area_h)
        self._page_cache = (key, pages)
        return pages

    # -- layout ---------------------------------------------------------------------
    #: A page's text grows to use the room, up to this share of the screen's height.
    MAX_SHARE = 0.09
    _grown: int = 0  # the body's grown text size while a page is laid out (0: none)

    def px(self) -> int:
        """The body text size: the smallest a room reads, 5 % of the screen's height (or
        larger, while the body of a page that leaves room is laid out)."""
        return max(self._grown, min_px(self.height()))

    def _page_height(self, state: RoomState, items, sentences, width: int) -> int:
        """The height of a page's items with its sentences under their title below."""
        height = self._items_height(state, items, width, self._number_width(state.items)) \
            if items else 0
        if sentences:
            height += (2 * self._gap() + self._title_height() if items else 0) + \
                self._sentences_height(sentences, width)
        return height

    def _grow(self, state: RoomState, page: RoomPage, area: QRect) -> int:
        """The largest text size, from the room's most down to its least, at which the
        page's body fits ``area``: a vote's three options were 30 px high on a 768-px
        screen with half of it empty. Only a list on one page grows (a long one keeps
        the least size and its pages), results keep theirs (their bars follow it)."""
        smallest = min_px(self.height())
        if page.count > 1 or state.mode == "results" or not (page.items or page.sentences):
            return smallest
        size = max(smallest, int(self.height() * self.MAX_SHARE))
        while size > smallest:
            self._grown = size
            try:
                if self._page_height(state, page.items, page.sentences, area.width()) <= \
                        area.height():
                    return size
            finally:
                self._grown = 0
            size = max(smallest, int(size * 0.94))
        return smallest

    def _margin(self) -> int:
        return int(min(self.width(), self.height()) * 0.03)

    def _gap(self) -> int:
        return max(4, self.px() // 3)

    def _title_height(self) -> int:
        return text_size("Ág", self.px(), bold=True).height()

    def _header(self, state: RoomState) -> tuple[list[Block], int]:
        w, m, px = self.width(), self._margin(), self.px()
        blocks: list[Block] = []
        right = w - m
        bottom = m
        if state.timer_seconds is not None:
            clock_px = max(px, int(self.height() * 0.12))
            clock_text = format_clock(state.timer_seconds)
            clock_w = max(text_size("-00:00", clock_px, bold=True).width(),
                          text_size(state.timer_caption, px, bold=True).width()) + px // 2
            clock_h = text_size(clock_text, clock_px, bold=True).height()
            blocks.append(Block("clock", QRect(w - m - clock_w, m, clock_w, clock_h), clock_text,
                                clock_px, bold=True, wrap=False, align=CENTRE,
                                inverted=state.timer_state in ("warning", "expired")))
            caption = flow("clock_caption", w - m - clock_w, m + clock_h, clock_w,
                           state.timer_caption, px, px, bold=True, align=CENTRE)
            blocks.append(caption)
            right = w - m - clock_w - px // 2
            bottom = caption.rect.bottom() + 1
        y = m
        phase = flow("phase", m, y, right - m, state.phase, int(px * 1.15), px, bold=True)
        blocks.append(phase)
        y = phase.rect.bottom() + 1
        if state.mode in ("question", "empty") and state.title:
            title = flow("title", m, y, right - m, state.title, px, px, soft=True)
            blocks.append(title)
            y = title.rect.bottom() + 1
        elif state.mode == "ideas" and state.question:
            # The question stays in sight while the ideas answering it come in.
            question = flow("question", m, y, right - m, state.question, px, px, soft=True,
                            one_line=False)
            blocks.append(question)
            y = question.rect.bottom() + 1
        return blocks, max(y, bottom) + self._gap()

    def _footer(self, state: RoomState) -> list[Block]:
        text = state.rule if state.mode in ("question", "empty") else state.footer
        if not text:
            return []
        w, h, m = self.width(), self.height(), self._margin()
        block = flow("footer", m, 0, w - 2 * m, text, self.px(), self.px(), soft=True,
                     one_line=False)
        block.rect.moveBottom(h - m)
        return [block]

    def _frame(self, state: RoomState) -> tuple[list[Block], QRect]:
        """The header and footer blocks, and the body rectangle between them."""
        w, m = self.width(), self._margin()
        blocks, top = self._header(state)
        footer = self._footer(state)
        bottom = (footer[0].rect.top() - self._gap()) if footer else self.height() - m
        return blocks + footer, QRect(m, top, w - 2 * m, max(0, bottom - top))

    def layout_blocks(self) -> list[Block]:
        """Place every text of the current picture; also used by the tests."""
        w, h = self.width(), self.height()
        m = self._margin()
        px = self.px()
        self.bar_rects = []
        if self.message:
            return [flow("message", m, m, w - 2 * m, self.message, int(h * 0.16), px,
                         bold=True, one_line=False, align=CENTRE)]
        state = self.state
        if state is None:
            return [flow("empty", m, m, w - 2 * m, _("CoCrea · Vista para la sala"),
                         int(h * 0.08), px, one_line=False, align=CENTRE)]
        blocks, body = self._frame(state)
        if state.mode in ("question", "empty"):
            # The question alone, as large as the room needs (and what comes, when empty).
            waiting = _("Aquí aparecerán las ideas, con su número.") if state.mode == "empty" \
                else ""
            size = int(h * 0.10)
            while True:
                question = flow("question", body.x(), body.y(), body.width(), state.question,
                                size, size, bold=True, one_line=False, align=CENTRE)
                used = question.rect.height()
                if waiting:
                    used += self._gap() + text_size(waiting, px, width=body.width()).height()
                if used <= body.height() or size <= px:
                    break
                size = max(px, int(size * 0.93))
            blocks.append(question)
            if waiting:
                blocks.append(flow("waiting", body.x(), question.rect.bottom() + 1 + self._gap(),
                                   body.width(), waiting, px, px, one_line=False, align=CENTRE,
                                   soft=True))
            return blocks
        page = self.current_page()
        if page is None:
            return blocks
        title_h = self._title_height()
        counter = page.counter
        counter_w = text_size(counter, px).width() if counter else 0
        if counter:
            blocks.append(Block("page", QRect(body.right() - counter_w + 1, body.y(), counter_w,
                                              title_h), counter, px, align=RIGHT, wrap=False,
                                soft=True))
        title_w = body.width() - counter_w - (px if counter else 0)
        blocks.append(flow("items_title", body.x(), body.y(), title_w, page.title, px, px,
                           bold=True))
        top = max(body.y() + title_h, blocks[-1].rect.bottom() + 1) + self._gap()
        area = QRect(body.x(), top, body.width(), body.bottom() - top + 1)
        grown = self._grow(state, page, area)
        self._grown = grown
        try:
            if page.items and state.mode == "results":
                body_blocks = self._layout_results(state, page.items, area)
            elif page.items:
                body_blocks = self._layout_items(page.items, area)
            else:
                body_blocks = []
            if page.sentences:
                y = area.y()
                if body_blocks:  # below the items, under their own title ("Cómo se vota")
                    y = max(b.rect.bottom() for b in body_blocks) + 1 + 2 * self._gap()
                    heading = flow("sentences_title", area.x(), y, area.width(),
                                   page.sentences_title, self.px(), self.px(), bold=True,
                                   one_line=False)
                    body_blocks.append(heading)
                    y = heading.rect.bottom() + 1 + self._gap()
                body_blocks += self._layout_sentences(
                    page.sentences, QRect(area.x(), y, area.width(), area.bottom() - y + 1))
        finally:
            self._grown = 0
        return blocks + body_blocks

    # Items: the idea (or group, cluster, stand) number, then its text, wrapped.
    def _number_width(self, items) -> int:
        """Room for the widest number (digits are all as wide; measured once per length)."""
        big = int(self.px() * 1.2)
        longest = max((i.number for i in items), key=len, default="")
        return self._measured(("number_w", big, longest), lambda: text_size(
            longest, big, bold=True).width()) + self.px() // 2

    def _measured(self, key, measure) -> int:
        """A text's height, measured once (paging a list of 500 ideas measures each once)."""
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 5000:
                self._heights.clear()
            height = self._heights[key] = measure()
        return height

    @staticmethod
    def _item_text(item: RoomItem) -> str:
        return item.text + (" (" + item.note + ")" if item.note else "")

    def _items_height(self, state: RoomState, items, width: int, number_w: int) -> int:
        if state.mode == "results":
            beside = self._bar_room(state.items, width - self._place_width())[1]
            return sum(self._measured(("result", item, self.px(), width, beside),
                                      lambda item=item: self._result_height(item, width, beside))
                       for item in items) + \
                self._gap() * max(0, len(items) - 1)
        px = self.px()
        offset = self._measured(("offset", px), lambda: max(0, (text_size(
            "8", int(px * 1.2), bold=True).height() - text_size("Ág", px).height()) // 2))
        heights = [self._measured(("item", i, px, width, number_w), lambda i=i: max(
            text_size(i.number, int(px * 1.2), bold=True).height() - offset,
            text_size(self._item_text(i), px, width=width - number_w).height()))
            for i in items]
        return sum(heights) + self._gap() * max(0, len(items) - 1)

    def _layout_items(self, items, area: QRect) -> list[Block]:
        blocks: list[Block] = []
        px = self.px()
        number_w = self._number_width(self.state.items if self.state else items)
        y = area.y()
        number_h = text_size("8", int(px * 1.2), bold=True).height()
        offset = max(0, (number_h - text_size("Ág", px).height()) // 2)
        for i, item in enumerate(items):
            # The number is raised so that it stands on the same line as the text's first.
            number = Block(f"item_number_{i}", QRect(area.x(), y - offset, number_w - px // 2,
                                                     number_h),
                           item.number, int(px * 1.2), bold=True, wrap=False, align=RIGHT)
            text = flow(f"item_text_{i}", area.x() + number_w, y, area.width() - number_w,
                        self._item_text(item), px, px, one_line=False)
            blocks += [number, text]
            y = max(number.rect.bottom(), text.rect.bottom()) + 1 + self._gap()
        return blocks

    # Results: the place, then the text, then a bar with "idea 7 · 45 puntos".
    def _place_width(self) -> int:
        return text_size("10.º", int(self.px() * 1.3), bold=True).width() + self.px() // 2

    def _result_label(self, item: RoomItem) -> str:
        return " · ".join(p for p in (item.label, item.value, item.note) if p)

    def _bar_room(self, items, content_w: int) -> tuple[int, bool]:
        """The longest bar, and whether the bars stand beside the words or on a line below.

        Beside when the longest label leaves a fifth of the width for the bar; otherwise
        (a long label, a narrow screen, a language with longer words) every bar of the
        list gets a line of its own, as long as the width: bars always show, to one scale.
        """
        px = self.px()
        # Once per list and size: paging asks it for each candidate page (it was
        # quadratic in the list's length: 10,000 labels measured for 100 ideas).
        label_w = self._measured(("label_w", tuple(items), px), lambda: max(
            (text_size(self._result_label(i), px, bold=True).width() for i in items),
            default=0))
        bar_max = content_w - label_w - px // 2
        if bar_max >= content_w // 5:
            return bar_max, True
        return content_w, False

    def _result_height(self, item: RoomItem, width: int, beside: bool = True) -> int:
        px = self.px()
        content_w = width - self._place_width()
        text_h = text_size(item.text, px, width=content_w).height() if item.text else 0
        label_h = text_size(self._result_label(item), px, bold=True, width=content_w).height()
        if not beside and item.share is not None:
            label_h += text_size("Ág", px, bold=True).height()  # the bar's own line
        place_h = text_size(item.number, int(px * 1.3), bold=True).height()
        offset = max(0, (place_h - text_size("Ág", px).height()) // 2)
        return max(place_h - offset, text_h + label_h)

    def _layout_results(self, state: RoomState, items, area: QRect) -> list[Block]:
        blocks: list[Block] = []
        px = self.px()
        place_w = self._place_width()
        content_x = area.x() + place_w
        content_w = area.width() - place_w
        bar_max, beside = self._bar_room(state.items, content_w)
        y = area.y()
        place_h = text_size("8", int(px * 1.3), bold=True).height()
        offset = max(0, (place_h - text_size("Ág", px).height()) // 2)
        for i, item in enumerate(items):
            # The place is raised so that it stands on the same line as the text's first.
            place = Block(f"place_{i}", QRect(area.x(), y - offset, place_w - px // 2, place_h),
                          item.number, int(px * 1.3), bold=True, wrap=False, align=RIGHT)
            blocks.append(place)
            text_y = y
            bottom = text_y
            if item.text:
                text = flow(f"result_text_{i}", content_x, text_y, content_w, item.text, px, px,
                            one_line=False)
                blocks.append(text)
                bottom = text.rect.bottom() + 1
            label_x = content_x
            line_h = text_size("Ág", px, bold=True).height()
            length = max(int(bar_max * item.share), 3) if item.share is not None else 0
            if length and beside:
                bar = QRect(content_x, bottom + line_h // 5, length, line_h - 2 * (line_h // 5))
                self.bar_rects.append((bar, item.share))
                label_x = bar.right() + 1 + px // 3
            label = flow(f"result_label_{i}", label_x, bottom,
                         area.right() + 1 - label_x, self._result_label(item), px, px, bold=True,
                         one_line=False)
            blocks.append(label)
            last = label.rect.bottom()
            if length and not beside:  # the bar on its own line, under the words
                top = label.rect.bottom() + 1
                bar = QRect(content_x, top + line_h // 5, length, line_h - 2 * (line_h // 5))
                self.bar_rects.append((bar, item.share))
                last = top + line_h - 1
            y = max(place.rect.bottom(), last) + 1 + self._gap()
        return blocks

    # Sentences: tie-breaks, near-ties, the rule, the letters; each its own paragraph.
    def _sentences_height(self, sentences, width: int) -> int:
        return sum(text_size(s, self.px(), width=width).height() for s in sentences) + \
            self._gap() * 2 * max(0, len(sentences) - 1)

    def _layout_sentences(self, sentences, area: QRect) -> list[Block]:
        blocks: list[Block] = []
        y = area.y()
        for j, sentence in enumerate(sentences):
            block = flow(f"note_{j}", area.x(), y, area.width(), sentence, self.px(), self.px(),
                         one_line=False)
            blocks.append(block)
            y = block.rect.bottom() + 1 + 2 * self._gap()
        return blocks

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        colors = THEMES[self.theme]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colors["bg"])
        self.painted = []
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
                painter.drawRect(block.rect.adjusted(3, 3, -3, -3))
            painter.setFont(block.font())
            if block.name == "clock" and block.inverted:
                painter.setPen(colors["bg"])
            elif block.soft or block.name == "clock_caption":
                painter.setPen(colors["soft"])
            else:
                painter.setPen(colors["fg"])
            drawn = painter.drawText(QRectF(block.rect), block.flags(), block.text)
            # What was really drawn, for the tests: the font and the text's own rectangle.
            self.painted.append(PaintedText(block.name, block.text, QFont(painter.font()),
                                            QRectF(block.rect), QRectF(drawn)))
        if self.frozen:
            painter.setPen(QPen(colors["soft"], 3, Qt.PenStyle.DashLine))
            painter.drawRect(self.rect().adjusted(2, 2, -3, -3))
        painter.end()


@dataclass
class PaintedText:
    """One text as painted: its font, the rectangle it was given, the one it took."""

    name: str
    text: str
    font: QFont
    rect: QRectF
    drawn: QRectF
