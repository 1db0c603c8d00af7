"""The «Informes» menu: privacy notice, attendance, printed sheets and reports, CEPAL's
first and second reports (PDF or an editable DOCX), open data.

PDFs and open data are made in the background (``workers.run_task``) on their
own read-only connection, with a progress bar; at the end a Spanish message
says where the file is. The main window only creates this object and calls
:meth:`retranslate` and :meth:`update_actions`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import workers
from cocrea_desktop.ui.places import start_folder, unused_path

if TYPE_CHECKING:
    from cocrea_desktop.ui.main_window import MainWindow

#: report key -> (needs a session, default file name stem)
REPORTS = {
    "sheet": (True, "asistencia"),
    "results": (True, "resultados"),
    "relatoria": (True, "relatoria"),
    "acta": (True, "acta"),
    "process": (False, "informe-del-proceso"),
    "informe1": (False, "primer-informe"),
    "informe2": (False, "segundo-informe"),
}
#: Reports that are also written as an editable Word document (the file's suffix decides).
DOCUMENTS = {"informe1", "informe2"}


def _make_report(repo: Any, kind: str, session_id: str | None, target: Path,
                 task: workers.Task) -> Path:
    """Runs in the background (``workers.run_read``) on its own read-only connection."""

    def cancelled() -> bool:
        return task.cancelled

    if kind == "sheet":
        from cocrea_desktop.export.pdf.attendance import write_attendance_sheet

        return write_attendance_sheet(repo, session_id, target, progress=task.progress,
                                      cancelled=cancelled)
    if kind == "process":
        from cocrea_desktop.export.pdf.process_report import write_process_report

        return write_process_report(repo, target, progress=task.progress, cancelled=cancelled)
    if kind == "informe1":
        from cocrea_desktop.export.informe1 import write_informe1

        return write_informe1(repo, target, progress=task.progress, cancelled=cancelled)
    if kind == "informe2":
        from cocrea_desktop.export.informe2 import write_informe2

        return write_informe2(repo, target, progress=task.progress, cancelled=cancelled)
    from cocrea_desktop.export.pdf.session_reports import write_session_report

    return write_session_report(repo, session_id, kind, target, progress=task.progress,
                                cancelled=cancelled)


def _make_open_data(repo: Any, folder: Path, task: workers.Task) -> Any:
    from cocrea_desktop.export.opendata import export_open_data

    return export_open_data(repo, folder, progress=task.progress)


class EvidenceMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: workers.Task | None = None
        self.progress: QProgressDialog | None = None
        self.last_output: Path | None = None
        self.last_message = ""
        w = window
        self.act_privacy = w._action("act_privacy", self.edit_privacy)
        self.act_attendance = w._action("act_attendance", self.edit_attendance, "Ctrl+Shift+A")
        self.act_sheet = w._action("act_report_sheet", lambda: self.report("sheet"))
        self.act_results = w._action("act_report_results", lambda: self.report("results"))
        self.act_relatoria = w._action("act_report_relatoria", lambda: self.report("relatoria"))
        self.act_acta = w._action("act_report_acta", lambda: self.report("acta"))
        self.act_process = w._action("act_report_process", lambda: self.report("process"))
        self.act_informe1 = w._action("act_report_informe1", lambda: self.report("informe1"))
        self.act_informe2 = w._action("act_report_informe2", lambda: self.report("informe2"))
        self.act_opendata = w._action("act_open_data", self.open_data)
        self.menu = QMenu(w)
        self.menu.setObjectName("menu_reports")
        before = getattr(w, "menu_language", None)
        if before is not None:
            w.menuBar().insertMenu(before.menuAction(), self.menu)
        else:
            w.menuBar().addMenu(self.menu)
        for action in (self.act_privacy, self.act_attendance, None, self.act_sheet, None,
                       self.act_results, self.act_relatoria, self.act_acta, self.act_process,
                       self.act_informe1, self.act_informe2, None, self.act_opendata):
            if action is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(action)

    # Where to save: tests replace these (None = the user cancelled).
    @staticmethod
    def ask_save_path(parent: QWidget, title: str, suggested: str) -> str | None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, suggested,
                                                    _("Documentos PDF (*.pdf)"))
        return name or None

    @staticmethod
    def ask_document_path(parent: QWidget, title: str, suggested: str) -> str | None:
        """A PDF or an editable Word document: the name's suffix if one was typed, else the
        type chosen in the list (the name is offered without a suffix, so that choosing
        «Word» in the list is enough)."""
        pdf, word = _("Documentos PDF (*.pdf)"), _("Documentos de Word editables (*.docx)")
        offered = Path(suggested)
        if offered.suffix.lower() in (".pdf", ".docx"):
            offered = offered.with_suffix("")
        name, chosen = QFileDialog.getSaveFileName(parent, title, str(offered),
                                                   ";;".join((pdf, word)))
        if not name:
            return None
        if Path(name).suffix.lower() not in (".pdf", ".docx"):
            name += ".docx" if chosen == word else ".pdf"
        return name

    @staticmethod
    def ask_folder(parent: QWidget, title: str, suggested: str) -> str | None:
        return QFileDialog.getExistingDirectory(parent, title, suggested) or None

    def retranslate(self) -> None:
        self.menu.setTitle(_("&Informes"))
        self.act_privacy.setText(_("Aviso de &privacidad…"))
        self.act_attendance.setText(_("&Asistencia de la sesión…"))
        self.act_sheet.setText(_("Imprimir la &hoja de asistencia…"))
        self.act_results.setText(_("&Resultados de la sesión (PDF)…"))
        self.act_relatoria.setText(_("Re&latoría de la sesión (PDF)…"))
        self.act_acta.setText(_("A&cta de la sesión (PDF)…"))
        self.act_process.setText(_("Informe del proce&so (PDF)…"))
        self.act_informe1.setText(_("Primer informe: dia&gnóstico (PDF o Word)…"))
        self.act_informe2.setText(_("Segundo informe: &encuentros ciudadanos (PDF o Word)…"))
        self.act_opendata.setText(_("Exportar &datos abiertos…"))

    def update_actions(self) -> None:
        repo = self.window.repo
        has_repo = repo is not None
        writable = has_repo and not repo.read_only
        has_session = self.window.current_session() is not None
        busy = self.task is not None
        self.act_privacy.setEnabled(writable)
        self.act_attendance.setEnabled(writable and has_session)
        for action in (self.act_sheet, self.act_results, self.act_relatoria, self.act_acta):
            action.setEnabled(has_repo and has_session and not busy)
        self.act_process.setEnabled(has_repo and not busy)
        self.act_informe1.setEnabled(has_repo and not busy)
        self.act_informe2.setEnabled(has_repo and not busy)
        self.act_opendata.setEnabled(has_repo and not busy)

    # -- dialogs --------------------------------------------------------------------------
    def edit_privacy(self) -> None:
        repo = self.window.repo
        if repo is None or repo.read_only:
            return
        from cocrea_desktop.ui.dialogs.privacy_dialog import PrivacyDialog  # on first use

        values = PrivacyDialog.ask(self.window, repo.attendance.privacy(),
                                   repo.process().responsible_body)
        if values is not None:
            ops.set_privacy(parent=self.window, repo=repo, **values)

    def edit_attendance(self) -> None:
        repo = self.window.repo
        session = self.window.current_session()
        if repo is None or repo.read_only or session is None:
            return
        from cocrea_desktop.ui.dialogs.attendance_dialog import AttendanceDialog  # on use

        AttendanceDialog.show_for(self.window, repo, session.id)

    # -- background work ----------------------------------------------------------------------
    def _suggested(self, stem: str, suffix: str, per_session: bool = True) -> str:
        repo = self.window.repo
        session = self.window.current_session()
        parts = [stem]
        if session is not None and per_session and suffix:
            parts.append(session.date or session.id[:8])
        return str(unused_path(start_folder(repo), "-".join(parts), suffix))

    def report(self, kind: str) -> None:
        repo = self.window.repo
        if repo is None or self.task is not None:
            return
        needs_session, stem = REPORTS[kind]
        session = self.window.current_session()
        if needs_session and session is None:
            return
        if kind in DOCUMENTS:
            chosen = type(self).ask_document_path(self.window, _("Guardar el documento"),
                                                  self._suggested(stem, ".pdf", needs_session))
        else:
            chosen = type(self).ask_save_path(self.window, _("Guardar el PDF"),
                                              self._suggested(stem, ".pdf", needs_session))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf" and not (
                kind in DOCUMENTS and target.suffix.lower() == ".docx"):
            target = target.with_name(target.name + ".pdf")
        session_id = session.id if session is not None else None
        self._start(lambda ro, task: _make_report(ro, kind, session_id, target, task),
                    _("Preparando el documento…") if target.suffix.lower() == ".docx"
                    else _("Preparando el PDF…"), self._report_done)

    def open_data(self) -> None:
        repo = self.window.repo
        if repo is None or self.task is not None:
            return
        chosen = type(self).ask_folder(self.window, _("Carpeta para los datos abiertos"),
                                       str(start_folder(repo)))
        if not chosen:
            return
        folder = Path(chosen)
        self._start(lambda ro, task: _make_open_data(ro, folder, task),
                    _("Exportando datos abiertos…"), self._open_data_done)

    def _start(self, fn: Callable[[Any, workers.Task], Any], label: str,
               done: Callable[[Any], None]) -> None:
        """Run ``fn(read_only_repo, task)`` in the background behind a progress dialog."""
        self.progress = QProgressDialog(label, _("Cancelar"), 0, 0, self.window)
        self.progress.setObjectName("report_progress")
        self.progress.setWindowTitle(_("CoCrea"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.task = workers.run_read(self.window.repo.path, fn, on_result=done,
                                     on_error=self._failed, on_progress=self._on_progress)
        self.progress.canceled.connect(self.task.cancel)
        self.task.finished.connect(self._finished)
        self.update_actions()

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.task = None
        self.update_actions()

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        self.last_message = text
        box = QMessageBox(icon, _("CoCrea"), text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("report_message")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def _report_done(self, path: Path | None) -> None:
        self.last_output = path
        ready = (_("El documento está listo:") if path is not None and path.suffix.lower()
                 == ".docx" else _("El PDF está listo:"))
        self._tell(QMessageBox.Icon.Information, ready + "\n" + str(path))

    def _open_data_done(self, result: Any) -> None:
        self.last_output = result.folder
        text = _("Los datos abiertos están listos ({n} archivos) en:").format(
            n=len(result.files)) + "\n" + str(result.folder)
        if result.warnings:
            text += "\n\n" + "\n".join(result.warnings)
        self._tell(QMessageBox.Icon.Warning if result.leaks else QMessageBox.Icon.Information,
                   text)

    def _failed(self, err: BaseException) -> None:
        from cocrea_desktop.export.pdf.kit import Cancelled

        if isinstance(err, Cancelled):
            self._tell(QMessageBox.Icon.Information, _("Se canceló; no se escribió nada."))
        elif isinstance(err, CocreaError):
            self._tell(QMessageBox.Icon.Warning, err.message)
        else:
            self._tell(QMessageBox.Icon.Critical, _("No se pudo terminar: {reason}").format(
                reason=str(err) or type(err).__name__))
