"""«Propuestas»: every proposal of the process, from every table, in one window.

Filtered by theme and table; a proposal typed at the office, a session's result
promoted, one edited, two duplicates joined (both origins kept), one separated
again or withdrawn with its reason. Each is one action of the process's undo
stack (Ctrl+Z here as in the main window).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.changes import Changes
from cocrea_desktop.core.methods import method_title
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import workers
from cocrea_desktop.ui.dialogs.proposal_dialog import ProposalDialog, promote_with_dialog
from cocrea_desktop.ui.dialogs.text_dialog import TextDialog
from cocrea_desktop.ui.models.proposals import ProposalsModel
from cocrea_desktop.ui.qt_i18n import key_text, language_signal
from cocrea_desktop.ui.views.panel import table_view
from cocrea_desktop.ui.widgets.fit import fit_window, one_line_column, readable_column
from cocrea_desktop.ui.widgets.window_undo import own_undo, show_undo

ALL = "\x00all"
#: The theme filter's entry for the proposals saved without a theme.
NO_THEME = "\x00none"
#: The widths the columns keep while the list is empty (it would shrink them to the
#: headings): number, title, theme, tables, origin, status.
EMPTY_WIDTHS = (50, 300, 170, 170, 220, 110)

#: What this window's «Deshacer» takes back: its own actions only.
UNDO_ACTIONS = ("proposal.",)


class _EmptyText(QObject):
    """Keeps the empty-state text over the table's viewport, centred, as it resizes."""

    def __init__(self, view: Any, label: QLabel) -> None:
        super().__init__(view)
        self.view, self.label = view, label
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        area = self.view.viewport().rect().adjusted(24, 24, -24, -24)
        self.label.setGeometry(area.x(), area.y(), area.width(), max(60, area.height() // 2))


class ProposalsWindow(QWidget):
    def __init__(self, repo: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("proposals_window")
        self.repo = repo
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.theme_label = QLabel(objectName="theme_label")
        self.theme = QComboBox(objectName="theme_filter")
        self.theme.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.theme_label.setBuddy(self.theme)
        self.table_label = QLabel(objectName="table_label")
        self.table_filter = QComboBox(objectName="table_filter")
        self.table_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.table_label.setBuddy(self.table_filter)
        self.show_all = QCheckBox(objectName="show_inactive")
        for widget in (self.theme_label, self.theme, self.table_label, self.table_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.show_all)
        layout.addLayout(filters)
        self.model = ProposalsModel(self)
        self.table = table_view(self.model, "proposals", multi=True)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.table.viewport(), objectName="proposals_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.empty.hide()
        self._empty_place = _EmptyText(self.table, self.empty)
        self.detail = QLabel(objectName="proposal_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.count = QLabel(objectName="proposals_count")
        layout.addWidget(self.count)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(objectName="add_proposal")
        self.edit_button = QPushButton(objectName="edit_proposal")
        self.join_button = QPushButton(objectName="join_proposals")
        self.separate_button = QPushButton(objectName="separate_proposal")
        self.withdraw_button = QPushButton(objectName="withdraw_proposal")
        self.undo_button = QPushButton(objectName="undo")
        self.export_button = QPushButton(objectName="export_proposals")
        self.close_button = QPushButton(objectName="close_proposals")
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit),
                             (self.join_button, self.join),
                             (self.separate_button, self.separate),
                             (self.withdraw_button, self.withdraw),
                             (self.undo_button, self.undo)):
            button.clicked.connect(lambda _c=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        self.export_button.clicked.connect(lambda _c=False: self.export())
        self.close_button.clicked.connect(lambda _c=False: self.close())
        self.export_task: workers.Task | None = None
        self.last_export: Path | None = None
        self.last_message = ""
        layout.addLayout(buttons)
        promote = QHBoxLayout()
        self.session_label = QLabel(objectName="session_label")
        self.session = QComboBox(objectName="promote_session")
        self.session.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session.setMinimumContentsLength(24)
        self.session_label.setBuddy(self.session)
        self.promote_button = QPushButton(objectName="promote_result")
        self.promote_button.clicked.connect(lambda _c=False: self.promote())
        promote.addWidget(self.session_label)
        promote.addWidget(self.session, 1)
        promote.addWidget(self.promote_button)
        layout.addLayout(promote)
        self.act_undo = QAction(self)
        self.act_undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.act_undo.triggered.connect(lambda _c=False: self.undo())
        self.act_redo = QAction(self)
        self.act_redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.act_redo.triggered.connect(lambda _c=False: self.redo())
        self.act_close = QAction(self)
        self.act_close.setShortcut(QKeySequence("Ctrl+W"))  # Esc: keyPressEvent
        self.act_close.triggered.connect(lambda _c=False: self.close())
        for action in (self.act_undo, self.act_redo, self.act_close):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.theme.currentIndexChanged.connect(lambda _i: self.refresh_rows())
        self.table_filter.currentIndexChanged.connect(lambda _i: self.refresh_rows())
        self.show_all.toggled.connect(lambda _on: self.refresh_rows())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_actions())
        ops.bus().changed.connect(self.on_changes)
        language_signal().changed.connect(self._on_language)
        fit_window(self, 1200, 680)
        self.retranslate()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Esc closes the window, as a dialog's does (a list or a box that uses Esc keeps it)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
            return
        super().keyPressEvent(event)

    # -- reading -----------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if self.repo is None or self.repo.closed:
            return
        if changes.touches("proposal", "session", "idea", "cluster", "ballot", "mark"):
            self.refresh()
        else:
            show_undo(self.undo_button, self.repo, UNDO_ACTIONS)  # another window's action

    def refresh(self) -> None:
        if self.repo is None or self.repo.closed:
            return
        self._fill_filter(self.theme, self.repo.proposals.themes(), _("Todos"),
                          (_("Sin tema"), NO_THEME))
        self._fill_filter(self.table_filter, self.repo.proposals.tables(), _("Todas"))
        current = self.session.currentData()
        self.session.blockSignals(True)
        self.session.clear()
        for s in self.repo.sessions():
            self.session.addItem(" · ".join(p for p in (s.table_label, method_title(s.method),
                                                        s.question) if p), s.id)
        self.session.setCurrentIndex(max(0, self.session.findData(current)))
        self.session.blockSignals(False)
        self.refresh_rows()

    @staticmethod
    def _fill_filter(combo: QComboBox, values: list[str], everything: str,
                     *extra: tuple[str, str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ALL)
        for value in values:
            combo.addItem(value, value)
        for text, data in extra:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def refresh_rows(self) -> None:
        if self.repo is None or self.repo.closed:
            return
        rows = self.repo.proposals.list(**self.filters())
        self.model.set_proposals(rows)
        if rows:
            self.table.resizeColumnsToContents()
            one_line_column(self.table, 0)
            # The title, theme and tables wrap within a width; the origins take the room left.
            for col, most in ((1, 300), (2, 170), (3, 170)):
                self.table.setColumnWidth(col, min(self.table.columnWidth(col), most))
            one_line_column(self.table, 5)
        else:  # an empty list keeps its columns, not shrunk to their headings
            for col, width in enumerate(EMPTY_WIDTHS):
                self.table.setColumnWidth(col, max(self.table.columnWidth(col), width))
        readable_column(self.table, 4, 220)
        total = len(self.repo.proposals.list())
        self.count.setText(ngettext("{shown} de {total} propuesta activa.",
                                    "{shown} de {total} propuestas activas.", total).format(
            shown=sum(1 for p in rows if p.active), total=total))
        self._show_empty(not rows, filtered=bool(self.repo.proposals.list(
            include_inactive=True)))
        self.update_actions()

    def filters(self) -> dict[str, Any]:
        """The theme, table and inactive filters chosen, as ``ProposalStore.list`` takes them."""
        theme, table = self.theme.currentData(), self.table_filter.currentData()
        return {"theme": "" if theme == NO_THEME else None if theme in (ALL, None) else theme,
                "table": None if table in (ALL, None) else table,
                "include_inactive": self.show_all.isChecked()}

    def _show_empty(self, empty: bool, *, filtered: bool) -> None:
        if not empty:
            self.empty.hide()
            return
        if filtered:
            self.empty.setText(_("Ninguna propuesta coincide con lo elegido en «Tema» y "
                                 "«Mesa»."))
        else:
            self.empty.setText(_("Todavía no hay propuestas. Promueva el resultado de una "
                                 "sesión o escriba una con «Nueva propuesta…»."))
        self._empty_place.place()
        self.empty.show()
        self.empty.raise_()

    def chosen(self) -> list[Any]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if self.model.row_at(r) is not None]

    def select_proposal(self, proposal_id: str) -> bool:
        """Show and choose one proposal (a link from a commitment's origin trace)."""
        if not any(p.id == proposal_id for p in self.repo.proposals.list()):
            self.show_all.setChecked(True)
        self.theme.setCurrentIndex(0)
        self.table_filter.setCurrentIndex(0)
        for row in range(self.model.rowCount()):
            p = self.model.row_at(row)
            if p is not None and p.id == proposal_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def update_actions(self) -> None:
        writable = self.repo is not None and not self.repo.read_only
        chosen = self.chosen()
        one = len(chosen) == 1
        self.add_button.setEnabled(writable)
        self.promote_button.setEnabled(writable and self.session.count() > 0)
        self.edit_button.setEnabled(writable and one)
        self.join_button.setEnabled(writable and len(chosen) == 2 and
                                    all(p.active for p in chosen))
        self.separate_button.setEnabled(writable and one and bool(self._to_separate(chosen)))
        self.separate_button.setToolTip(_(
            "Elija la propuesta que quedó (o la unida) para separar la que se le unió")
            if not (one and self._to_separate(chosen)) else "")
        self.export_button.setEnabled(self.repo is not None and self.export_task is None)
        self.withdraw_button.setEnabled(writable and one and chosen[0].active)
        show_undo(self.undo_button, self.repo, UNDO_ACTIONS)
        if one:
            p = chosen[0]
            head = _("Propuesta {label}").format(label=p.label)
            parts = [(head, p.title), (_("Descripción"), p.description),
                     (_("Problema que atiende"), p.problem)]
            self.detail.setText("<br>".join(f"<b>{_esc(name)}:</b> {_esc(text)}"
                                            for name, text in parts if text))
        else:
            self.detail.setText(_("Elija una propuesta para ver su descripción; elija dos "
                                  "(Ctrl+clic) para unirlas."))

    # -- actions -----------------------------------------------------------------
    def add(self):
        made: list[Any] = []

        def save(values: dict[str, Any]) -> bool:
            proposal = ops.add_proposal(parent=dialog, repo=self.repo, **values)
            made.append(proposal)
            return proposal is not None

        dialog = ProposalDialog(self, save=save, themes=self.repo.proposals.themes())
        dialog.exec()
        saved = made[-1] if made else None
        if saved is not None:  # the new one chosen and in view (it may be far down the list)
            self.select_proposal(saved.id)
        return saved

    def promote(self):
        session_id = self.session.currentData()
        if session_id:
            return promote_with_dialog(self, self.repo, session_id)
        return None

    def edit(self) -> None:
        chosen = self.chosen()
        if len(chosen) != 1 or self.repo.read_only:
            return
        proposal = chosen[0]

        def save(values: dict[str, Any]) -> bool:
            return ops.edit_proposal(parent=dialog, repo=self.repo, proposal_id=proposal.id,
                                     **values) is not None

        dialog = ProposalDialog(self, save=save, proposal=proposal,
                                themes=self.repo.proposals.themes())
        dialog.exec()

    def join(self) -> None:
        chosen = self.chosen()
        if len(chosen) == 2:
            ops.join_proposals(parent=self, repo=self.repo, keep_id=chosen[0].id,
                               other_id=chosen[1].id)

    def _to_separate(self, chosen: list[Any]) -> list[Any]:
        """What «Separar» would take apart: the joined one chosen, or those joined into
        the one chosen."""
        if len(chosen) != 1 or self.repo is None:
            return []
        if chosen[0].status == "joined":
            return [chosen[0]]
        if chosen[0].active and len(chosen[0].origins) > 1:
            return self.repo.proposals.joined_to(chosen[0].id)
        return []

    def separate(self) -> None:
        options = self._to_separate(self.chosen())
        if not options:
            return
        which = options[0] if len(options) == 1 else type(self).ask_which(self, options)
        if which is not None:
            ops.separate_proposal(parent=self, repo=self.repo, proposal_id=which.id)

    @staticmethod
    def ask_which(parent: QWidget, options: list[Any]) -> Any | None:
        """Which of the proposals joined into one to separate (tests replace this)."""
        items = [f"{p.label} · {p.title}" for p in options]
        text, ok = QInputDialog.getItem(parent, _("Separar"), _(
            "¿Cuál de las propuestas unidas a la {label} se separa?").format(
                label=options[0].joined_into_label), items, 0, False)
        return options[items.index(text)] if ok and text in items else None

    # -- export ------------------------------------------------------------------
    @staticmethod
    def ask_export_path(parent: QWidget, suggested: str) -> str | None:
        """Where to save the list (tests replace this; None: cancelled)."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Exportar las propuestas"), suggested,
            _("Hoja de cálculo (*.xlsx);;Texto separado por comas (*.csv)"))
        return name or None

    def export(self) -> None:
        """Save the list as shown (its filters) to a CSV or XLSX file, in the background."""
        if self.repo is None or self.export_task is not None:
            return
        from cocrea_desktop.ui.places import start_folder

        chosen = type(self).ask_export_path(self, str(start_folder(self.repo) /
                                                     (_("propuestas") + ".xlsx")))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_name(target.name + ".xlsx")
        filters = self.filters()

        def write(ro: Any, _task: workers.Task) -> Path:
            from cocrea_desktop.export.proposals import export_proposals

            return export_proposals(ro, target, **filters)

        self.export_task = workers.run_read(self.repo.path, write, on_result=self._exported,
                                            on_error=self._export_failed)
        self.export_task.finished.connect(self._export_finished)
        self.update_actions()

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self._tell(QMessageBox.Icon.Information,
                   _("Las propuestas están en:") + "\n" + str(path))

    def _export_failed(self, err: BaseException) -> None:
        from cocrea_desktop.core.errors import CocreaError

        message = err.message if isinstance(err, CocreaError) else _(
            "No se pudo guardar el archivo: {error}").format(error=err)
        self._tell(QMessageBox.Icon.Warning, message)

    def _export_finished(self) -> None:
        self.export_task = None
        self.update_actions()

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        self.last_message = text
        box = QMessageBox(icon, _("CoCrea"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("export_message")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def withdraw(self) -> None:
        chosen = self.chosen()
        if len(chosen) != 1:
            return
        reason = TextDialog.ask(self, _("Retirar la propuesta"), _(
            "¿Por qué se retira la propuesta {label}? Queda en el registro con este "
            "motivo.").format(label=chosen[0].label))
        if reason:
            ops.withdraw_proposal(parent=self, repo=self.repo, proposal_id=chosen[0].id,
                                  reason=reason)

    def undo(self) -> None:
        if own_undo(self.repo, UNDO_ACTIONS):
            ops.undo(parent=self, repo=self.repo)

    def redo(self) -> None:
        if self.repo is not None and not self.repo.read_only and self.repo.redo_label():
            ops.redo(parent=self, repo=self.repo)

    def _on_language(self, _code: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Propuestas del proceso"))
        self.theme_label.setText(_("&Tema:"))
        self.table_label.setText(_("&Mesa:"))
        self.show_all.setText(_("Mostrar también las &unidas y las retiradas"))
        self.add_button.setText(_("&Nueva propuesta…"))
        self.edit_button.setText(_("&Editar…"))
        self.join_button.setText(_("&Unir las dos elegidas"))
        self.join_button.setToolTip(_("La segunda se une a la primera: deja la lista y su "
                                      "origen queda con la primera"))
        self.separate_button.setText(_("&Separar"))
        self.withdraw_button.setText(_("&Retirar…"))
        self.undo_button.setText(_("&Deshacer") + f" ({key_text(QKeySequence.StandardKey.Undo)})")
        self.session_label.setText(_("Sesi&ón:"))
        self.promote_button.setText(_("&Promover resultado…"))
        self.export_button.setText(_("E&xportar…"))
        self.export_button.setToolTip(_("Guardar la lista, como se ve, en una hoja de cálculo "
                                        "(XLSX o CSV)"))
        self.close_button.setText(_("&Cerrar") + " (Esc)")
        self.model.retranslate()
        self.refresh()


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
