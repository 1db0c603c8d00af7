"""The room at 10 metres: every text on every room page of the demo process is at least 5 % of
the screen's height at 1024x768, and none is cut, clipped or covered.

The view is walked through each phase of each method of the demo process (store/demo.py),
page by page with its own keys, and every text the painter drew is measured: the pixel size
of the font it really used, and the rectangle the text really took against the one it was
given and the window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontInfo, QFontMetrics

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.ui.projector import RoomView
from scripts.room_screenshots import pages_of, walk_demo_rooms

WIDTH, HEIGHT = 1024, 768
SMALLEST = 0.05 * HEIGHT  # 38.4 px


def problems_on_page(view: RoomView, where: str) -> list[str]:
    window = QRectF(0, 0, view.width(), view.height())
    found = []
    texts = [p for p in view.painted if p.text.strip()]
    for p in texts:
        pixel = min(QFontInfo(p.font).pixelSize(), QFontMetrics(p.font).height())
        if pixel < SMALLEST:
            found.append(f"{where}: {p.name} {p.text!r} is {pixel}px high (< {SMALLEST:.1f})")
        given = p.rect.adjusted(-1, -1, 1, 1)
        if not given.contains(p.drawn):
            found.append(f"{where}: {p.name} {p.text!r} overflows its place: needs "
                         f"{p.drawn.getRect()}, has {p.rect.getRect()}")
        if not window.contains(p.drawn):
            found.append(f"{where}: {p.name} {p.text!r} runs off the screen: {p.drawn.getRect()}")
        if "…" in p.text:
            found.append(f"{where}: {p.name} {p.text!r} is shortened")
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            overlap = a.drawn.adjusted(1, 1, -1, -1).intersected(b.drawn.adjusted(1, 1, -1, -1))
            if not overlap.isEmpty():
                found.append(f"{where}: {a.name} {a.text!r} and {b.name} {b.text!r} overlap")
    return found


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_room_page_of_the_demo_reads_from_the_back(qtbot, lang):
    from cocrea_desktop.ui import qt_i18n

    qt_i18n.install(lang)
    view = RoomView()
    qtbot.addWidget(view)
    view.resize(WIDTH, HEIGHT)
    view.show()
    qtbot.waitExposed(view)
    problems: list[str] = []
    seen: list[str] = []
    words: list[str] = []

    def shoot(name: str) -> None:
        view.refresh()
        for page in pages_of(view):
            seen.append(f"{name} {page + 1}")
            problems.extend(problems_on_page(view, f"{name} page {page + 1}"))
            words.extend(p.text for p in view.painted)

    try:
        walk_demo_rooms(view, FakeClock(), shoot=shoot)
        view.show_message("Receso de 10 minutos")
        shoot("message")
    finally:
        qt_i18n.install("es")
    assert problems == []
    # It did walk the whole demo: every method, results of each kind, tie-break pages.
    assert len(seen) >= 60
    shown = "\n".join(words)
    for expected in {"es": ("1.º", "idea 4", "45 puntos", "comparten el lugar 9",
                            "Cómo se decidieron los lugares", "grupo de ideas 1", "stand 1",
                            "14 votos", "¡Queda un minuto!", "Huertos escolares"),
                     "en": ("#1", "idea 4", "45 points", "share place 9",
                            "How the places were decided", "cluster 1", "stand 1",
                            "14 votes", "One minute left!", "Huertos escolares")}[lang]:
        assert expected in shown, expected
    assert "María" not in shown and "951" not in shown  # never a contact person
