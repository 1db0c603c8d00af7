"""The main window: the open process and its sessions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop import __version__, i18n
from cocrea_desktop.core import dates
from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.methods import method_title
from cocrea_desktop.i18n import _
from cocrea_desktop.store.backup import recover_copy
from cocrea_desktop.store.db import integrity_problem
from cocrea_desktop.store.paths import PROCESS_SUFFIX, processes_dir, with_process_suffix
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.store.settings import Settings, load_settings, save_settings
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import warmup
from cocrea_desktop.ui.models.sessions import COLUMNS, SessionsModel
from cocrea_desktop.ui.qt_i18n import language_signal
from cocrea_desktop.ui.widgets.fit import fit_window, one_line_column, wrap_rows
from cocrea_desktop.ui.workers import run_task

#: The sessions table's state column (short words that must not wrap).
STATUS_COLUMN = [key for key, _title in COLUMNS].index("status")
#: Short columns measured on every row, not only the first ones: "Mesa 100" wrapped to two
#: lines in an office's list, sized from its first rows.
WHOLE_COLUMNS = tuple([key for key, _title in COLUMNS].index(k)
                      for k in ("table_label", "date", "facilitator"))
#: Up to this width; a longer text wraps and its row grows.
WHOLE_COLUMN_MOST = 230


class MainWindow(QMainWindow):
    process_opened = Signal(str)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings or load_settings()
        self.repo: Repo | None = None
        self.integrity_task = None  # the check of the file just opened, in the background
        self.table_laptop = None  # the table this computer is, when it opened a table's file
        self.session_screens: dict = {}  # session id -> SessionScreen
        self.proposals_window = None  # the «Propuestas» window of the file open
        self.plan_window = None  # the «Plan de Acción» window of the file open
        self.warmup = warmup.Warmup(self)  # the session screens' modules, after opening
        self.route_window = None  # the «Ruta del proceso» window of the file open
        self.actors_window = None  # the «Mapa de actores» window of the file open
        self.initiatives_window = None  # the «Iniciativas existentes» window of the file
        fit_window(self, 1240, 720)

        central = QWidget()
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)

        header = QHBoxLayout()
        layout.addLayout(header)
        titles = QVBoxLayout()
        header.addLayout(titles, 1)
        self.process_name = QLabel(objectName="process_name")
        font = self.process_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.process_name.setFont(font)
        self.process_name.setWordWrap(True)
        self.process_details = QLabel(objectName="process_details")
        self.process_details.setWordWrap(True)
        titles.addWidget(self.process_name)
        titles.addWidget(self.process_details)
        self.edit_process_button = QPushButton(objectName="edit_process")
        self.edit_process_button.clicked.connect(self.edit_process)
        header.addWidget(self.edit_process_button, 0, Qt.AlignmentFlag.AlignTop)

        # On a table laptop: which table this computer is, said before anything else.
        self.table_banner = QLabel(objectName="table_banner")
        self.table_banner.setWordWrap(True)
        self.table_banner.setStyleSheet("QLabel#table_banner { background: #fff3c4; "
                                        "color: #3d2e00; border: 1px solid #c9a227; "
                                        "padding: 6px; font-weight: bold; }")
        self.table_banner.hide()
        layout.addWidget(self.table_banner)

        # Where the exercise stands on its route (the CEPAL phases) and what is late.
        strip = QHBoxLayout()
        layout.addLayout(strip)
        self.route_strip = QLabel(objectName="route_strip")
        self.route_strip.setWordWrap(True)
        self.route_strip.setTextFormat(Qt.TextFormat.RichText)
        strip.addWidget(self.route_strip, 1)
        self.route_button = QPushButton(objectName="route_button")
        strip.addWidget(self.route_button)
        self.actors_button = QPushButton(objectName="actors_button")
        strip.addWidget(self.actors_button)
        self.initiatives_button = QPushButton(objectName="initiatives_button")
        strip.addWidget(self.initiatives_button)

        bar = QHBoxLayout()
        layout.addLayout(bar)
        self.sessions_title = QLabel(objectName="sessions_title")
        bold = self.sessions_title.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.sessions_title.setFont(bold)
        bar.addWidget(self.sessions_title)
        bar.addStretch(1)
        self.conduct_button = QPushButton(objectName="conduct_session")
        bar.addWidget(self.conduct_button)
        self.new_button = QPushButton(objectName="new_session")
        self.edit_button = QPushButton(objectName="edit_session")
        self.duplicate_button = QPushButton(objectName="duplicate_session")
        self.archive_button = QPushButton(objectName="archive_session")
        for button in (self.new_button, self.edit_button, self.duplicate_button,
                       self.archive_button):
            bar.addWidget(button)
        self.show_archived = QCheckBox(objectName="show_archived")
        bar.addWidget(self.show_archived)

        self.model = SessionsModel(self)
        self.table = QTableView(objectName="sessions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        wrap_rows(self.table)
        # Columns sized from the first rows (and the titles), not from every one of an office
        # file's 200 sessions: the wrapped rows show a longer text whole anyway.
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # A double click, like Enter, runs the session (as a file opens); «Editar» edits it.
        self.table.doubleClicked.connect(lambda _index: self.open_session_row())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter on a row: run the session
            QShortcut(QKeySequence(key), self.table, self.conduct_session,
                      context=Qt.ShortcutContext.WidgetShortcut)
        layout.addWidget(self.table, 1)

        self.empty_hint = QLabel(objectName="empty_hint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        layout.addWidget(self.empty_hint)

        self.saved_label = QLabel(objectName="saved")
        self.saved_at: dt.datetime | None = None
        self.statusBar().addPermanentWidget(self.saved_label)

        self._make_actions()
        from cocrea_desktop.ui.evidence_menu import EvidenceMenu

        self.evidence = EvidenceMenu(self)  # the «Informes» menu
        self.new_button.clicked.connect(self.new_session)
        self.route_button.clicked.connect(self.show_route)
        self.actors_button.clicked.connect(self.show_actors)
        self.initiatives_button.clicked.connect(self.show_initiatives)
        self.conduct_button.clicked.connect(self.conduct_session)
        self.edit_button.clicked.connect(self.edit_session)
        self.duplicate_button.clicked.connect(self.duplicate_session)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_actions())

        ops.bus().changed.connect(self.on_changes)
        language_signal().changed.connect(self._on_language_changed)
        self.retranslate()
        self.refresh()

    # -- actions and menus -------------------------------------------------
    def _action(self, name: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.act_new_process = self._action("act_new_process", self.new_process,
                                            "Ctrl+Shift+N")
        self.act_open = self._action("act_open", self.choose_and_open,
                                     QKeySequence.StandardKey.Open)
        self.act_demo = self._action("act_demo", self.open_demo)
        self.act_quit = self._action("act_quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self._action("act_undo", self.undo, QKeySequence.StandardKey.Undo)
        self.act_redo = self._action("act_redo", self.redo, QKeySequence.StandardKey.Redo)
        self.act_new_session = self._action("act_new_session", self.new_session, "Ctrl+N")
        self.act_edit_session = self._action("act_edit_session", self.edit_session, "Ctrl+E")
        self.act_duplicate = self._action("act_duplicate", self.duplicate_session, "Ctrl+D")
        self.act_archive = self._action("act_archive", self.toggle_archive, "Ctrl+Del")
        self.act_conduct = self._action("act_conduct", self.conduct_session, "Ctrl+Return")
        self.act_end_session = self._action("act_end_session", self.end_session,
                                            "Ctrl+Shift+T")
        self.act_edit_process = self._action("act_edit_process", self.edit_process)
        self.act_proposals = self._action("act_proposals", self.show_proposals, "Ctrl+Shift+P")
        self.act_plan = self._action("act_plan", self.show_plan, "Ctrl+Shift+L")
        self.act_route = self._action("act_route", self.show_route, "Ctrl+Shift+U")
        self.act_actors = self._action("act_actors", self.show_actors, "Ctrl+Shift+M")
        self.act_initiatives = self._action("act_initiatives", self.show_initiatives,
                                            "Ctrl+Shift+I")
        self.act_export_bundle = self._action("act_export_bundle", self.export_bundle)
        self.act_import_bundles = self._action("act_import_bundles", self.import_bundles)
        self.act_device_name = self._action("act_device_name", self.name_device)
        self.act_prepare_tables = self._action("act_prepare_tables", self.prepare_tables)
        self.act_tables_status = self._action("act_tables_status", self.tables_status)
        self.act_open_table_file = self._action("act_open_table_file", self.open_table_file)
        self.act_about = self._action("act_about", self.about)

        menubar = self.menuBar()
        self.menu_file = menubar.addMenu("")
        self.menu_file.addAction(self.act_new_process)
        self.menu_file.addAction(self.act_open)
        self.menu_recent = QMenu(self)
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addMenu(self.menu_recent)
        self.menu_file.addAction(self.act_demo)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_edit_process)
        self.menu_file.addAction(self.act_proposals)
        self.menu_file.addAction(self.act_plan)
        self.menu_file.addAction(self.act_route)
        self.menu_file.addAction(self.act_actors)
        self.menu_file.addAction(self.act_initiatives)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_export_bundle)
        self.menu_file.addAction(self.act_import_bundles)
        self.menu_file.addAction(self.act_device_name)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_prepare_tables)
        self.menu_file.addAction(self.act_tables_status)
        self.menu_file.addAction(self.act_open_table_file)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = menubar.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_session = menubar.addMenu("")
        self.menu_session.addAction(self.act_conduct)
        self.menu_session.addAction(self.act_end_session)
        self.menu_session.addSeparator()
        for action in (self.act_new_session, self.act_edit_session, self.act_duplicate,
                       self.act_archive):
            self.menu_session.addAction(action)
        self.menu_language = menubar.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES:
            action = QAction(name, self, checkable=True)
            action.setObjectName("lang_" + code)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            self.language_group.addAction(action)
            self.menu_language.addAction(action)
            self.language_actions[code] = action
        self.menu_help = menubar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _on_language_changed(self, _code: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.menu_file.setTitle(_("&Archivo"))
        self.menu_edit.setTitle(_("&Editar"))
        self.menu_session.setTitle(_("&Sesión"))
        self.menu_language.setTitle(_("Idi&oma"))
        self.menu_help.setTitle(_("Ay&uda"))
        self.menu_recent.setTitle(_("Abrir &reciente"))
        self.act_new_process.setText(_("&Nuevo proceso…"))
        self.act_open.setText(_("&Abrir proceso…"))
        self.act_demo.setText(_("Abrir el proceso de &demostración"))
        self.act_quit.setText(_("&Salir"))
        self.act_new_session.setText(_("&Nueva sesión…"))
        self.act_edit_session.setText(_("&Editar sesión…"))
        self.act_duplicate.setText(_("&Duplicar sesión"))
        self.act_conduct.setText(_("&Conducir sesión…"))
        self.act_end_session.setText(_("&Terminar sesión…"))
        self.conduct_button.setText(_("Conducir sesión"))
        self.conduct_button.setToolTip(_("Abrir la pantalla para conducir la sesión elegida "
                                         "(Intro o Ctrl+Intro)"))
        self.act_edit_process.setText(_("Datos del &proceso…"))
        self.act_proposals.setText(_("Propu&estas del proceso…"))
        self.act_plan.setText(_("P&lan de Acción Local…"))
        self.act_route.setText(_("R&uta del proceso…"))
        self.act_actors.setText(_("&Mapa de actores…"))
        self.route_button.setText(_("Ruta…"))
        self.route_button.setToolTip(_("Fases del proceso con sus fechas, responsables y "
                                       "productos (Ctrl+Mayús+U)"))
        self.actors_button.setText(_("Actores…"))
        self.actors_button.setToolTip(_("Mapa de actores del diagnóstico (Ctrl+Mayús+M)"))
        self.act_initiatives.setText(_("Inicia&tivas existentes…"))
        self.initiatives_button.setText(_("Iniciativas…"))
        self.initiatives_button.setToolTip(_("Iniciativas existentes sobre el tema, para el "
                                             "diagnóstico (Ctrl+Mayús+I)"))
        self.act_export_bundle.setText(_("E&xportar a USB…"))
        self.act_import_bundles.setText(_("&Importar paquetes…"))
        self.act_device_name.setText(_("Nombre de esta &computadora…"))
        self.act_prepare_tables.setText(_("Preparar c&omputadoras de mesa…"))
        self.act_tables_status.setText(_("Computadoras de mesa: cuáles re&gresaron…"))
        self.act_open_table_file.setText(_("Abrir el arc&hivo de una mesa…"))
        self.act_about.setText(_("&Acerca de CoCrea"))
        self.edit_process_button.setText(_("Editar datos del proceso"))
        self.sessions_title.setText(_("Sesiones"))
        self.new_button.setText(_("Nueva sesión"))
        self.new_button.setToolTip(_("Crear una sesión (Ctrl+N)"))
        self.edit_button.setText(_("Editar"))
        self.edit_button.setToolTip(_("Editar la sesión elegida (Ctrl+E o doble clic)"))
        self.duplicate_button.setText(_("Duplicar"))
        self.duplicate_button.setToolTip(_("Crear una copia de la sesión elegida (Ctrl+D)"))
        self.show_archived.setText(_("Mostrar archivadas"))
        self.language_actions[i18n.current_language()].setChecked(True)
        self.evidence.retranslate()
        self.model.retranslate()
        one_line_column(self.table, STATUS_COLUMN)
        self.refresh_header()
        self.refresh_route()
        self.update_actions()
        self.show_saved()

    # -- the open process --------------------------------------------------
    def open_path(self, path: str | Path, *, read_only: bool = False,
                  break_lock: bool = False) -> bool:
        """Open a process file; on a problem, explain it and offer a way out."""
        path = Path(path)
        try:
            # The integrity check and the backup on opening are made once the window
            # shows, in the background (together a few seconds on an office's big file).
            repo = Repo.open(path, read_only=read_only, break_lock=break_lock,
                             backup_on_open=False, check_on_open=False)
        except CocreaError as err:
            return self._handle_open_problem(path, err)
        repo.pf.backup_pending = not repo.read_only  # made at the latest when it closes
        self._set_repo(repo)
        QTimer.singleShot(0, lambda: self._backup_on_open(repo))
        return True

    def _backup_on_open(self, repo: Repo) -> None:
        """Check the file just opened off the GUI thread; then back it up (skipped when the
        newest backup holds the same). A damaged file is closed and explained, as when
        opening it, with its backups offered."""
        if repo is not self.repo:
            return
        path = repo.path
        self.integrity_task = run_task(lambda _task: integrity_problem(path),
                                       on_result=lambda problem: self._checked(repo, problem))
        language = i18n.current_language()
        run_task(lambda _task: dates.warm(language))  # the first "saved at" does not wait
        if not repo.read_only:
            # The session screens' modules, imported in small steps while nothing happens
            # (the first screen opened imported them all at once: a stall of its own).
            # The methods of the sessions listed (not read again: 200 rows and their JSON).
            self.warmup.start(warmup.steps({s.method for s in self.model.rows()}))

    def _checked(self, repo: Repo, problem: CocreaError | None) -> None:
        self.integrity_task = None
        if repo is not self.repo or repo.closed:
            return
        if problem is not None:
            path = repo.path
            repo.pf.backup_pending = False  # never a backup of a damaged file
            self.close_session_screens()
            self.repo = None
            repo.close()
            self.refresh()
            self._handle_open_problem(path, problem)
            return
        if repo.pf.backup_pending:
            repo.pf.maybe_backup(force=True)

    def _handle_open_problem(self, path: Path, err: CocreaError) -> bool:
        from cocrea_desktop.ui.dialogs.open_problem import OpenProblemDialog

        action, chosen = OpenProblemDialog.ask(self, path, err)
        if action == "read_only":
            return self.open_path(path, read_only=True)
        if action == "break_lock":
            return self.open_path(path, break_lock=True)
        if action == "backup" and chosen is not None:
            try:
                restored = recover_copy(chosen, path)
            except OSError:
                QMessageBox.warning(self, _("CoCrea"), _("No se pudo restaurar la copia."))
                return False
            return self.open_path(restored)
        if action == "other":
            return self.choose_and_open()
        return False

    def _set_repo(self, repo: Repo) -> None:
        self.close_session_screens()
        if self.repo is not None:
            self.repo.close()
        self.repo = repo
        self.saved_at = None  # the former file's last save is not this one's
        self.saved_label.setText("")
        repo.pf.backup_every_s = self.settings.backup_every_minutes * 60
        repo.pf.backups_kept = self.settings.backups_kept
        repo.pf.backup_runner = lambda job: run_task(lambda _task: job())  # off the GUI thread
        if not repo.read_only:
            self.settings.remember(repo.path)
            save_settings(self.settings)
        self.refresh()
        self.process_opened.emit(str(repo.path))

    def choose_and_open(self) -> bool:
        start = str(Path(self.settings.last_file).parent) if self.settings.last_file \
            else str(processes_dir())
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Abrir proceso"), start,
            _("Procesos de CoCrea (*{suffix});;Todos los archivos (*)").format(
                suffix=PROCESS_SUFFIX))
        return self.open_path(name) if name else False

    def new_process(self) -> bool:
        from cocrea_desktop.ui.dialogs.process_dialog import ProcessDialog

        values = ProcessDialog.ask(self)
        if not values:
            return False
        suggested = processes_dir() / (values["name"].replace("/", "-") + PROCESS_SUFFIX)
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Guardar el nuevo proceso como"), str(suggested),
            _("Procesos de CoCrea (*{suffix})").format(suffix=PROCESS_SUFFIX))
        if not name:
            return False
        return self.create_process_at(with_process_suffix(name), values)

    def create_process_at(self, path: Path, values: dict) -> bool:
        try:
            repo = Repo.create(path, **values)
        except CocreaError as err:
            ops.show_error(self, err)
            return False
        self._set_repo(repo)
        return True

    def open_demo(self) -> bool:
        from cocrea_desktop.store.demo import DEMO_FILE_NAME, create_demo

        path = processes_dir() / DEMO_FILE_NAME
        if self.repo is not None and self.repo.path == path:
            return True
        if not path.exists():
            create_demo(path)
        return self.open_path(path)

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        for text in self.settings.recent:
            action = self.menu_recent.addAction(text)
            action.triggered.connect(lambda _c=False, p=text: self.open_path(p))
            action.setEnabled(Path(text).exists())
        if not self.settings.recent:
            empty = self.menu_recent.addAction(_("(ninguno)"))
            empty.setEnabled(False)

    # -- refreshing ------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches("process") or changes.touches("table_laptop"):
            self.refresh_header()
        if changes.touches("session") and not self._refresh_one_session(changes):
            self.refresh_sessions()
        if changes.everything or changes.touches("route_phase"):
            self.refresh_route()
        if changes.created_kind == "session" and changes.created:
            self.select_session(changes.created)  # a session just made: show it chosen
        self.saved_at = dt.datetime.now()
        self.show_saved()
        self.update_actions()

    def show_saved(self) -> None:
        """The status bar's last save time, in the language in force."""
        if self.saved_at is not None:
            self.saved_label.setText(_("Guardado a las {time}").format(
                time=dates.format_time(self.saved_at, seconds=True)))

    def refresh(self) -> None:
        self.refresh_header()
        self.refresh_route()
        self.refresh_sessions()
        self.update_actions()

    def refresh_header(self) -> None:
        laptop = self.repo.tables.this_laptop() if self.repo is not None else None
        self.table_laptop = laptop  # this computer is a table's: it does not prepare tables
        self.table_banner.setVisible(laptop is not None)
        if laptop is not None:
            self.table_banner.setText(_("Computadora de la mesa «{name}» — solo sus "
                                        "sesiones").format(name=laptop.name))
        if self.repo is None:
            self.process_name.setText(_("Ningún proceso abierto"))
            self.process_details.setText(_("Cree un proceso nuevo o abra uno existente "
                                           "(menú Archivo)."))
            self.setWindowTitle("CoCrea")
            return
        p = self.repo.process()
        details = [x for x in (p.place, p.period and _("Periodo {period}").format(period=p.period),
                               p.responsible_body) if x]
        if self.repo.read_only:
            details.append(_("SOLO LECTURA"))
        self.process_name.setText(p.name)
        self.process_details.setText(" · ".join(details) + "\n" + str(self.repo.path))
        self.setWindowTitle(p.name)  # the system adds " — CoCrea" (the application's name)

    def _refresh_one_session(self, changes: Changes) -> bool:
        """A change to one session's row alone (its phase, its status) re-reads that row,
        not the list: every phase move and undo read all 200 sessions of an office file
        again (a tenth of showing the results). False when the list may have changed
        otherwise (another session's row touched, a session made, one archived or moved
        in the order): then the caller reads the list."""
        sid = changes.session_id
        if self.repo is None or changes.everything or sid is None or \
                changes.created_kind == "session" or sid not in changes.ids:
            return False
        row = self.model.row_of(sid)
        if row < 0:
            return False
        others = changes.ids - {sid}
        if others and any(s.id in others for s in self.model.rows()):
            return False
        before = self.model.session_at(row)
        try:
            after = self.repo.session(sid)
        except CocreaError:
            return False
        if (after.position, after.created_at, after.archived) != \
                (before.position, before.created_at, before.archived):
            return False
        self.model.replace_row(row, after)
        one_line_column(self.table, STATUS_COLUMN)
        return True

    def refresh_sessions(self) -> None:
        selected = self.current_session_id()
        sessions = self.repo.sessions(include_archived=self.show_archived.isChecked()) \
            if self.repo else []
        if self.model.set_sessions(sessions):  # other rows: size the columns (once)
            # Not the question's: it stretches to the room left, and its long texts were
            # the costliest to measure (a fifth of opening a 200-session process).
            header = self.table.horizontalHeader()
            for column in range(self.model.columnCount()):
                if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                    self.table.resizeColumnToContents(column)
        one_line_column(self.table, STATUS_COLUMN)
        if self.model.rowCount() > self.table.horizontalHeader().resizeContentsPrecision():
            # Rows beyond those Qt measured: their short texts too (at the demo's size Qt
            # measured every row, and the question keeps its room at 1024).
            for column in WHOLE_COLUMNS:
                one_line_column(self.table, column, most=WHOLE_COLUMN_MOST)
        if selected:
            self.select_session(selected)
        if self.current_session() is None and sessions:
            self.table.selectRow(0)  # a session is always chosen: Enter opens it at once
        if not sessions and self.repo is not None:
            self.empty_hint.setText(_("Este proceso aún no tiene sesiones. Pulse «Nueva sesión» "
                                      "(Ctrl+N) para preparar la primera."))
            self.empty_hint.show()
        else:
            self.empty_hint.hide()

    def update_actions(self) -> None:
        has_repo = self.repo is not None
        writable = has_repo and not self.repo.read_only
        session = self.current_session()
        for widget in (self.new_button, self.act_new_session, self.act_edit_process,
                       self.edit_process_button, self.act_import_bundles):
            widget.setEnabled(writable)
        self.act_prepare_tables.setEnabled(writable and self.table_laptop is None)
        self.act_tables_status.setEnabled(has_repo)
        self.act_export_bundle.setEnabled(has_repo)
        self.act_proposals.setEnabled(has_repo)
        self.act_plan.setEnabled(has_repo)
        for widget in (self.act_route, self.act_actors, self.route_button, self.actors_button,
                       self.act_initiatives, self.initiatives_button):
            widget.setEnabled(has_repo)
        for widget in (self.conduct_button, self.act_conduct):
            widget.setEnabled(writable and session is not None and not session.archived)
        self.act_end_session.setEnabled(writable and session is not None and
                                        not session.archived and session.status != "closed")
        for widget in (self.edit_button, self.duplicate_button, self.archive_button,
                       self.act_edit_session, self.act_duplicate, self.act_archive):
            widget.setEnabled(writable and session is not None)
        archived = session is not None and session.archived
        self.archive_button.setText(_("Recuperar") if archived else _("Archivar"))
        self.archive_button.setToolTip(_("Archivar la sesión elegida: sale de la lista, pero "
                                         "no se borra (Ctrl+Supr)"))
        self.act_archive.setText(_("&Recuperar sesión") if archived else _("&Archivar sesión"))
        undo = self.repo.undo_label() if has_repo else None
        redo = self.repo.redo_label() if has_repo else None
        self.act_undo.setEnabled(writable and undo is not None)
        self.act_redo.setEnabled(writable and redo is not None)
        self.act_undo.setText(_("&Deshacer: {action}").format(action=undo) if undo
                              else _("&Deshacer"))
        self.act_redo.setText(_("&Rehacer: {action}").format(action=redo) if redo
                              else _("&Rehacer"))
        self.evidence.update_actions()

    # -- sessions --------------------------------------------------------
    def current_session(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.session_at(rows[0].row()) if rows else None

    def current_session_id(self) -> str | None:
        session = self.current_session()
        return session.id if session else None

    def select_session(self, session_id: str) -> None:
        row = self.model.row_of(session_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def new_session(self) -> None:
        if self.repo is None or self.repo.read_only:
            return
        from cocrea_desktop.ui.dialogs.session_dialog import SessionDialog

        values = SessionDialog.ask(self, settings=self.settings)
        if values:  # the new session is selected by on_changes (changes.created)
            ops.add_session(parent=self, repo=self.repo, **values)

    def edit_session(self) -> None:
        session = self.current_session()
        if self.repo is None or session is None or self.repo.read_only:
            return
        from cocrea_desktop.ui.dialogs.session_dialog import SessionDialog

        values = SessionDialog.ask(self, session)
        if values:
            ops.update_session(parent=self, repo=self.repo, session_id=session.id, **values)

    def duplicate_session(self) -> None:
        session = self.current_session()
        if self.repo is None or session is None:
            return
        ops.duplicate_session(parent=self, repo=self.repo, session_id=session.id)

    def toggle_archive(self) -> None:
        session = self.current_session()
        if self.repo is None or session is None:
            return
        ops.archive_session(parent=self, repo=self.repo, session_id=session.id,
                            archived=not session.archived)

    def confirm_session_away(self, session) -> bool:
        """A session handed to a table laptop that has not come back: say so, and run it
        here only when the person confirms that computer will not be used for it."""
        laptop = self.repo.tables.away_at(session.id)
        if laptop is None:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, _("Sesión en una computadora de mesa"), _(
            "Esta sesión se entregó a la computadora de mesa «{name}», que aún no regresa. "
            "Si la conduce también aquí habrá dos versiones de la sesión (ideas y boletas "
            "distintas) que luego habrá que conciliar.\n\nContinúe solo si esa computadora "
            "no se usará para esta sesión.").format(name=laptop.name), parent=self)
        box.setObjectName("session_away")
        go = box.addButton(_("Conducirla aquí de todos modos"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(_("No conducirla"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is go

    def open_session_row(self):
        """A double click on a session: run it; one that cannot run here (archived, or the
        file open read-only) shows its details instead."""
        session = self.current_session()
        if self.repo is not None and session is not None and (
                self.repo.read_only or session.archived):
            return self.edit_session()
        return self.conduct_session()

    def conduct_session(self):
        """Open (or bring forward) the screen that runs the chosen session."""
        from cocrea_desktop.ui.views.session_screen import SessionScreen  # lazy: fast start

        session = self.current_session()
        if self.repo is None or session is None or self.repo.read_only or session.archived:
            return None
        screen = self.session_screens.get(session.id)
        if (screen is None or screen.closed) and not self.confirm_session_away(session):
            return None
        if screen is None or screen.closed:
            from cocrea_desktop.ui.panel_registry import UnknownPanelKind

            try:
                screen = SessionScreen(self.repo, session.id, self)
            except UnknownPanelKind:
                # A method installed without its screens: say so, never a traceback.
                QMessageBox.warning(self, _("No se puede conducir la sesión"), _(
                    "Esta versión del programa no tiene las pantallas del método «{method}». "
                    "Los datos de la sesión están a salvo; actualice CoCrea para "
                    "conducirla.").format(method=method_title(session.method)))
                return None
            self.session_screens[session.id] = screen
        if screen.isVisible():
            screen.raise_()  # already open: bring it forward
        screen.show()
        screen.activateWindow()
        return screen

    def end_session(self) -> None:
        """*Terminar sesión* for the chosen session: what is left, then concluded."""
        from cocrea_desktop.ui.dialogs.end_session import end_session

        session = self.current_session()
        if self.repo is None or session is None or self.repo.read_only:
            return
        screen = self.session_screens.get(session.id)
        if screen is not None and not screen.closed:
            screen.flush()  # what is typed there counts in the list of what is left
        end_session(parent=self, repo=self.repo, session_id=session.id)

    def close_session_screens(self) -> None:
        for screen in self.session_screens.values():
            screen.close()
        self.session_screens.clear()
        if self.proposals_window is not None:
            self.proposals_window.close()
            self.proposals_window.deleteLater()
            self.proposals_window = None
        if self.plan_window is not None:
            self.plan_window.close()
            self.plan_window.deleteLater()
            self.plan_window = None
        for name in ("route_window", "actors_window", "initiatives_window"):
            window = getattr(self, name)
            if window is not None:
                window.close()
                window.deleteLater()
                setattr(self, name, None)

    def refresh_route(self) -> None:
        """The strip: the phase the exercise is in, and the phases that are late."""
        from html import escape

        if self.repo is None or self.repo.closed:
            self.route_strip.setText("")
            return
        standing = self.repo.route.standing()
        text = escape(_("Ruta: {where}").format(where=standing.summary()))
        if standing.late:
            text += " · <b style='color:#a00000'>" + escape(standing.late_text()) + "</b>"
        self.route_strip.setText(text)

    def show_route(self):
        """«Ruta del proceso»: the phases with dates, responsible people and products."""
        from cocrea_desktop.ui.views.route_window import RouteWindow  # lazy: fast start

        if self.repo is None:
            return None
        if self.route_window is None:
            self.route_window = RouteWindow(self.repo, self)
        self.route_window.refresh()
        if self.route_window.isVisible():
            self.route_window.raise_()
            self.route_window.activateWindow()
        self.route_window.show()
        return self.route_window

    def show_actors(self):
        """«Mapa de actores»: the actors of the diagnosis and their chart."""
        from cocrea_desktop.ui.views.actors_window import ActorsWindow  # lazy: fast start

        if self.repo is None:
            return None
        if self.actors_window is None:
            self.actors_window = ActorsWindow(self.repo, self)
        self.actors_window.refresh()
        if self.actors_window.isVisible():
            self.actors_window.raise_()
            self.actors_window.activateWindow()
        self.actors_window.show()
        return self.actors_window

    def show_initiatives(self):
        """«Iniciativas existentes»: what is already done on the topic (the diagnosis)."""
        from cocrea_desktop.ui.views.initiatives_window import InitiativesWindow  # lazy

        if self.repo is None:
            return None
        if self.initiatives_window is None:
            self.initiatives_window = InitiativesWindow(self.repo, self)
        self.initiatives_window.refresh()
        if self.initiatives_window.isVisible():
            self.initiatives_window.raise_()
            self.initiatives_window.activateWindow()
        self.initiatives_window.show()
        return self.initiatives_window

    def show_plan(self):
        """«Plan de Acción Local»: commitments, the STL and its decisions (one per file)."""
        from cocrea_desktop.ui.views.plan_window import PlanWindow  # lazy: fast start

        if self.repo is None:
            return None
        if self.plan_window is None:
            self.plan_window = PlanWindow(self.repo, self, open_link=self.open_plan_link)
        self.plan_window.refresh()
        if self.plan_window.isVisible():
            self.plan_window.raise_()
        self.plan_window.show()
        return self.plan_window

    def open_plan_link(self, link) -> None:
        """A link of a commitment's origin trace: the proposal in its window, the session
        chosen in the main window."""
        if link.kind == "proposal":
            window = self.show_proposals()
            if window is not None and hasattr(window, "select_proposal"):
                window.select_proposal(link.target_id)
        elif link.session_id or link.kind == "session":
            self.select_session(link.session_id or link.target_id)
            self.activateWindow()

    def show_proposals(self):
        """«Propuestas del proceso»: every table's proposals in one window (one per file)."""
        from cocrea_desktop.ui.views.proposals_window import ProposalsWindow  # lazy: fast start

        if self.repo is None:
            return None
        if self.proposals_window is None:
            self.proposals_window = ProposalsWindow(self.repo, self)
        self.proposals_window.refresh()
        if self.proposals_window.isVisible():
            self.proposals_window.raise_()  # already open: bring it forward
        self.proposals_window.show()
        self.proposals_window.activateWindow()
        return self.proposals_window

    def export_bundle(self) -> None:
        """«Exportar a USB…»: a signed bundle of the process or some sessions."""
        from cocrea_desktop.ui.dialogs.bundle_dialogs import ExportBundleDialog

        if self.repo is not None:
            ExportBundleDialog(self, self.repo).exec()

    def name_device(self) -> None:
        """«Nombre de esta computadora…»: the name bundles carry (asked before the first)."""
        from cocrea_desktop.ui.dialogs.bundle_dialogs import ask_device_name

        ask_device_name(self, self.repo)

    def import_bundles(self) -> None:
        """«Importar paquetes…»: verify, preview, accept keys, merge, decide conflicts."""
        from cocrea_desktop.ui.dialogs.bundle_dialogs import ImportBundlesDialog

        if self.repo is not None and not self.repo.read_only:
            repo = self.repo
            before = {t.id for t in repo.tables.list() if t.came_back}
            ImportBundlesDialog(self, repo).exec()
            if self.repo is repo and not repo.closed and \
                    {t.id for t in repo.tables.list() if t.came_back} - before:
                self.tables_status()  # a table laptop just came back: the day at a glance

    def prepare_tables(self) -> None:
        """«Preparar computadoras de mesa…»: one starting file per table laptop."""
        from cocrea_desktop.ui.dialogs.tables_dialog import TablesDialog

        if self.repo is not None and not self.repo.read_only:
            TablesDialog(self, self.repo).exec()

    def tables_status(self) -> None:
        """«Computadoras de mesa: cuáles regresaron…»"""
        from cocrea_desktop.ui.dialogs.tables_dialog import TablesStatusDialog

        if self.repo is not None:
            TablesStatusDialog(self, self.repo).exec()

    def open_table_file(self) -> bool:
        """«Abrir el archivo de una mesa…», on a table laptop: the table's file and its code
        make this computer's process file (in the program's folder of processes)."""
        from cocrea_desktop.export.bundle import SUFFIX
        from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
        from cocrea_desktop.ui.places import documents_folder

        name, _filter = QFileDialog.getOpenFileName(
            self, _("Abrir el archivo de una mesa"), str(documents_folder()),
            _("Archivos de mesa de CoCrea (*{suffix});;Todos los archivos (*)").format(
                suffix=SUFFIX))
        if not name:
            return False
        while True:  # a wrong code is asked again; cancelling stops
            code = TextDialog.ask(self, _("Código de la mesa"), _(
                "Escriba el código de esta mesa (8 letras y números, como ABCD-2345). Está en "
                "la hoja que se imprimió en la oficina."))
            if code is None:
                return False
            opened = self.open_table_file_at(Path(name), code)
            if opened is not None:
                return opened

    def open_table_file_at(self, path: Path, code: str) -> bool | None:
        """Open a table's file with its code: True when open, None when the code was wrong
        (said, to ask again), False when the file cannot be opened (said)."""
        stem = path.name[: -len(".cocrea")] if path.name.endswith(".cocrea") else path.stem
        target = processes_dir() / (stem + PROCESS_SUFFIX)
        n = 2
        while target.exists():
            target = processes_dir() / f"{stem}_{n}{PROCESS_SUFFIX}"
            n += 1
        opened = ops.open_table_file(parent=self, path=path, target=target, code=code)
        if opened is False:
            return None
        if opened is None:
            return False
        repo, _laptop = opened
        self._set_repo(repo)
        return True

    def edit_process(self) -> None:
        if self.repo is None or self.repo.read_only:
            return
        from cocrea_desktop.ui.dialogs.process_dialog import ProcessDialog

        values = ProcessDialog.ask(self, self.repo.process())
        if values:
            ops.update_process(parent=self, repo=self.repo, **values)

    def undo(self) -> None:
        if self.repo is not None and self.repo.undo_label():
            ops.undo(parent=self, repo=self.repo)

    def redo(self) -> None:
        if self.repo is not None and self.repo.redo_label():
            ops.redo(parent=self, repo=self.repo)

    # -- language, about, closing ------------------------------------------
    def set_language(self, code: str) -> None:
        i18n.set_language(code)
        self.settings.language = code
        save_settings(self.settings)

    def about(self) -> None:
        QMessageBox.about(self, _("Acerca de CoCrea"), _(
            "CoCrea Desktop {version}\n\nTalleres de cocreación para el gobierno abierto local, "
            "sin conexión a internet.").format(version=__version__))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.repo is None and not self.warmup.started:
            # While a file is chosen: what opening one imports (a process opened before
            # the window shows has imported it; then its own warm-up follows).
            # And the first call of a scroll area's viewport() in the process, which makes
            # PySide6 build some 70 Python enums of QtWidgets (18 ms; the sessions table's
            # first fit made it when the file opened).
            self.warmup.start([*warmup.open_steps(), self.table.viewport], delay_ms=0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_session_screens()
        if self.repo is not None:
            self.repo.close()
            self.repo = None
        save_settings(self.settings)
        super().closeEvent(event)

    def index_of(self, session_id: str) -> QModelIndex:
        return self.model.index(self.model.row_of(session_id), 0)
