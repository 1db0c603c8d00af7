"""Find text cut short inside a control that has room to show it.

A label, a button, an item of a table or list, or a column title is cut when what it
shows needs more room than it has: an elided item ("Falta cloración en el ta…"), a
label wider than its place, a button whose words do not fit. Views that wrap their
text are cut when the row is lower than the wrapped text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QListView,
    QStyle,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

SLACK = 2  # pixels of rounding


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    chain = []
    w: QWidget | None = widget
    while w is not None and len(chain) < 4:
        chain.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(chain))


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    """Inside a scroll area's contents (it can be scrolled to), not a view of its own."""
    w = widget.parentWidget()
    while w is not None and w is not root:
        if isinstance(w, QAbstractScrollArea) and not isinstance(w, QAbstractItemView):
            return True
        w = w.parentWidget()
    return False


def _label_cut(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    if label.wordWrap():
        words = QTextDocumentFragment.fromHtml(text).toPlainText().split() \
            if label.textFormat() != Qt.TextFormat.PlainText else text.split()
        font = QFont(label.font())
        font.setBold(font.bold() or "<b>" in text)
        widest = max((QFontMetrics(font).horizontalAdvance(w) for w in words), default=0)
        if widest > rect.width() + SLACK:
            return "a word needs {} px, has {}".format(widest, rect.width())
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            return "needs {} px of height, has {}".format(need, label.height())
        return None
    need = label.sizeHint().width()
    if need > label.width() + SLACK and rect.width() > 0:
        return "needs {} px, has {}".format(need, label.width())
    return None


def _button_cut(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    need = button.sizeHint().width()
    if need > button.width() + SLACK:
        return "needs {} px, has {}".format(need, button.width())
    return None


def _header_cuts(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    found = []
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal)
        if not text:
            continue
        lines = str(text).split("\n")
        need_w = max(metrics.horizontalAdvance(line) for line in lines) + 2 * margin
        need_h = metrics.height() * len(lines)
        if need_w > header.sectionSize(section) + SLACK:
            found.append("column title {!r} needs {} px, has {}".format(
                text, need_w, header.sectionSize(section)))
        elif need_h > header.height() + SLACK:
            found.append("column title {!r} needs {} px of height, has {}".format(
                text, need_h, header.height()))
    return found


def _view_cuts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found = []
    if isinstance(view, QListView) and view.horizontalScrollBar().isVisible():
        found.append("the list runs off its right edge (it scrolls sideways)")
    delegate = view.itemDelegate()
    viewport = view.viewport().rect()
    wraps = bool(view.wordWrap()) if hasattr(view, "wordWrap") else False

    def columns(parent: QModelIndex) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private: one column
            return 1

    def walk(parent: QModelIndex):
        for row in range(model.rowCount(parent)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                yield index
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and view.isExpanded(first):
                yield from walk(first)

    for index in walk(QModelIndex()):
        rect = view.visualRect(index)
        if not rect.isValid() or not rect.intersects(viewport):
            continue
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text is None or str(text) == "":
            continue
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.font = view.font()
        option.rect = rect
        option.decorationSize = view.iconSize() if view.iconSize().isValid() else \
            option.decorationSize
        if wraps:
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        need = delegate.sizeHint(option, index)
        if wraps or "\n" in str(text):
            if need.height() > rect.height() + SLACK:
                found.append("item {!r} needs {} px of height, has {}".format(
                    str(text)[:40], need.height(), rect.height()))
        elif need.width() > rect.width() + SLACK:
            found.append("item {!r} needs {} px, has {}".format(
                str(text)[:40], need.width(), rect.width()))
    return found


def cut_texts(root: QWidget) -> list[str]:
    """Every text cut short in ``root`` and the widgets it holds, as readable lines."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget, root):
            continue
        problems: list[str] = []
        if isinstance(widget, QLabel) and not _in_scroll_area(widget, root):
            problem = _label_cut(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QAbstractButton) and not _in_scroll_area(widget, root):
            problem = _button_cut(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QHeaderView):
            problems += _header_cuts(widget)
        elif isinstance(widget, QAbstractItemView):
            problems += _view_cuts(widget)
        if hasattr(widget, "cut_labels"):  # a painted chart says which labels it cut
            problems += ["label {!r} cut".format(t[:40]) for t in widget.cut_labels()]
        found += ["{}: {}".format(_name(widget), p) for p in problems]
    return found
