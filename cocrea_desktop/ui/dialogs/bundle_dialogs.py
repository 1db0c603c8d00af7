"""Bundles in the window: export to a USB stick, import and merge, decide conflicts.

Thin on purpose: the export runs in the background (ui.workers.run_task) on its
own read connection; verification, the merge preview, the merge and conflict
decisions are core calls (export.bundle, store.merge) reached through
ui.operations. The export form's layout is the Designer form ui/bundle_export.ui.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core import dates
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.export import bundle as bundles
from cocrea_desktop.export import keys
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store import merge
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui.forms.bundle_export_form import Ui_ExportBundleDialog
from cocrea_desktop.ui.places import start_folder
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import fit_window, wrap_list
from cocrea_desktop.ui.workers import run_read, run_task


def removable_folders() -> list[tuple[str, str]]:
    """(label, folder) of mounted volumes that look like USB sticks or memory cards."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady():
            continue
        root = volume.rootPath()
        fs = bytes(volume.fileSystemType()).decode(errors="replace").lower()
        looks_removable = fs in ("vfat", "fat32", "exfat", "msdos", "fuseblk", "ntfs") or \
            root.startswith(("/media/", "/run/media/", "/Volumes/")) or \
            (len(root) <= 3 and root[:1].isalpha() and root[1:2] == ":" and root[:1] not in "Cc")
        if not looks_removable:
            continue
        free = volume.bytesAvailable() / (1024 * 1024)
        name = volume.displayName() or root
        label = _("{name} ({free} MB libres)").format(name=name, free=int(free))
        if volume.isReadOnly():
            label += " — " + _("solo lectura")
        found.append((label, root))
    return found


def ask_device_name(parent: QWidget | None, repo: Repo | None) -> bool:
    """Ask what this computer is called (before the first bundle, or from the menu)."""
    from cocrea_desktop.store.device import load_or_create_device
    from cocrea_desktop.ui.dialogs.text_dialog import TextDialog

    device = repo.pf.device if repo is not None else load_or_create_device()
    name = TextDialog.ask(parent, _("Nombre de esta computadora"),
                          _("¿Cómo se llama esta computadora? Por ejemplo: Laptop de la mesa 3"
                            "\n\nLos paquetes llevan este nombre, para que en la oficina se "
                            "sepa de qué computadora vienen."),
                          device.name if device.name_chosen else "")
    if name is None:
        return False
    return ops.name_device(parent=parent, repo=repo, name=name) is not None


class ExportBundleDialog(QDialog):
    """Choose whole process or some sessions and a destination; write; say when it is safe."""

    export_finished = Signal(object)  # the Path written, or the error

    def __init__(self, parent: QWidget | None, repo: Repo) -> None:
        super().__init__(parent)
        ui = self.ui = Ui_ExportBundleDialog()
        ui.setupUi(self)
        self.whole, self.some, self.sessions = ui.whole, ui.some, ui.sessions
        self.destination, self.other_folder = ui.destination, ui.other_folder
        self.include_personal, self.personal_note = ui.include_personal, ui.personal_note
        self.progress, self.status, self.buttons = ui.progress, ui.status, ui.buttons
        self.key_note = ui.key_note
        self.repo = repo
        self.task = None
        self.written: Path | None = None
        for session in repo.sessions():
            item = QListWidgetItem(f"{repo.session_title(session)} — {session.question}")
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.sessions.addItem(item)
        wrap_list(self.sessions)
        self.some.toggled.connect(self.sessions.setEnabled)
        for label, folder in removable_folders():
            self.destination.addItem(label, folder)
        self.other_folder.clicked.connect(self.choose_folder)
        self.other_folder.setAutoDefault(False)  # Enter on it exports, once a place is chosen
        self.has_office_key = keys.office_public_key(repo.pf) is not None
        self.include_personal.setVisible(not self.has_office_key)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.retranslate()
        language_signal().changed.connect(self.retranslate)

    def retranslate(self, *_args) -> None:
        self.ui.retranslateUi(self)
        self.personal_note.setText(
            _("Los datos personales viajarán sellados para la oficina.") if self.has_office_key
            else _("Sin llave de la oficina, los datos personales se dejan fuera."))
        # The office compares this with the fingerprint it sees when it accepts the key.
        self.key_note.setText(_("Huella de la llave de esta computadora: {fingerprint}. En la "
                                "oficina la comparan al aceptar su primer paquete.").format(
            # One piece: a wrapped line never splits it (it is read out group by group).
            fingerprint=self.repo.pf.device.fingerprint().replace(" ", "\u00a0")))
        self.export_button.setText(_("Exportar"))
        self.close_button.setText(_("Cerrar"))

    def choose_folder(self) -> None:
        chosen = self.destination.currentData()
        begin = chosen if chosen and Path(chosen).is_dir() else str(start_folder(self.repo))
        folder = QFileDialog.getExistingDirectory(self, _("Elegir carpeta"), begin)
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str) -> None:
        index = self.destination.findData(folder)
        if index < 0:
            self.destination.addItem(folder, folder)
            index = self.destination.count() - 1
        self.destination.setCurrentIndex(index)
        self.status.setText("")  # "Elija una memoria o una carpeta." is answered
        # Enter now exports (the focus stayed on «Otra carpeta…» and Enter reopened it).
        self.export_button.setDefault(True)
        # Later, for the closing chooser hands the focus back to the button that opened it.
        QTimer.singleShot(0, self.export_button.setFocus)

    def chosen_sessions(self) -> list[str] | None:
        if self.whole.isChecked():
            return None
        return [self.sessions.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.sessions.count())
                if self.sessions.item(i).checkState() == Qt.CheckState.Checked]

    def start(self) -> None:
        folder = self.destination.currentData()
        if not folder:
            self.status.setText(_("Elija una memoria o una carpeta."))
            return
        sessions = self.chosen_sessions()
        if sessions == []:
            self.status.setText(_("Marque al menos una sesión."))
            return
        include = self.include_personal.isChecked() and not self.has_office_key
        if include and QMessageBox.warning(
                self, _("Datos personales sin cifrar"),
                _("Si se pierde la memoria, cualquiera podrá leer los nombres y teléfonos. "
                  "¿Incluirlos de todos modos?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No) != \
                QMessageBox.StandardButton.Yes:
            return
        if not self.repo.pf.device.name_chosen and not ask_device_name(self, self.repo):
            self.status.setText(_("El paquete lleva el nombre de esta computadora: escríbalo "
                                  "para exportar."))
            return
        self.export_button.setEnabled(False)
        self.status.setText(_("Escribiendo el paquete… no retire la memoria."))
        source, device = self.repo.path, self.repo.pf.device

        def work(task):
            return bundles.export_to(source, Path(folder), device=device, sessions=sessions,
                                     include_personal=include, progress=task.progress)

        self.task = run_task(work, on_result=self._done, on_error=self._failed,
                             on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(done * 100 / max(total, 1)))

    def _done(self, result) -> None:
        path, _export = result
        self.written = path
        self.progress.setValue(100)
        self.export_button.setEnabled(True)
        self.status.setText(_("Paquete guardado y comprobado: {name}. Ya puede retirar la "
                              "memoria.").format(name=path.name))
        self.export_finished.emit(path)

    def _failed(self, err: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.progress.setValue(0)
        message = err.message if isinstance(err, CocreaError) else str(err)
        self.status.setText(message)
        self.export_finished.emit(err)


class _ElideMiddle(QStyledItemDelegate):
    """A file's name cut in its middle: the table number at its end stays in view."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle
        # On one line: wrapped at its hyphens, the name lost its end all the same.
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


#: Where «Elegir paquetes…» and «Elegir carpeta…» opened last, while the program runs
#: (the office imports the tables' bundles from the same stick, one after another).
_LAST_FOLDER: dict[str, Path] = {}


def _bundle_folder(repo: Repo) -> str:
    last = _LAST_FOLDER.get("bundles")
    return str(last) if last is not None and last.is_dir() else str(start_folder(repo))


@dataclass
class _Item:
    path: Path
    bundle: bundles.Bundle | None
    error: str
    preview: bundles.ImportPreview | None = None
    accept: bool = False
    #: The same file was imported before (recognised by its hash, not verified again).
    past: bundles.PastImport | None = None
    #: What this window's import just merged from it (kept after the import).
    done: bundles.ImportPreview | None = None


def _check_one(pf, item: _Item, office_key: keys.OfficeKey | None) -> _Item:
    """Read, recognise, verify and preview one listed file (any thread, on ``pf`` of its
    own): a file imported before is recognised by its hash and not verified again, unless
    an office key would now open what stayed sealed."""
    out = _Item(item.path, item.bundle, "")
    try:
        if out.bundle is None:
            data = bundles.read_bundle_file(item.path)
            out.past = bundles.recognise_imported(pf, data, office_key=office_key)
            if out.past is not None:
                return out
            out.bundle = bundles.open_bundle(data)
        out.preview = bundles.preview_import(pf, out.bundle, office_key=office_key)
    except CocreaError as err:
        out.preview, out.error = None, err.message
    return out


def _done_summary(preview: bundles.ImportPreview, most: int = 3) -> str:
    """What an import merged, in words: *4 boletas, 8 marcas, 1 sesión…*"""
    parts = [(c.added + c.updated, table) for table, c in preview.plan.counts.items()
             if c.added + c.updated]
    parts.sort(key=lambda p: (-p[0], p[1]))
    words = [merge.record_count(table, n) for n, table in parts[:most]]
    if not words:
        return _("nada nuevo")
    return ", ".join(words) + ("…" if len(parts) > most else "")


class ImportBundlesDialog(QDialog):
    """Verify each chosen bundle and show what merging it would change; then merge."""

    COLUMNS = 5
    #: The listed files were checked (after each background check).
    checked = Signal()

    def __init__(self, parent: QWidget | None, repo: Repo) -> None:
        super().__init__(parent)
        self.setObjectName("ImportBundlesDialog")
        self.setWindowTitle(_("Importar paquetes"))
        # Wide enough for the five columns at 1366 px; fit_window keeps it on a smaller screen.
        fit_window(self, 1180, 600, centre=False)
        self.repo = repo
        self.items: list[_Item] = []
        self.office_key: keys.OfficeKey | None = None
        self.busy = False
        self.task = None
        self._waiting: list[tuple[list[_Item], bool]] = []
        self._queued: list[Path] = []
        self._gone = False
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.add_files = QPushButton(_("Elegir paquetes…"), objectName="add_files")
        self.add_folder = QPushButton(_("Elegir carpeta…"), objectName="add_folder")
        self.office_key_button = QPushButton(_("Llave de la oficina…"),
                                             objectName="office_key")
        for button in (self.add_files, self.add_folder, self.office_key_button):
            row.addWidget(button)
        row.addStretch(1)
        # While the files are checked (seconds for a whole office's bundle).
        self.progress = QProgressBar(objectName="checking")
        self.progress.setFormat(_("Comprobando paquetes… {done} de {total}").format(
            done="%v", total="%m"))  # Qt puts the figures in
        self.progress.setMinimumWidth(260)
        self.progress.hide()
        row.addWidget(self.progress)
        layout.addLayout(row)
        self.table = QTableWidget(0, self.COLUMNS, objectName="bundles")
        self.table.setHorizontalHeaderLabels([
            _("Archivo"), _("Computadora"), _("Llave"), _("Comprobación"), _("Cambios")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(0, _ElideMiddle(self.table))
        self.table.horizontalHeader().setStretchLastSection(True)  # also while empty
        layout.addWidget(self.table, 2)
        self.notice = QLabel(objectName="notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.details = QPlainTextEdit(objectName="details")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(_(
            "Elija los paquetes (.cocrea) que trajo en la memoria con «Elegir paquetes…», o "
            "todos los de una carpeta con «Elegir carpeta…». Cada uno se comprueba antes de "
            "importar nada; aquí verá lo que cambiaría."))
        layout.addWidget(self.details, 1)
        self.buttons = QDialogButtonBox()
        self.accept_key_button = self.buttons.addButton(
            _("Aceptar esta llave"), QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_key_button.setObjectName("accept_key")
        self.import_button = self.buttons.addButton(_("Importar"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import")
        self.close_button = self.buttons.addButton(_("Cerrar"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.add_files.clicked.connect(self.choose_files)
        self.add_folder.clicked.connect(self.choose_folder)
        self.office_key_button.clicked.connect(self.choose_office_key)
        self.accept_key_button.clicked.connect(self.accept_selected_key)
        self.import_button.clicked.connect(self.import_all)
        self.close_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self.show_details)
        self.update_buttons()

    # -- choosing ----------------------------------------------------------------
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Elegir paquetes"), _bundle_folder(self.repo),
            _("Paquetes de CoCrea (*.cocrea)"))
        if names:
            _LAST_FOLDER["bundles"] = Path(names[0]).parent
        self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Elegir carpeta"),
                                                  _bundle_folder(self.repo))
        if folder:
            _LAST_FOLDER["bundles"] = Path(folder)
            found = sorted(Path(folder).glob("*" + bundles.SUFFIX))
            if not found:
                self.say(_("La carpeta «{folder}» no tiene paquetes (.cocrea).").format(
                    folder=Path(folder).name or folder))
                return
            self.add_paths(found)

    def choose_office_key(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Llave privada de la oficina"), str(start_folder(self.repo)),
            _("Llave de la oficina (*.key)"))
        if name:
            self.set_office_key(Path(name))

    def set_office_key(self, path: Path) -> None:
        try:
            self.office_key = keys.load_office_key(path)
        except CocreaError as err:
            ops.show_error(self, err)
            return
        self.refresh_previews()  # a bundle whose sealed data stayed closed is read again

    def add_paths(self, paths: list[Path]) -> None:
        """Check each new file (nothing is written) and show it with its merge preview.

        The checks run in the background, on a read connection of their own: a bundle of
        a whole office (tens of megabytes) takes seconds to verify, and the window stays
        alive meanwhile, with a progress bar.
        """
        known = {item.path for item in self.items} | {p for p in self._queued}
        again = [path for path in paths if path in known]
        if len(again) > 3:  # a folder chosen twice: a count, not forty names
            self.say(_("Ya estaban en la lista {n} de estos paquetes.").format(n=len(again)))
        else:
            self.say(ngettext("Ya estaba en la lista: {names}", "Ya estaban en la lista: {names}",
                              len(again)).format(names=", ".join(p.name for p in again))
                     if again else "")
        new = []
        for path in paths:
            if path not in known:
                new.append(_Item(path, None, ""))
                known.add(path)
        if new:
            self._queued.extend(item.path for item in new)  # listed once, even while checked
            self._check(new, adding=True)

    def say(self, text: str) -> None:
        """A short notice above the details (a file chosen twice, an empty folder)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def refresh_previews(self) -> None:
        """Preview every listed bundle again (the file changed, or an office key came)."""
        self._check(list(self.items), adding=False)

    def _check(self, items: list[_Item], *, adding: bool) -> None:
        if self.busy:  # one check at a time; the next waits for this one
            self._waiting.append((items, adding))
            return
        if not items:
            self.fill()
            return
        office_key = self.office_key
        self.busy = True
        self.progress.setRange(0, len(items))
        self.progress.setValue(0)
        self.progress.show()
        self.update_buttons()

        def work(repo, task):
            found = []
            for done, item in enumerate(items):
                task.progress(done, len(items))
                found.append(_check_one(repo.pf, item, office_key))
            return found

        self.task = run_read(self.repo.path, work, on_result=lambda found: self._checked(
            items, found, adding), on_error=lambda err: self._check_failed(items, adding, err),
            on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)

    def _checked(self, items: list[_Item], found: list[_Item], adding: bool) -> None:
        if self._gone:
            return
        for item, result in zip(items, found):
            if item.done is not None and result.preview is not None and \
                    not result.preview.nothing_to_do:
                item.done = None  # there is something to import again (an office key now)
            item.bundle, item.error = result.bundle, result.error
            item.preview, item.past = result.preview, result.past
        if adding:
            self.items.extend(items)
            done = {item.path for item in items}
            self._queued = [p for p in self._queued if p not in done]
        self._finish_check()

    def _check_failed(self, items: list[_Item], adding: bool, err: BaseException) -> None:
        if self._gone:
            return
        if adding:  # not listed: the person may choose them again
            failed = {item.path for item in items}
            self._queued = [p for p in self._queued if p not in failed]
        self._finish_check()
        if not isinstance(err, CocreaError):  # never a traceback: said in words
            err = CocreaError(_("No se pudieron comprobar los paquetes: {reason}").format(
                reason=err))
        ops.show_error(self, err)

    def _finish_check(self) -> None:
        self.busy = False
        self.task = None
        self.progress.hide()
        self.fill()
        self.checked.emit()
        if self._waiting:
            items, adding = self._waiting.pop(0)
            self._check(items, adding=adding)

    # -- showing -------------------------------------------------------------------
    def key_text(self, item: _Item) -> str:
        if item.preview is None:
            # A file imported before is recognised only while its key is not revoked.
            return keys.status_label(keys.TRUSTED) if item.past is not None else ""
        status = item.preview.key_status
        if item.accept and status != keys.TRUSTED:
            return _("aceptada ahora")
        if status is None:
            return _("nueva: falta aceptarla")
        return keys.status_label(status)

    def fill(self) -> None:
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            b = item.bundle
            total = item.preview.plan.totals() if item.preview else None
            changes = _("{added} por agregar, {updated} por actualizar, {conflicts} en "
                        "conflicto").format(added=total.added, updated=total.updated,
                                            conflicts=total.conflicts) if total else ""
            if item.preview and item.preview.nothing_to_do:
                changes = _("ya importado: nada que cambiar")
            elif total is not None and not (total.added or total.updated or total.conflicts
                                            or total.deleted):
                # Importing still records that this laptop's bundle came back.
                changes = _("nada nuevo; al importarlo queda registrado que llegó")
            check = item.error or _("íntegro, firma válida")
            if item.error:
                changes = _("no se importa")
            if item.past is not None:
                check = _("ya revisado al importarlo")
                changes = _("ya importado: nada que cambiar")
            if item.done is not None:
                check = _("íntegro, firma válida")
                changes = _("importado ahora: {what}").format(what=_done_summary(item.done))
            device_name = b.device_name if b else (item.past.device_name if item.past else "")
            values = [item.path.name, device_name, self.key_text(item), check, changes]
            for col, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # a long one is cut in its column
                self.table.setItem(row, col, cell)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)  # "Cambios" takes the rest of the width
        for column in range(self.COLUMNS - 1):
            self.table.resizeColumnToContents(column)
        # The file's name may be long, and so may a refusal: they give way (whole in their
        # tooltips and in the details below), never the other words or "Cambios".
        header.resizeSection(0, min(header.sectionSize(0), 300))
        header.resizeSection(3, min(header.sectionSize(3), 320))
        if self.items and not self.table.selectedItems():
            self.table.selectRow(len(self.items) - 1)
        self.show_details()
        self.update_buttons()

    def selected(self) -> _Item | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def show_details(self) -> None:
        item = self.selected()
        if item is None:
            self.details.setPlainText("")
        elif item.done is not None:
            lines = [_("Importado ahora de «{name}»:").format(name=item.done.bundle.device_name)]
            for table, c in sorted(item.done.plan.counts.items(),
                                   key=lambda tc: merge.record_noun(tc[0])):
                if c.added or c.updated or c.conflicts or c.deleted:
                    lines.append(_("{table}: se agregaron {added}, se actualizaron {updated}, "
                                   "{conflicts} en conflicto, se quitaron {deleted}").format(
                        table=merge.record_noun(table), added=c.added, updated=c.updated,
                        conflicts=c.conflicts, deleted=c.deleted))
            lines += item.done.notes
            self.details.setPlainText("\n".join(lines))
        elif item.past is not None:
            self.details.setPlainText(item.past.message())
        elif item.bundle is None or item.preview is None:
            self.details.setPlainText("\n\n".join([
                _("RECHAZADO: {reason}").format(reason=item.error),
                _("Este paquete no se importa, y no impide importar los demás. Pida a esa "
                  "mesa que exporte su paquete otra vez y tráigalo en la memoria.")]))
        else:
            b, plan = item.bundle, item.preview.plan
            lines = [_("Computadora: {name}").format(name=b.device_name),
                     _("Huella de su llave: {fingerprint}").format(fingerprint=b.fingerprint),
                     _("Creado: {when}").format(when=dates.format_datetime(b.created_at)),
                     _("Contenido: {scope}").format(scope=b.describe_scope()), ""]
            for table, c in sorted(plan.counts.items(), key=lambda tc: merge.record_noun(tc[0])):
                if c.added or c.updated or c.conflicts or c.skipped:
                    lines.append(_("{table}: {added} por agregar, {updated} por actualizar, "
                                   "{unchanged} sin cambios, {conflicts} en conflicto").format(
                        table=merge.record_noun(table), added=c.added, updated=c.updated,
                        unchanged=c.unchanged, conflicts=c.conflicts))
                if c.deleted:
                    lines.append(_("{table}: {n} por quitar (se deshicieron en la otra "
                                   "computadora)").format(table=merge.record_noun(table),
                                                          n=c.deleted))
            serial = [c for c in plan.conflicts if c.kind == "serial"]
            if serial:
                lines.append(_("Boletas capturadas en dos equipos con el mismo folio: {n}. "
                               "No se cuentan hasta que usted elija cuál vale.").format(
                    n=len(serial)))
            lines += item.preview.notes
            self.details.setPlainText("\n".join(lines))
        self.update_buttons()

    def done(self, result: int) -> None:  # noqa: D102 (Qt's name): closing, by any way
        self._gone = True  # a check still under way reports to no one
        super().done(result)

    def update_buttons(self) -> None:
        item = self.selected()
        self.accept_key_button.setEnabled(
            not self.busy and item is not None and item.preview is not None and not item.accept
            and item.preview.key_status not in (keys.TRUSTED, keys.REVOKED))
        self.office_key_button.setEnabled(not self.busy)
        can_import = not self.busy and any(self.importable(i) for i in self.items)
        self.import_button.setEnabled(can_import)
        # Enter imports when there is something to import (never «Cerrar» by default).
        self.import_button.setDefault(can_import)

    def importable(self, item: _Item) -> bool:
        return item.preview is not None and not item.preview.nothing_to_do and (
            item.preview.key_status == keys.TRUSTED or
            (item.accept and item.preview.key_status != keys.REVOKED))

    # -- acting ----------------------------------------------------------------------
    def accept_selected_key(self) -> None:
        item = self.selected()
        if item is None or item.bundle is None:
            return
        answer = QMessageBox.question(
            self, _("Aceptar una llave nueva"),
            _("¿Acepta la llave de «{device}»? Su huella es:\n\n{fingerprint}\n\nCompruébela "
              "con la persona que hizo el paquete: ella la ve en su ventana «Exportar a "
              "USB».").format(device=item.bundle.device_name,
                              fingerprint=item.bundle.fingerprint))
        if answer != QMessageBox.StandardButton.Yes:
            return
        for other in self.items:
            if other.bundle is not None and other.bundle.fingerprint == item.bundle.fingerprint:
                other.accept = True
        self.fill()
        if self.import_button.isEnabled():
            # The accept button is off now; Qt would hand the focus to the next button,
            # «Cerrar», and Enter would close the window with the key forgotten.
            self.import_button.setFocus()

    def import_all(self) -> int:
        """Merge every importable bundle, all in one transaction; return how many.

        All or nothing: one bundle refused (checked again just before writing) and
        none is imported.
        """
        if self.busy:
            return 0
        chosen = [item for item in self.items if self.importable(item)]
        done = 0
        if chosen:
            # Only the window's own connection writes, so the merge runs here: say so and
            # show it before the wait (a whole office's bundle takes seconds).
            self.say(_("Importando… espere, no cierre la ventana."))
            self.repaint()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                results = ops.import_bundles(
                    parent=self, repo=self.repo, bundles=[item.bundle for item in chosen],
                    accepted=[item.bundle.fingerprint for item in chosen if item.accept],
                    office_key=self.office_key)
            finally:
                QApplication.restoreOverrideCursor()
                self.say("")
            done = len(results) if results is not None else 0
            for item, result in zip(chosen, results or ()):
                item.done = result.preview
        self.refresh_previews()
        conflicts = merge.list_conflicts(self.repo.pf)
        if conflicts:
            ConflictsDialog(self, self.repo).exec()
        return done


class ConflictsDialog(QDialog):
    """Both versions of each conflicting row; the person keeps one or takes the other."""

    def __init__(self, parent: QWidget | None, repo: Repo) -> None:
        super().__init__(parent)
        self.setObjectName("ConflictsDialog")
        self.setWindowTitle(_("Conflictos por decidir"))
        fit_window(self, 820, 480, centre=False)
        self.repo = repo
        layout = QVBoxLayout(self)
        self.intro = QLabel(objectName="intro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget(objectName="conflicts")
        layout.addWidget(self.list, 1)
        self.details = QPlainTextEdit(objectName="details")
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        self.keep_button = QPushButton(_("Conservar la versión actual"), objectName="keep")
        self.other_button = QPushButton(_("Tomar la otra versión"), objectName="other")
        self.close_button = QPushButton(_("Cerrar"), objectName="close")
        for button in (self.keep_button, self.other_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.keep_button.clicked.connect(lambda: self.resolve(merge.KEEP))
        self.other_button.clicked.connect(lambda: self.resolve(merge.OTHER))
        self.close_button.clicked.connect(self.accept)
        self.list.currentRowChanged.connect(lambda _row: self.show_details())
        self.refresh()

    def refresh(self) -> None:
        self.conflicts = merge.list_conflicts(self.repo.pf)
        self.list.clear()
        for c in self.conflicts:
            kind = merge.conflict_kind_label(c.kind)
            if c.kind == "serial":
                self.list.addItem("{table} · {serial} · {kind}".format(
                    table=merge.record_noun(c.table), serial=c.current.get("serial"),
                    kind=kind))
                continue
            self.list.addItem("{table} · {row} · {kind} · {fields}".format(
                table=merge.record_noun(c.table), row=c.row_id[:8], kind=kind,
                fields=", ".join(c.fields)))
        if self.conflicts:
            self.list.setCurrentRow(0)
        self.show_details()

    def current(self) -> merge.Conflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def show_details(self) -> None:
        c = self.current()
        self.keep_button.setEnabled(c is not None)
        self.other_button.setEnabled(c is not None and c.kind in ("edit", "serial"))
        serial = c is not None and c.kind == "serial"
        self.intro.setText(
            _("La misma boleta se capturó en dos equipos: elija cuál captura vale.") if serial
            else _("Dos equipos cambiaron el mismo dato. Por ahora se muestra la versión más "
                   "reciente; elija cuál se queda."))
        self.keep_button.setText(_("Vale la primera captura") if serial
                                 else _("Conservar la versión actual"))
        self.other_button.setText(_("Vale la segunda captura") if serial
                                  else _("Tomar la otra versión"))
        if c is None:
            self.details.setPlainText(_("No hay conflictos."))
            return
        if serial:
            names = merge.device_names(self.repo.pf)
            lines = [_("La boleta con folio {serial} se capturó en dos equipos. Ninguna de las "
                       "dos capturas se cuenta hasta que elija cuál vale; la otra queda como "
                       "duplicada y nunca se cuenta.").format(serial=c.current.get("serial")),
                     "",
                     _("Primera captura: «{entry}», equipo {device}, {when}").format(
                         entry=c.current.get("entry"),
                         device=names.get(str(c.current.get("device_id")),
                                          str(c.current.get("device_id"))[:8]),
                         when=c.current.get("created_at")),
                     _("Segunda captura: «{entry}», equipo {device}, {when}").format(
                         entry=c.other.get("entry"),
                         device=names.get(str(c.other.get("device_id")),
                                          str(c.other.get("device_id"))[:8]),
                         when=c.other.get("created_at"))]
            self.details.setPlainText("\n".join(lines))
            return
        lines = []
        for name in c.fields:
            lines.append(_("{field}: «{current}» (actual) / «{other}» (la otra)").format(
                field=name, current=c.current.get(name), other=c.other.get(name)))
        self.details.setPlainText("\n".join(lines))

    def resolve(self, choice: str) -> None:
        c = self.current()
        if c is None:
            return
        ops.resolve_conflict(parent=self, repo=self.repo, conflict_id=c.id, choice=choice)
        self.refresh()
