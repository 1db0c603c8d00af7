"""A horizontal bar chart painted with QPainter, readable in black and white.

Every bar carries its number, its place and its label in words; a near tie is
marked with "≈" and a word in the legend, never with a colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cocrea_desktop.i18n import _


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    value_text: str
    marked: bool = False  # near tie: drawn with "≈" and a hatched bar


class BarChart(QWidget):
    BAR_MIN = 18
    BAR_MAX = 34

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bar_chart")
        self.bars: list[Bar] = []
        self.caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[Bar], caption: str = "") -> None:
        self.bars = list(bars)
        self.caption = caption
        self.setAccessibleDescription("; ".join(
            f"{b.label} {b.value_text}" for b in self.bars))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 40 + 2 * self.BAR_MAX * max(1, len(self.bars)))

    LABEL_LINES = 3  # a label wraps onto up to three lines before it is shortened

    def _layout(self, metrics: QFontMetrics, top: int) -> tuple[int, int, int]:
        """(bar height, bars that fit, label width): labels wrap and rows grow to hold them."""
        space = self.height() - top - 6
        label_width = min(int(self.width() * 0.55),
                          max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12)
        tallest = max(self._label_height(metrics, b.label, label_width) for b in self.bars)
        wanted = max(self.BAR_MIN, min(tallest, metrics.lineSpacing() * self.LABEL_LINES) + 6)
        height = min(max(self.BAR_MAX, wanted), max(self.BAR_MIN, space // max(1, len(self.bars))))
        height = max(height, min(wanted, space))
        fits = max(1, min(len(self.bars), space // max(1, height)))
        if fits < len(self.bars):  # keep a line for "… y 3 más en la tabla"
            fits = max(1, (space - metrics.height()) // max(1, height))
        return height, fits, label_width

    def _fit_label(self, metrics: QFontMetrics, label: str, label_width: int,
                   height: int) -> str:
        """The label whole if it fits in ``height``; else its first words and "…"."""
        if self._label_height(metrics, label, label_width) <= height:
            return label
        words = label.split()
        while len(words) > 1 and self._label_height(
                metrics, " ".join(words) + "…", label_width) > height:
            words.pop()
        return " ".join(words) + "…"

    @staticmethod
    def _label_height(metrics: QFontMetrics, label: str, label_width: int) -> int:
        return metrics.boundingRect(QRect(0, 0, max(1, label_width - 12), 10000),
                                    int(Qt.TextFlag.TextWordWrap), label).height()

    def cut_labels(self) -> list[str]:
        """The bar labels that do not show whole (for the tests that look for cut text)."""
        if not self.bars or self.height() <= 0:
            return []
        metrics = QFontMetrics(self.font())
        top = 6 + (metrics.height() + 6 if self.caption else 0)
        height, fits, label_width = self._layout(metrics, top)
        return [b.label for b in self.bars[:fits]
                if self._label_height(metrics, b.label, label_width) > height - 2]

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(palette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(palette.ColorRole.Base))
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        top = 6
        if self.caption:
            painter.setPen(text_color)
            painter.drawText(QRectF(8, top, self.width() - 16, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.caption)
            top += line + 6
        if not self.bars:
            painter.setPen(text_color)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             _("Todavía no hay votos que mostrar."))
            return
        height, fits, label_width = self._layout(metrics, top)
        value_width = max(metrics.horizontalAdvance(b.value_text + " ≈") for b in self.bars) + 12
        chart_width = max(10, self.width() - label_width - value_width - 16)
        highest = max(1, max(b.value for b in self.bars))
        for i, bar in enumerate(self.bars[:fits]):
            y = top + i * height
            box = QRectF(8, y, label_width - 8, height)
            painter.setPen(text_color)
            label = self._fit_label(metrics, bar.label, label_width, height - 2)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                      | Qt.TextFlag.TextWordWrap), label)
            width = chart_width * bar.value / highest
            rect = QRectF(label_width, y + 3, max(1.0, width), height - 6)
            painter.setPen(QPen(text_color, 1))
            painter.setBrush(QBrush(QColor(70, 70, 70)))
            painter.drawRect(rect)
            if bar.marked:
                painter.setBrush(QBrush(QColor(255, 255, 255), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(rect)
            text = bar.value_text + (" ≈" if bar.marked else "")
            text_w = metrics.horizontalAdvance(text) + 8
            if width >= text_w + 4 and not bar.marked:
                painter.setPen(QColor(255, 255, 255))
                painter.drawText(rect.adjusted(0, 0, -6, 0),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            else:
                painter.setPen(text_color)
                painter.drawText(QRectF(rect.right() + 6, y, value_width + 40, height),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        if fits < len(self.bars):
            painter.setPen(text_color)
            painter.drawText(QRectF(8, top + fits * height, self.width() - 16, line),
                             Qt.AlignmentFlag.AlignLeft,
                             _("… y {count} más en la tabla").format(count=len(self.bars) - fits))
