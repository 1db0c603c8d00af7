"""Paper ballots in the vote panel: print them, read them back, see the register balance.

:class:`PaperBallotsBox` sits above the ballot-entry line of the vote panel. A USB
barcode scanner types the QR payload and Enter into its scan field (a serial typed
by hand works too); a ballot ready to count gives its serial to the entry line, and
the next ballot saved carries it. Reading a stack of scans queues the ballots ready
to count: each ballot saved takes the next serial. Anything else (a duplicate, a
ballot of another session or round, a serial never issued, a forged code) is said
in words and never counted. Printing and reading scans run in the background
(``workers.run_task``); only the GUI thread writes to the process file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.register import MAX_ISSUE, READY
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import workers
from cocrea_desktop.ui.places import start_folder, unused_path

if TYPE_CHECKING:
    from cocrea_desktop.ui.views.vote_panels import VotePanel

_webcam: tuple[bool, str] | None = None


def webcam_available() -> tuple[bool, str]:
    """Whether a webcam can be used (OpenCV imports and a camera opens), and a tooltip.

    Checked once, the first time the webcam button is shown, and cached: never at import or
    start-up. Bounded well under a second (``camera.webcam_status``).
    """
    global _webcam
    if _webcam is None:
        from cocrea_desktop.export import camera

        status, _found = camera.webcam_status()
        if status == camera.NO_OPENCV:
            _webcam = (False, _("No se puede usar la cámara: OpenCV no está instalado. Use un "
                                "lector USB o lea las boletas escaneadas."))
        elif status == camera.NO_CAMERA:
            _webcam = (False, _("No se encontró ninguna cámara en este equipo. Use un lector "
                                "USB o lea las boletas escaneadas."))
        else:
            _webcam = (True, _("Leer las boletas mostrando su código QR a la cámara."))
    return _webcam


def summary_text(summary) -> str:
    """The reconciliation of a round in one line, with "cuadra" / "no cuadra" in words."""
    text = _("Emitidas {issued} · Devueltas {returned} · Sin devolver {not_returned} · "
             "Contadas {counted} · Nulas {void} · Estropeadas {spoiled} · "
             "Sin folio {without_serial}").format(**summary.as_dict())
    if summary.withdrawn:
        text += " · " + _("Anuladas sin usar {withdrawn}").format(withdrawn=summary.withdrawn)
    if summary.read_by_machine or summary.confirmed:
        text += " · " + _("Leídas por la máquina {machine} · Confirmadas por una persona "
                          "{person}").format(machine=summary.read_by_machine,
                                             person=summary.confirmed)
    verdict = _("cuadra") if summary.balanced else _("NO CUADRA")
    return text + " — " + verdict


def _prepare_pdf(spec: Any, path: str, task: workers.Task) -> Any:
    """Runs in the background: draws the PDF under a temporary name and reads it back."""
    from cocrea_desktop.export.pdf.ballots import prepare_ballots_pdf

    return prepare_ballots_pdf(spec, path, progress=task.progress,
                               cancelled=lambda: task.cancelled)


class _PageBridge(QObject):
    """Each page read in the background, delivered on the GUI thread (in order, before the
    task's result)."""

    page = Signal(object)


@dataclass
class ScanPage:
    """What one page gave: per ballot, (serial, what the queue keeps or None when the
    register refuses it, the register's message, source) and the page's problems."""

    ballots: list[tuple[str, Any, str, str]]
    problems: list[tuple[str, str]]


def _read_marks(repo: Any, session_id: str, round_: str, paths: list[str],
                bridge: _PageBridge, task: workers.Task) -> bool:
    """Runs in the background on its own read-only connection: read the marks page by page
    and hand each page to the GUI thread, which enters or queues its ballots (only the GUI
    thread writes). Returns whether it was cancelled. The straightened image of a ballot
    that will need a person is kept in the data folder here (files, not the process file).
    """
    from cocrea_desktop.export import omr

    total = omr.count_pages(paths)
    task.progress(0, total)
    done = 0
    for readings, problems in omr.iter_marks(repo, session_id, round_, paths,
                                             cancelled=lambda: task.cancelled):
        ballots = []
        for r in readings:
            kept = None
            if r.ready:
                kept = omr.as_read_ballot(r, "" if r.sure else omr.save_crop(r.crop))
            ballots.append((r.serial, kept, r.message, r.source))
        bridge.page.emit(ScanPage(ballots, problems))
        done += 1
        task.progress(min(done, total), total)
    return task.cancelled


class PrintBallotsDialog(QDialog):
    """How many ballots, how many per sheet (only layouts that fit), which paper and file.

    *Imprimir…* opens the system's print dialog first, then writes the PDF, issues its
    serials and sends the pages to the printer; *Solo guardar el PDF* writes the PDF and
    offers to open it. The serials are issued only once the PDF is written and read back:
    a cancel or a failure issues nothing.
    """

    def __init__(self, repo, session_id: str, round_: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_ballots")
        self.setWindowTitle(_("Imprimir boletas"))
        self.repo, self.session_id, self.round = repo, session_id, round_
        self.task: workers.Task | None = None
        self.output: Path | None = None
        self.serials: list[str] = []
        self.plan = None
        self.printer = None
        self.pages_sent = 0
        form = QFormLayout()
        self.count = QSpinBox(objectName="print_count")
        self.count.setRange(1, MAX_ISSUE)
        self.count.setValue(max(1, repo.session(session_id).participant_count or 20))
        self.per_page = QComboBox(objectName="print_per_page")
        self.paper = QComboBox(objectName="print_paper")
        self.paper.addItem(_("Carta"), "letter")
        self.paper.addItem(_("A4"), "a4")
        self.paper.currentIndexChanged.connect(lambda _i: self.update_layouts())
        self.file = QLineEdit(objectName="print_file")
        session = repo.session(session_id)
        self.file.setText(str(unused_path(start_folder(repo), "-".join(
            (_("boletas"), session.date or session.id[:8])), ".pdf")))
        choose = QPushButton(_("Elegir…"), objectName="print_choose")
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        form.addRow(_("&Cuántas boletas:"), self.count)
        form.addRow(_("Boletas por &hoja:"), self.per_page)
        form.addRow(_("&Papel:"), self.paper)
        file_label = QLabel(_("&Guardar el PDF en:"), objectName="print_file_label")
        file_label.setBuddy(self.file)  # a row of two widgets has no buddy of its own
        form.addRow(file_label, file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.progress = QProgressBar(objectName="print_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(objectName="print_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(_("Imprimir…"), objectName="print_go")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda _c=False: self.start(to_printer=True))
        self.save_button = QPushButton(_("Solo guardar el PDF"), objectName="print_save")
        self.save_button.clicked.connect(lambda _c=False: self.start(to_printer=False))
        self.cancel_button = QPushButton(_("Cancelar"), objectName="print_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.update_layouts()

    # -- seams: tests replace these -------------------------------------------------
    @staticmethod
    def ask_file(parent: QWidget, start: str) -> str:
        """Where to save the PDF; tests replace this."""
        path, _filter = QFileDialog.getSaveFileName(parent, _("Guardar las boletas"), start,
                                                    _("PDF (*.pdf)"))
        return path

    @staticmethod
    def ask_printer(parent: QWidget, printer) -> bool:
        """The system's print dialog on ``printer``; True to print. Tests replace this."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Imprimir boletas"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    @staticmethod
    def ask_open(parent: QWidget, path: Path) -> bool:
        """Whether to open the saved PDF now; tests replace this."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            parent, _("Boletas guardadas"),
            _("Las boletas se guardaron en:\n{path}\n\n¿Abrir el PDF ahora para "
              "imprimirlo?").format(path=path))
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def open_file(path: Path) -> None:
        """Open the PDF in the system's viewer (a local file, never a network address)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- layouts ------------------------------------------------------------------------
    def update_layouts(self) -> None:
        """Offer only the numbers of ballots per sheet whose layout fits the options."""
        from cocrea_desktop.export.paper import ballot_spec
        from cocrea_desktop.export.pdf.ballots import validate_spec

        current = self.per_page.currentData()
        self.per_page.clear()
        paper = self.paper.currentData()
        problem = ""
        for n in (4, 2, 1):
            try:
                validate_spec(ballot_spec(self.repo, self.session_id, self.round, [],
                                          per_page=n, paper=paper))
            except CocreaError as err:
                problem = err.message
                continue
            self.per_page.addItem(str(n), n)
        fits = self.per_page.count() > 0
        if fits and current is not None and self.per_page.findData(current) >= 0:
            self.per_page.setCurrentIndex(self.per_page.findData(current))
        for widget in (self.per_page, self.print_button, self.save_button):
            widget.setEnabled(fits and self.task is None)
        self.status.setText("" if fits else problem)

    def choose_file(self) -> None:
        chosen = type(self).ask_file(self, self.file.text())
        if chosen:
            self.file.setText(chosen)

    # -- printing -----------------------------------------------------------------------
    def start(self, *, to_printer: bool = True) -> None:
        if self.task is not None or self.per_page.count() == 0:
            return
        from cocrea_desktop.export.paper import _check_writable, plan_print

        name = self.file.text().strip()
        if not name:
            self.status.setText(_("Escriba el nombre del archivo PDF."))
            return
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        per_page, paper = self.per_page.currentData(), self.paper.currentData()
        try:  # nothing is written here: the serials are issued with their PDF
            spec, self.plan = plan_print(self.repo, self.session_id, self.round,
                                         self.count.value(), per_page=per_page, paper=paper)
            _check_writable(target.parent)
        except CocreaError as err:
            self.status.setText(err.message)
            return
        self.printer = None
        if to_printer:
            from cocrea_desktop.ui.pdf_printing import ballot_printer

            printer = ballot_printer(paper)
            if not type(self).ask_printer(self, printer):
                self.status.setText(_("No se imprimió nada y no se emitió ningún folio."))
                return
            self.printer = printer
        self.output = target
        self._busy(ngettext("Preparando {count} boleta…", "Preparando {count} boletas…",
                            len(self.plan.pairs)).format(count=len(self.plan.pairs)))
        self._run(lambda task: _prepare_pdf(spec, str(target), task), self._prepared)

    def _busy(self, text: str) -> None:
        for widget in (self.print_button, self.save_button, self.per_page):
            widget.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText(text)

    def _run(self, fn, on_result) -> None:
        task = workers.run_task(fn, on_result=on_result, on_error=self._failed,
                                on_progress=self._on_progress)
        self.task = task
        task.finished.connect(lambda: self._finished(task))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _prepared(self, prepared) -> None:
        if prepared is None:
            self.output = None
            self.status.setText(_("Impresión cancelada. No se emitió ningún folio."))
            return
        if ops.issue_printed_ballots(parent=self, repo=self.repo, plan=self.plan,
                                     prepared=prepared) is None:
            self.output = None
            self.status.setText(_("No se emitió ningún folio."))
            return
        self.serials = self.plan.serials
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        ready = _("Las boletas están listas ({count}) en:").format(
            count=len(self.serials)) + "\n" + str(self.output)
        self.status.setText(ready)
        if self.printer is not None:
            printer, path = self.printer, str(self.output)
            from cocrea_desktop.ui.pdf_printing import print_pdf

            self._busy(ready + "\n" + _("Enviando a la impresora…"))
            self._run(lambda task: print_pdf(path, printer, progress=task.progress,
                                             cancelled=lambda: task.cancelled), self._printed)
        elif type(self).ask_open(self, self.output):
            type(self).open_file(self.output)

    def _printed(self, pages: int) -> None:
        self.pages_sent = pages
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(
            _("Las boletas están listas ({count}) en:").format(count=len(self.serials))
            + "\n" + str(self.output) + "\n"
            + ngettext("Se envió {pages} hoja a la impresora.",
                       "Se enviaron {pages} hojas a la impresora.", pages).format(pages=pages))

    def _failed(self, err: BaseException) -> None:
        message = err.message if isinstance(err, CocreaError) else str(err)
        if self.serials and self.printer is not None:
            self.status.setText(_("El PDF está guardado, pero no se pudo imprimir: {reason}")
                                .format(reason=message))
            return
        self.output = None
        self.status.setText(_("No se pudo escribir el PDF: {reason}. No se emitió ningún "
                              "folio.").format(reason=message))

    def _finished(self, task) -> None:
        if self.task is not task:
            return
        self.task = None
        self.progress.setRange(0, 1)
        self.update_layouts_enabled()
        self.cancel_button.setText(_("Cerrar"))

    def update_layouts_enabled(self) -> None:
        fits = self.per_page.count() > 0
        for widget in (self.per_page, self.print_button, self.save_button):
            widget.setEnabled(fits)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            return
        self.reject()

    def running(self) -> bool:
        return self.task is not None


class VoidSerialsDialog(QDialog):
    """Tick the unused serials to void and say why."""

    def __init__(self, serials: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QDialogButtonBox, QListWidgetItem

        self.setObjectName("void_serials")
        self.setWindowTitle(_("Anular folios sin usar"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("Marque los folios que nunca se entregaron. Quedan anulados con el "
                         "motivo y una boleta con ese folio no se cuenta."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(objectName="void_list")
        for serial in serials:
            item = QListWidgetItem(format_serial(serial))
            item.setData(Qt.ItemDataRole.UserRole, serial)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list)
        label = QLabel(_("&Motivo:"))
        self.reason = QLineEdit(objectName="void_reason")
        self.reason.setPlaceholderText(_("p. ej. la impresora se atascó"))
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Anular"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancelar"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class PaperBallotsBox(QWidget):
    """Scan field, print and scan buttons, the serial being entered and its queue, the register."""

    def __init__(self, panel: VotePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.current = ""  # the serial the next saved ballot carries
        self.queue: list[str] = []  # serials read from scans, ready, waiting their turn
        self.task: workers.Task | None = None
        self.print_dialog: PrintBallotsDialog | None = None
        self.last_scan = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.scan_label = QLabel(objectName="scan_label")
        self.scan = QLineEdit(objectName="ballot_scan")
        self.scan_label.setBuddy(self.scan)
        self.scan.returnPressed.connect(self.read_entry)
        row.addWidget(self.scan_label)
        row.addWidget(self.scan, 1)
        self.print_button = QPushButton(objectName="print_ballots_button")
        self.print_button.clicked.connect(self.open_print)
        self.read_button = QPushButton(objectName="read_scans_button")
        menu = QMenu(self.read_button)
        self.act_files = QAction(self)
        self.act_files.triggered.connect(lambda _c=False: self.choose_files())
        self.act_folder = QAction(self)
        self.act_folder.triggered.connect(lambda _c=False: self.choose_folder())
        menu.addAction(self.act_files)
        menu.addAction(self.act_folder)
        self.read_button.setMenu(menu)
        self.spoiled_button = QPushButton(objectName="spoiled_button")
        self.spoiled_button.clicked.connect(self.ask_spoiled)
        self.void_button = QPushButton(objectName="void_serials_button")
        self.void_button.clicked.connect(self.ask_void_serials)
        self.webcam_button = QPushButton(objectName="webcam_button")
        self.webcam_button.setEnabled(False)  # checked when first shown (update_webcam_button)
        self.webcam_button.clicked.connect(self.open_camera)
        self.webcam_checked = False
        self.camera_window = None
        self.review_button = QPushButton(objectName="review_button")
        self.review_button.clicked.connect(self.open_review)
        self.review_window = None
        self.scan_bridge = _PageBridge(self)
        self.scan_bridge.page.connect(self._scan_page)
        self.scan_tally: dict[str, Any] = {}
        self.scan_target: tuple[str, str] = ("", "")
        layout.addLayout(row)
        # The buttons on rows of their own, so that the box fits beside the fair's letters
        # at 1024 px: print and read scans, then the register's corrections and the camera.
        for widgets in ((self.print_button, self.read_button, self.review_button),
                        (self.spoiled_button, self.void_button, self.webcam_button)):
            buttons = QHBoxLayout()
            for widget in widgets:
                buttons.addWidget(widget)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        current_row = QHBoxLayout()
        self.current_label = QLabel(objectName="paper_current")
        font = self.current_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.current_label.setFont(font)
        self.current_label.setWordWrap(True)
        self.clear_button = QPushButton(objectName="paper_clear")
        self.clear_button.clicked.connect(self.clear_current)
        current_row.addWidget(self.current_label, 1)
        current_row.addWidget(self.clear_button)
        layout.addLayout(current_row)
        self.message = QLabel(objectName="scan_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { border-left: 4px solid palette(text); "
                                   "padding-left: 6px; }")
        layout.addWidget(self.message)
        self.scan_progress = QProgressBar(objectName="scan_progress")
        self.scan_cancel = QPushButton(objectName="scan_cancel")
        self.scan_cancel.clicked.connect(self.cancel_scans)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.scan_progress, 1)
        progress_row.addWidget(self.scan_cancel)
        self.scan_progress.hide()
        self.scan_cancel.hide()
        layout.addLayout(progress_row)
        self.results = QListWidget(objectName="scan_results")
        self.results.setMaximumHeight(110)
        self.results.hide()
        layout.addWidget(self.results)
        self.register = QLabel(objectName="register_summary")
        self.register.setWordWrap(True)
        layout.addWidget(self.register)
        self.retranslate()

    # -- webcam ----------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.webcam_checked:
            self.webcam_checked = True
            self.update_webcam_button()

    def update_webcam_button(self) -> None:
        available, why = webcam_available()
        writable = self.panel.repo is not None and not getattr(self.panel.repo, "read_only",
                                                              False)
        self.webcam_button.setEnabled(available and writable)
        self.webcam_button.setToolTip(why)

    def open_camera(self) -> None:
        if not self.ready_to_use():
            return
        from cocrea_desktop.ui.views.camera_window import CameraWindow

        if self.camera_window is None:
            self.camera_window = CameraWindow(self)
        self.camera_window.show()
        self.camera_window.activateWindow()

    # -- context -----------------------------------------------------------------
    def ready_to_use(self) -> bool:
        p = self.panel
        return p.repo is not None and bool(p.round) and bool(p.session_id)

    def reset(self) -> None:
        """Another session or round: forget the serial in hand and the queue."""
        self.current, self.queue = "", []
        self.message.setText("")
        self.results.clear()
        self.results.hide()
        if self.review_window is not None:
            self.review_window.reload()
        self.show_current()

    def refresh(self) -> None:
        if not self.ready_to_use():
            return
        p = self.panel
        writable = not getattr(p.repo, "read_only", False)
        for widget in (self.scan, self.print_button, self.read_button, self.spoiled_button,
                       self.void_button):
            widget.setEnabled(writable)
        self.read_button.setEnabled(writable and self.task is None)
        self.update_review_button()
        if self.webcam_checked:
            self.update_webcam_button()
        try:
            self.register.setText(summary_text(p.repo.register.summary(p.session_id, p.round)))
        except CocreaError as err:
            self.register.setText(err.message)
        self.show_current()

    def show_current(self) -> None:
        waiting = len(self.queue)
        if self.current:
            text = _("Folio en captura: {serial}").format(serial=format_serial(self.current))
            self.panel.entry.setPlaceholderText(_("Marcas de la boleta {serial}").format(
                serial=format_serial(self.current)))
        else:
            text = _("Sin folio: la próxima boleta se guarda sin folio.")
            self.panel.entry.setPlaceholderText(self.panel.entry_example())
        if waiting:
            text += " " + ngettext("({count} boleta escaneada en espera)",
                                   "({count} boletas escaneadas en espera)",
                                   waiting).format(count=waiting)
        self.current_label.setText(text)
        self.clear_button.setEnabled(bool(self.current or self.queue))

    # -- reading one ballot (scanner or typed serial) ----------------------------
    def read_entry(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        self.read_text(text)

    def read_text(self, text: str):
        """One ballot read (scanner, typed serial or webcam); the register's outcome, or None.

        Ready: its serial goes to the ballot entry. Anything else is said, never counted.
        """
        text = text.strip()
        if not text or not self.ready_to_use():
            return None
        p = self.panel
        outcome = p.repo.register.read(p.session_id, p.round, text)
        if outcome.kind == READY:
            if self.current and self.current != outcome.serial:
                self.queue.insert(0, self.current)
            self.queue = [s for s in self.queue if s != outcome.serial]
            self.current = outcome.serial
            self.message.setText(outcome.message)
            self.show_current()
            p.entry.setFocus()
            return outcome
        self.message.setText("⚠ " + outcome.message)
        self.scan.setFocus()
        return outcome

    def ballot_saved(self) -> None:
        """The ballot in hand was saved: take the next serial waiting, if any."""
        self.current = ""
        self.message.setText("")  # "Boleta …: capture sus marcas." no longer holds
        p = self.panel
        while self.queue and self.ready_to_use():
            serial = self.queue.pop(0)
            outcome = p.repo.register.read(p.session_id, p.round, serial)
            if outcome.kind == READY:
                self.current = serial
                self.message.setText(outcome.message)
                break
        self.show_current()

    def serial(self) -> str:
        return self.current

    def clear_current(self) -> None:
        self.current, self.queue = "", []
        self.message.setText(_("Se quitó el folio: la próxima boleta se guarda sin folio."))
        self.show_current()

    # -- spoiled ballots ------------------------------------------------------------
    @staticmethod
    def ask_serial(parent: QWidget) -> str:
        """The serial of a spoiled ballot; tests replace this."""
        text, ok = QInputDialog.getText(parent, _("Boleta estropeada"),
                                        _("Folio de la boleta estropeada (no se cuenta):"))
        return text if ok else ""

    def ask_spoiled(self) -> None:
        if not self.ready_to_use():
            return
        text = type(self).ask_serial(self).strip()
        if text:
            self.mark_spoiled(text)

    def mark_spoiled(self, text: str) -> None:
        p = self.panel
        outcome = p.repo.register.read(p.session_id, p.round, text)
        if outcome.kind != READY:
            self.message.setText("⚠ " + outcome.message)
            return
        if ops.mark_ballot_spoiled(parent=self, repo=p.repo, session_id=p.session_id,
                                   round_=p.round, serial=outcome.serial) is None:
            return
        self.message.setText(_("La boleta {serial} quedó como estropeada: se devolvió y no "
                               "se cuenta.").format(serial=format_serial(outcome.serial)))
        self.queue = [s for s in self.queue if s != outcome.serial]
        if self.current == outcome.serial:
            self.ballot_saved()
        self.show_current()

    # -- voiding serials never handed out ---------------------------------------------
    @staticmethod
    def ask_void(parent: QWidget, serials: list[str]) -> tuple[list[str], str] | None:
        """Which unused serials to void, and why; None if cancelled. Tests replace this."""
        dialog = VoidSerialsDialog(serials, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen(), dialog.reason.text()

    def ask_void_serials(self) -> None:
        if not self.ready_to_use():
            return
        p = self.panel
        unused = p.repo.register.unprinted_serials(p.session_id, p.round)
        if not unused:
            self.message.setText(_("No hay folios emitidos sin usar."))
            return
        answer = type(self).ask_void(self, unused)
        if not answer:
            return
        serials, reason = answer
        if ops.void_ballot_serials(parent=self, repo=p.repo, session_id=p.session_id,
                                   round_=p.round, serials=serials, reason=reason) is None:
            return
        self.queue = [s for s in self.queue if s not in serials]
        if self.current in serials:
            self.ballot_saved()
        self.message.setText(ngettext("Se anuló {count} folio sin usar.",
                                      "Se anularon {count} folios sin usar.",
                                      len(serials)).format(count=len(serials)))

    # -- printing -------------------------------------------------------------------
    def open_print(self) -> None:
        if not self.ready_to_use():
            return
        p = self.panel
        self.print_dialog = PrintBallotsDialog(p.repo, p.session_id, p.round, self)
        self.print_dialog.open()

    # -- reading scans ----------------------------------------------------------------
    @staticmethod
    def ask_files(parent: QWidget, start: str) -> list[str]:
        files, _filter = QFileDialog.getOpenFileNames(
            parent, _("Boletas escaneadas"), start,
            _("Imágenes y PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)"))
        return files

    @staticmethod
    def ask_folder(parent: QWidget, start: str) -> str:
        return QFileDialog.getExistingDirectory(parent, _("Carpeta con boletas escaneadas"),
                                                start)

    def choose_files(self) -> None:
        if self.ready_to_use():
            files = type(self).ask_files(self, str(start_folder(self.panel.repo)))
            if files:
                self.read_scans(files)

    def choose_folder(self) -> None:
        if self.ready_to_use():
            folder = type(self).ask_folder(self, str(start_folder(self.panel.repo)))
            if folder:
                self.read_scans([folder])

    def read_scans(self, paths: list[str]) -> None:
        """Read the marks of every ballot in the files or folders, in the background.

        Page by page, on the GUI thread: a ballot read without doubt is entered as the
        machine read it; any other ballot ready to count waits in the review queue; a ballot
        the register refuses (counted already, another session...) is listed with why.
        Cancel stops between pages: what was entered stays entered, one ballot at a time.
        """
        if self.task is not None or not self.ready_to_use():
            return
        p = self.panel
        sid, round_ = p.session_id, p.round
        self.results.clear()
        self.scan_target = (sid, round_)  # the stack belongs to this round, whatever is shown
        self.scan_tally = {"entered": 0, "queued": 0, "refused": 0, "problems": 0,
                           "ballots": 0, "started": time.monotonic(), "seconds": 0.0,
                           "cancelled": False}
        self.scan_progress.setRange(0, 0)
        self.scan_progress.show()
        self.scan_cancel.setEnabled(True)
        self.scan_cancel.show()
        self.read_button.setEnabled(False)
        self.message.setText(_("Leyendo las marcas de las boletas escaneadas…"))
        bridge = self.scan_bridge
        self.task = workers.run_read(
            p.repo.path, lambda ro, task: _read_marks(ro, sid, round_, list(paths), bridge, task),
            on_result=self._scans_read, on_error=self._scans_failed,
            on_progress=self._scan_progress)
        self.task.finished.connect(self._scans_finished)

    def cancel_scans(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.scan_cancel.setEnabled(False)
            self.message.setText(_("Cancelando: se termina la hoja en curso…"))

    def _scan_progress(self, done: int, total: int) -> None:
        self.scan_progress.setRange(0, max(total, 1))
        self.scan_progress.setValue(min(done, total))

    def _scan_page(self, page: ScanPage) -> None:
        """One page read: enter its sure ballots, queue the doubtful, list the refused."""
        from cocrea_desktop.export import omr

        if self.panel.repo is None:
            return
        p = self.panel
        sid, round_ = self.scan_target
        tally = self.scan_tally
        for serial, kept, message, source in page.ballots:
            tally["ballots"] = tally.get("ballots", 0) + 1
            shown = format_serial(serial) if serial else "—"
            name = Path(source).name
            if kept is None:
                tally["refused"] = tally.get("refused", 0) + 1
                self.results.addItem("⚠ " + _("{serial}: no se cuenta: {reason} [{source}]")
                                     .format(serial=shown, reason=message, source=name))
                continue
            kind, why = ops.take_read_ballot(parent=self, repo=p.repo, session_id=sid,
                                             round_=round_, ballot=kept)
            if kind == "entered":
                tally["entered"] = tally.get("entered", 0) + 1
                self.results.addItem("✓ " + _("{serial}: capturada como se leyó ({entry}) "
                                              "[{source}]").format(
                    serial=shown, entry=kept.entry, source=name))
            elif kind == "queued":
                tally["queued"] = tally.get("queued", 0) + 1
                reason = kept.reasons[0] if kept.reasons else ""
                self.results.addItem("? " + _("{serial}: en revisión: {reason} [{source}]")
                                     .format(serial=shown, reason=reason, source=name))
            else:
                tally["refused"] = tally.get("refused", 0) + 1
                omr.drop_crop(kept.crop_sha256)
                self.results.addItem("⚠ " + _("{serial}: no se cuenta: {reason} [{source}]")
                                     .format(serial=shown, reason=why, source=name))
        for source, reason in page.problems:
            tally["problems"] = tally.get("problems", 0) + 1
            self.results.addItem("⚠ " + _("{source}: sin código legible ({reason})").format(
                source=Path(source).name, reason=reason))
        self.results.setVisible(self.results.count() > 0)
        self.results.scrollToBottom()
        self.update_review_button()

    def scan_summary(self) -> str:
        """What the last stack gave, in words: entered, waiting for review, refused, files."""
        t = self.scan_tally
        parts = [ngettext("Se capturó {count} boleta como la leyó la máquina.",
                          "Se capturaron {count} boletas como las leyó la máquina.",
                          t["entered"]).format(count=t["entered"]),
                 ngettext("{count} boleta espera revisión.",
                          "{count} boletas esperan revisión.", t["queued"]).format(
                     count=t["queued"])]
        if t["refused"]:
            parts.append(ngettext("{count} boleta no se cuenta (vea por qué en la lista).",
                                  "{count} boletas no se cuentan (vea por qué en la lista).",
                                  t["refused"]).format(count=t["refused"]))
        if t["problems"]:
            parts.append(ngettext("{count} archivo o página sin código legible.",
                                  "{count} archivos o páginas sin código legible.",
                                  t["problems"]).format(count=t["problems"]))
        text = " ".join(parts)
        if t.get("cancelled"):
            text = _("Lectura cancelada; lo capturado se queda.") + " " + text
        return text

    def _scans_read(self, cancelled: bool) -> None:
        self.last_scan = self.scan_tally
        self.scan_tally["cancelled"] = bool(cancelled)
        self.scan_tally["seconds"] = time.monotonic() - self.scan_tally["started"]
        self.message.setText(self.scan_summary())
        self.update_review_button()
        if self.review_button.isEnabled():
            self.review_button.setFocus()

    def _scans_failed(self, err: BaseException) -> None:
        message = err.message if isinstance(err, CocreaError) else str(err)
        self.message.setText(_("No se pudieron leer los escaneos: {reason}").format(
            reason=message) + " " + self.scan_summary())

    def _scans_finished(self) -> None:
        self.task = None
        self.scan_progress.hide()
        self.scan_cancel.hide()
        self.read_button.setEnabled(True)

    # -- the review queue ---------------------------------------------------------
    def waiting_for_review(self) -> int:
        p = self.panel
        if not self.ready_to_use():
            return 0
        try:
            return p.repo.review.count_waiting(p.session_id, p.round)
        except CocreaError:
            return 0

    def update_review_button(self) -> None:
        waiting = self.waiting_for_review()
        self.review_button.setText(_("Revisar dudosas ({count})…").format(count=waiting))
        self.review_button.setEnabled(waiting > 0)

    def open_review(self) -> None:
        if not self.ready_to_use():
            return
        from cocrea_desktop.ui.views.review_window import ReviewWindow

        if self.review_window is None:
            self.review_window = ReviewWindow(self)
        self.review_window.reload()
        self.review_window.show()
        self.review_window.activateWindow()

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.scan_label.setText(_("&Lector o folio:"))
        self.scan.setPlaceholderText(_("Escanee el código QR o escriba el folio y pulse Intro"))
        self.scan.setToolTip(_("Un lector USB escribe aquí el código de la boleta. También "
                               "puede escribir el folio impreso (p. ej. 482-1571)."))
        self.print_button.setText(_("Imprimir boletas…"))
        self.read_button.setText(_("Leer escaneos…"))
        self.act_files.setText(_("Elegir archivos…"))
        self.act_folder.setText(_("Elegir una carpeta…"))
        self.spoiled_button.setText(_("Boleta estropeada…"))
        self.spoiled_button.setToolTip(_("Una boleta de papel devuelta rota o inservible: "
                                         "cuenta como devuelta, no como voto."))
        self.void_button.setText(_("Anular folios sin usar…"))
        self.void_button.setToolTip(_("Folios emitidos que nunca se entregaron (hojas perdidas "
                                      "o mal impresas): se anulan con su motivo y no se "
                                      "cuentan."))
        self.webcam_button.setText(_("Cámara"))
        self.scan_cancel.setText(_("Cancelar"))
        self.review_button.setToolTip(_("Las boletas que la máquina no leyó con certeza: "
                                        "véalas, confirme con Intro o corrija."))
        self.clear_button.setText(_("Quitar folio"))
        self.update_review_button()
        self.show_current()
        self.refresh()
