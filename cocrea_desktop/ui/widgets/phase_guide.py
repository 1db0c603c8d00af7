"""The phase guide: where the session is, the rule to read aloud, what to do, what comes next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import _


class StepLabel(QLabel):
    """One phase of the row; a click asks to move there."""

    clicked = Signal(int)

    def __init__(self, index: int) -> None:
        super().__init__(objectName=f"step_{index}")
        self.index = index
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit(self.index)
        super().mouseReleaseEvent(event)


def step_height(label: QLabel) -> int:
    """The height ``label`` needs for its words at its width, border and padding included
    (QLabel.heightForWidth leaves the style sheet's out, and a three-line title overlapped
    its box)."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setTextWidth(max(1, label.contentsRect().width()))
    frame = label.height() - label.contentsRect().height()
    return int(doc.size().height() + 0.999) + frame


#: What fit_words and fit_height found for a step's text at a width, for every screen's
#: steps: every resize and every phase move asked again for each step (a text document
#: made and laid out per step), a tenth of showing the results at 200 sessions.
_FACTORS: dict[tuple, float] = {}
_HEIGHTS: dict[tuple, int] = {}
#: Texts and widths come back (a method's phases, a few window widths): a bound all the same.
_KEPT = 2000


class StepIndicator(QWidget):
    """All phases in a row: done ones ticked, skipped ones marked, the current one boxed.

    Clicking a phase emits ``phase_clicked`` with its key; the screen moves there
    through the same journaled call as Alt+← and Alt+→.
    """

    phase_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)
        self.labels: list[QLabel] = []
        self.keys: list[str] = []

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.keys) and not self.labels[index].property("current"):
            self.phase_clicked.emit(self.keys[index])

    def show_steps(self, method: Method, current: int,
                   skipped: set[str] | frozenset[str] = frozenset()) -> None:
        self.keys = method.keys
        while len(self.labels) < len(method.phases):
            label = StepLabel(len(self.labels))
            label.clicked.connect(self._clicked)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)  # long titles take two lines instead of being cut
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.layout_.addWidget(label, 1)
            self.labels.append(label)
        for i, label in enumerate(self.labels):
            label.setVisible(i < len(method.phases))
        for i, phase in enumerate(method.phases):
            label = self.labels[i]
            is_skipped = i < current and phase.key in skipped
            mark = "⤼ " if is_skipped else ("✓ " if i < current else "")
            title = f"{mark}{i + 1}. {phase.title_text()}"
            html = title.replace("&", "&amp;").replace("<", "&lt;")
            if i == current:
                html = f"<b>{html}</b>"
            if phase.optional:
                html += "<br><i><small>{}</small></i>".format(_("opcional"))
            if is_skipped:
                html = f"<s>{html}</s>"
            label.setText(html)
            if is_skipped:
                tip = _("Omitida")
            elif i == current:
                tip = phase.rule_text()
            else:
                tip = _("{rule}\nClic: ir a esta fase (queda registrado).").format(
                    rule=phase.rule_text())
            label.setToolTip(tip)
            label.setProperty("skipped", is_skipped)
            if i == current:
                style = "QLabel { border: 3px solid palette(text); background: palette(base);" \
                        " padding: 2px; }"
            elif phase.optional:
                style = "QLabel { border: 1px dashed palette(mid); padding: 2px; }"
            else:
                style = "QLabel { border: 1px solid palette(mid); padding: 2px; }"
            if label.styleSheet() != style:  # a style sheet set again re-polishes the step
                label.setStyleSheet(style)
            label.setProperty("current", i == current)
        self.fit_words()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_words()

    def fit_words(self) -> None:
        """No step's word is cut ("Clarificatio"): its letters shrink (to 3/4 at most)."""
        base = self.font()
        for label in self.labels:
            if not label.isVisibleTo(self) or label.width() <= 0:
                continue
            room = label.contentsRect().width() - 4
            key = (label.text(), room, base.key())
            factor = _FACTORS.get(key)
            if factor is None:
                if len(_FACTORS) > _KEPT:
                    _FACTORS.clear()
                factor = _FACTORS[key] = self._word_factor(label.text(), room, base)
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * factor)
            if label.font() != font:
                label.setFont(font)
        self.fit_height()

    @staticmethod
    def _word_factor(text: str, room: int, base: QFont) -> float:
        """The largest of the steps' letter sizes at which no word of ``text`` is cut."""
        words = QTextDocumentFragment.fromHtml(text).toPlainText().split()
        font = QFont(base)
        for factor in (1.0, 0.92, 0.85, 0.78, 0.72):
            font.setPointSizeF(base.pointSizeF() * factor)
            bold = QFont(font)
            bold.setBold(True)
            if max((QFontMetrics(bold).horizontalAdvance(w) for w in words),
                   default=0) <= room:
                break
        return factor

    def _step_height(self, label: QLabel) -> int:
        key = (label.text(), label.font().key(), label.contentsRect().width(),
               label.height() - label.contentsRect().height())
        height = _HEIGHTS.get(key)
        if height is None:
            if len(_HEIGHTS) > _KEPT:
                _HEIGHTS.clear()
            height = _HEIGHTS[key] = step_height(label)
        return height

    def fit_height(self) -> None:
        """The row is as tall as its tallest step at the width each has: a title on three
        lines ("6. Discusión del voto", "opcional") is not cut or drawn over its box."""
        need = max((self._step_height(label) for label in self.labels
                    if label.isVisibleTo(self) and label.width() > 0), default=0)
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)
            for label in self.labels:
                label.setMinimumHeight(need)


class PhaseGuide(QFrame):
    """Phase name, its rule in one sentence, "Ahora:" and "Sigue:", and the steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phase_guide")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(3)
        self.steps = StepIndicator()
        layout.addWidget(self.steps)
        self.title = QLabel(objectName="phase_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.title.setFont(font)
        self.rule = QLabel(objectName="phase_rule")
        rule_font = self.rule.font()
        rule_font.setPointSizeF(rule_font.pointSizeF() * 1.3)
        self.rule.setFont(rule_font)
        self.rule.setWordWrap(True)
        self.now = QLabel(objectName="phase_now")
        self.now.setWordWrap(True)
        self.next = QLabel(objectName="phase_next")
        self.next.setWordWrap(True)
        for label in (self.title, self.rule, self.now, self.next):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(label)

    def show_phase(self, method: Method, phase: Phase, index: int,
                   upcoming: Phase | None,
                   skipped: set[str] | frozenset[str] = frozenset()) -> None:
        self.steps.show_steps(method, index, skipped)
        self.title.setText(_("Fase {n} de {total}: {phase}").format(
            n=index + 1, total=len(method.phases), phase=phase.title_text()))
        self.rule.setText(_("Regla: {rule}").format(rule=phase.rule_text()))
        self.now.setText(_("Ahora: {todo}").format(todo=phase.todo_text()))
        if upcoming is None:
            self.next.setText(_("Sigue: es la última fase; al terminar, la sesión queda "
                                "registrada."))
        elif upcoming.optional:
            self.next.setText(_("Sigue: {phase} (opcional; se puede saltar)").format(
                phase=upcoming.title_text()))
        else:
            self.next.setText(_("Sigue: {phase}").format(phase=upcoming.title_text()))
