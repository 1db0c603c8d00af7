"""«Formatos impresos»: print the consultation's paper comment forms, each with its serial
and QR code. The PDF is made in the background and read back; only then are the serials
issued (one undo step), so a cancelled or failed print issues nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import workers


class FormsDialog(QDialog):
    def __init__(self, repo: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forms_dialog")
        self.repo = repo
        self.setWindowTitle(_("Formatos impresos para comentarios"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(_("Cada formato lleva el compromiso, la consulta y un folio con su "
                         "código QR. Al registrar un formato devuelto, el programa llena el "
                         "compromiso, la fecha y el canal; usted solo escribe el texto."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.commitments = QListWidget(objectName="forms_commitments")
        self.commitments.setMaximumHeight(150)
        consulted = {c.id for c in repo.consultation._consulted(repo.consultation.require())}
        for c in repo.commitments.list():
            item = QListWidgetItem(f"{c.label}. {c.name}")
            item.setData(Qt.ItemDataRole.UserRole, c.label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.id in consulted
                               else Qt.CheckState.Unchecked)
            self.commitments.addItem(item)
        form.addRow(_("Compromisos:"), self.commitments)
        self.section = QLineEdit(objectName="forms_section")
        self.section.setPlaceholderText(_("Opcional: una parte del plan (p. ej. Diagnóstico)"))
        form.addRow(_("Sección:"), self.section)
        self.count = QSpinBox(objectName="forms_count")
        self.count.setRange(1, 500)
        self.count.setValue(10)
        form.addRow(_("Formatos de cada uno:"), self.count)
        self.per_page = QComboBox(objectName="forms_per_page")
        self.per_page.addItem(_("Uno por hoja (letra grande)"), 1)
        self.per_page.addItem(_("Dos por hoja"), 2)
        form.addRow(_("Por hoja:"), self.per_page)
        row = QHBoxLayout()
        self.file = QLineEdit(objectName="forms_file")
        self.file.setText(str(Path(repo.path).parent / "formatos-consulta.pdf"))
        choose = QPushButton(_("&Elegir…"))
        choose.clicked.connect(lambda _c=False: self.choose_file())
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        form.addRow(_("Archivo PDF:"), row)
        layout.addLayout(form)
        self.progress = QProgressBar(objectName="forms_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(objectName="forms_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(_("&Hacer el PDF"), objectName="forms_print")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda _c=False: self.make_pdf())
        self.close_button = QPushButton(_("&Cerrar"), objectName="forms_close")
        self.close_button.clicked.connect(lambda _c=False: self.close_or_cancel())
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.task: workers.Task | None = None
        self.plan: Any = None
        self.output: Path | None = None
        self.printed: list[Any] = []

    def choose_file(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, _("Guardar los formatos"),
                                               self.file.text(), "PDF (*.pdf)")
        if path:
            self.file.setText(path)

    def chosen_commitments(self) -> list[str]:
        return [self.commitments.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.commitments.count())
                if self.commitments.item(i).checkState() == Qt.CheckState.Checked]

    def make_pdf(self) -> None:
        from cocrea_desktop.export.consultation_forms import plan_forms_print, prepare_forms_pdf
        from cocrea_desktop.export.paper import _check_writable

        name = self.file.text().strip()
        if not name:
            self.status.setText(_("Escriba el nombre del archivo PDF."))
            return
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        chosen = self.chosen_commitments()
        section = self.section.text().strip()
        if not chosen and not section:
            self.status.setText(_("Elija al menos un compromiso o escriba una sección."))
            return
        try:  # nothing is written here: the serials are issued with their PDF
            sheet, self.plan = plan_forms_print(
                self.repo, commitments=chosen, sections=[section] if section else [],
                count=self.count.value(), per_page=self.per_page.currentData())
            _check_writable(target.parent)
        except CocreaError as err:
            self.status.setText(err.message)
            return
        self.output = target
        self.print_button.setEnabled(False)
        self.progress.setRange(0, 0)
        n = len(self.plan.forms)
        self.status.setText(ngettext("Preparando {n} formato…", "Preparando {n} formatos…",
                                     n).format(n=n))
        self.task = workers.run_task(
            lambda task: prepare_forms_pdf(sheet, str(target), progress=task.progress,
                                           cancelled=lambda: task.cancelled),
            on_result=self._prepared, on_error=self._failed, on_progress=self._on_progress)
        self.task.finished.connect(self._finished)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _prepared(self, prepared: Any) -> None:
        if prepared is None:
            self.status.setText(_("Impresión cancelada. No se emitió ningún folio."))
            return
        if ops.issue_forms(parent=self, repo=self.repo, plan=self.plan,
                           prepared=prepared) is None:
            self.status.setText(_("No se emitió ningún folio."))
            return
        self.printed = list(self.plan.forms)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(ngettext(
            "Listo: {n} formato (folio {first}) en:", "Listos: {n} formatos (folios {first} a "
            "{last}) en:", len(self.printed)).format(
            n=len(self.printed), first=self.printed[0].shown_serial,
            last=self.printed[-1].shown_serial) + "\n" + str(self.output))

    def _failed(self, err: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(err, CocreaError):
            self.status.setText(err.message)
        else:
            self.status.setText(_("No se pudo hacer el PDF: {reason}").format(reason=err))

    def _finished(self) -> None:
        self.task = None
        self.print_button.setEnabled(True)

    def close_or_cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            return
        self.accept()
