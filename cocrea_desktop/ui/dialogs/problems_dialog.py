"""A list of problems to read calmly (an import refused row by row): a sentence saying
what happened, the lines in a read-only box that can be scrolled and copied."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _


class ProblemsDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, message: str,
                 lines: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("problems_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.message = QLabel(message, objectName="problems_message")
        self.message.setWordWrap(True)
        self.lines = QPlainTextEdit(objectName="problems_lines")
        self.lines.setReadOnly(True)
        self.lines.setPlainText("\n".join(lines))
        self.lines.setMinimumHeight(220)
        buttons = QDialogButtonBox()
        self.copy = QPushButton(_("&Copiar la lista"), objectName="problems_copy")
        self.copy.clicked.connect(lambda _c=False: QApplication.clipboard().setText(
            self.lines.toPlainText()))
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Cerrar"))
        buttons.rejected.connect(self.reject)
        close.clicked.connect(self.accept)
        for widget in (self.message, self.lines, buttons):
            layout.addWidget(widget)

    @classmethod
    def show_problems(cls, parent: QWidget | None, title: str, message: str,
                      lines: list[str]) -> None:
        """Show the list and wait (tests may replace this)."""
        cls(parent, title, message, lines).exec()
