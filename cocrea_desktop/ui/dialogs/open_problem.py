"""When a process file cannot be opened: say why in plain words and offer a way out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.errors import CocreaError, FileLocked, ReadOnlyFile
from cocrea_desktop.i18n import _
from cocrea_desktop.store.backup import BackupInfo, list_backups


class OpenProblemDialog(QDialog):
    """Choices: open a backup, open read-only, choose another file, or cancel."""

    def __init__(self, parent: QWidget | None, path: Path, err: CocreaError) -> None:
        super().__init__(parent)
        self.setObjectName("OpenProblemDialog")
        self.setWindowTitle(_("No se pudo abrir el proceso"))
        self.setMinimumWidth(560)
        self.choice: tuple[str, Path | None] = ("cancel", None)
        layout = QVBoxLayout(self)
        message = QLabel(err.message, objectName="message")
        message.setWordWrap(True)
        layout.addWidget(message)

        self.backups: list[BackupInfo] = list_backups(path)
        self.backup_list = QListWidget(objectName="backups")
        if self.backups:
            layout.addWidget(QLabel(_("Copias de seguridad de este archivo (la más reciente "
                                      "primero):")))
            for info in self.backups:
                stamp = dates.format_datetime(info.taken_at, "numeric")
                item = QListWidgetItem(_("{when} · {size} KB").format(
                    when=stamp, size=max(1, info.size // 1024)))
                self.backup_list.addItem(item)
            self.backup_list.setCurrentRow(0)
            layout.addWidget(self.backup_list)
        else:
            self.backup_list.hide()

        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        if self.backups:
            use_backup = QPushButton(_("Abrir la copia elegida"), objectName="use_backup")
            use_backup.clicked.connect(self._use_backup)
            buttons.addWidget(use_backup)
        if isinstance(err, (FileLocked, ReadOnlyFile)):
            read_only = QPushButton(_("Abrir solo para leer"), objectName="read_only")
            read_only.clicked.connect(lambda: self._finish("read_only", path))
            buttons.addWidget(read_only)
        if isinstance(err, FileLocked):
            force = QPushButton(_("Quitar el bloqueo y abrir"), objectName="break_lock")
            force.setToolTip(_("Úselo solo si ninguna otra ventana de CoCrea tiene abierto este "
                               "proceso (por ejemplo, si otra computadora se apagó de golpe)."))
            force.clicked.connect(lambda: self._finish("break_lock", path))
            buttons.addWidget(force)
        other = QPushButton(_("Elegir otro archivo…"), objectName="other")
        other.clicked.connect(lambda: self._finish("other", None))
        buttons.addWidget(other)
        cancel = QPushButton(_("Cancelar"), objectName="cancel")
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)

    def _use_backup(self) -> None:
        row = self.backup_list.currentRow()
        if 0 <= row < len(self.backups):
            self._finish("backup", self.backups[row].path)

    def _finish(self, action: str, path: Path | None) -> None:
        self.choice = (action, path)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, err: CocreaError) -> tuple[str, Path | None]:
        dialog = cls(parent, path, err)
        dialog.exec()
        return dialog.choice
