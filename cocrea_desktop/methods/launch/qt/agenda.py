"""The launch panel of the phase kind "launch_agenda": the short agenda (item, who
presents it, minutes allotted; Enter saves), F8 to close the item under way and start
the next, with the item's own clock (F5 pauses, F6 adds a minute)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.launch.qt.models import AgendaModel
from cocrea_desktop.methods.launch.store import AGENDA_PHASE, TABLES, Item
from cocrea_desktop.store.repo import Repo
from cocrea_desktop.ui.operations.base import _run
from cocrea_desktop.ui.views.panel import Panel, big, capture_line, status_line, table_view
from cocrea_desktop.ui.widgets.timer_widget import TimerWidget


class ItemTimer(TimerWidget):
    """The clock of the agenda item under way (the agenda phase timer, slot = the item)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.item: Item | None = None
        super().__init__(parent)

    def bind_item(self, repo: Repo, session_id: str, item: Item | None) -> None:
        if item is None or self.item is None or item.id != self.item.id:
            self.state = None
        self.item = item
        self.repo, self.session_id, self.phase_key = repo, session_id, AGENDA_PHASE
        self.reload()

    def reload(self) -> None:
        if self.repo is None or self.item is None:
            self.timer = None
        else:
            self.timer = self.repo.phases.timer(self.session_id, AGENDA_PHASE,
                                                slot=self.item.id, minutes=self.item.minutes)
        self.tick(chime=False)

    def _caption_text(self) -> str:
        if self.item is None:
            return _("Ningún punto en curso")
        return _("Punto {number}").format(number=self.item.number) + " · " + \
            super()._caption_text()

    def toggle(self) -> None:
        if self.repo is not None and self.item is not None:
            _run(self, lambda: self.repo.phases.toggle_timer(self.session_id, AGENDA_PHASE,
                                                             slot=self.item.id))

    def add_minute(self) -> None:
        if self.repo is not None and self.item is not None:
            _run(self, lambda: self.repo.phases.add_minute(self.session_id, AGENDA_PHASE,
                                                           slot=self.item.id))

    def reset(self) -> None:
        if self.repo is not None and self.item is not None:
            _run(self, lambda: self.repo.phases.reset_timer(self.session_id, AGENDA_PHASE,
                                                            slot=self.item.id))


class AgendaPanel(Panel):
    tables = (*TABLES, "timer", "session")

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [("F8", _("Lanzamiento: cerrar el punto en curso e iniciar el siguiente"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        left = QVBoxLayout()
        self.title = big(QLabel(objectName="agenda_title"), 1.3)
        left.addWidget(self.title)
        self.current = big(QLabel(objectName="agenda_current"), 1.15)
        self.current.setWordWrap(True)
        left.addWidget(self.current)
        row = QHBoxLayout()
        self.next_button = QPushButton(objectName="agenda_next")
        self.next_button.clicked.connect(self.next_item)
        self.close_button = QPushButton(objectName="agenda_close")
        self.close_button.clicked.connect(self.close_item)
        row.addWidget(self.next_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        left.addLayout(row)
        top.addLayout(left, 1)
        self.timer = ItemTimer()
        self.timer.setObjectName("item_timer")
        top.addWidget(self.timer)
        layout.addLayout(top)
        entry_row = QHBoxLayout()
        self.entry = capture_line(self.add_item)
        self.entry.setObjectName("agenda_entry")
        self.presenter = QLineEdit(objectName="agenda_presenter")
        self.presenter.returnPressed.connect(self.add_item)
        self.minutes = QSpinBox(objectName="agenda_minutes")
        self.minutes.setRange(1, 180)
        self.minutes.setValue(10)
        self.minutes_label = QLabel()
        self.add_button = QPushButton(objectName="agenda_add")
        self.add_button.clicked.connect(self.add_item)
        entry_row.addWidget(self.entry, 3)
        entry_row.addWidget(self.presenter, 2)
        entry_row.addWidget(self.minutes_label)
        entry_row.addWidget(self.minutes)
        entry_row.addWidget(self.add_button)
        layout.addLayout(entry_row)
        self.model = AgendaModel(self)
        self.table = table_view(self.model, "launch_agenda")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status = status_line(QLabel(objectName="agenda_status"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.shortcut("F8", self.next_item)
        self.retranslate()

    @property
    def timer_widget(self) -> TimerWidget:
        return self.timer

    def focus_target(self) -> QWidget | None:
        return self.entry

    def refresh(self) -> None:
        if self.repo is None:
            return
        la = self.repo.launch
        self.model.set_rows(la.items(self.session_id))
        current = la.current_item(self.session_id)
        following = la.next_item(self.session_id)
        if current is not None:
            text = _("En curso: {number}. {title}").format(number=current.number,
                                                          title=current.title)
            if current.presenter:
                text += " — " + _("presenta: {who}").format(who=current.presenter)
        elif following is not None:
            text = _("Sigue: {number}. {title}").format(number=following.number,
                                                        title=following.title)
        else:
            text = _("Se trataron todos los puntos.") if la.items(self.session_id) else \
                _("Capture los puntos del orden del día.")
        self.current.setText(text)
        self.next_button.setEnabled(current is not None or following is not None)
        self.close_button.setEnabled(current is not None)
        self.timer.bind_item(self.repo, self.session_id, current)

    def add_item(self) -> None:
        text = self.entry.text().strip()
        if not text or self.repo is None:
            return
        result = _run(self, lambda: self.repo.launch.add_item(
            self.session_id, text, presenter=self.presenter.text(),
            minutes=self.minutes.value()))
        if result:
            self.entry.setText("")
            self.presenter.setText("")
            self.status.setText(_("Punto {number} agregado.").format(number=result[0].number))
            self.entry.setFocus()

    def next_item(self) -> None:
        if self.repo is None:
            return
        result = _run(self, lambda: self.repo.launch.next(self.session_id))
        if result:
            item = result[0]
            self.status.setText(_("Inició el punto {number}.").format(number=item.number)
                                if item else _("Se trataron todos los puntos."))

    def close_item(self) -> None:
        if self.repo is not None:
            _run(self, lambda: self.repo.launch.close_item(self.session_id))

    def retranslate(self) -> None:
        self.title.setText(_("Orden del día"))
        self.entry.setPlaceholderText(_("Punto del orden del día: escríbalo y pulse Intro"))
        self.presenter.setPlaceholderText(_("Quién lo presenta"))
        self.minutes_label.setText(_("Minutos:"))
        self.add_button.setText(_("Agregar punto"))
        self.next_button.setText(_("Iniciar el siguiente punto (F8)"))
        self.close_button.setText(_("Cerrar el punto en curso"))
        self.model.retranslate()
        self.timer.retranslate()
        self.refresh()
