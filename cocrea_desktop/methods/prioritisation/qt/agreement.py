"""The panel of the phase kind "prio_agreement": the STL marks which proposals go on to
the PAL. The cut-off is named ("pasan las primeras 3"); when a shared place straddles
it, the panel says so and asks which go on and how the tie was settled (the room voted
again, a public draw): a tie is never broken silently."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.qt.common import PrioPanel
from cocrea_desktop.methods.prioritisation.summary import agreement_lines, place_text
from cocrea_desktop.ui.views.panel import banner, big


class AgreementPanel(PrioPanel):
    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        from cocrea_desktop.ui.qt_i18n import key_text

        return [(key_text("Space"), _("Marcar o desmarcar la propuesta elegida")),
                ("Ctrl+Return", _("Registrar el acuerdo"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="prio_agreement_title"), 1.2)
        layout.addWidget(self.title)
        form = QFormLayout()
        self.cutoff_label, self.who_label, self.note_label = QLabel(), QLabel(), QLabel()
        self.cutoff = QSpinBox(objectName="prio_cutoff")
        self.cutoff.setRange(1, 200)
        self.cutoff.setValue(3)
        self.cutoff.setMaximumWidth(120)
        self.cutoff.valueChanged.connect(lambda _v: self.show_cut())
        self.who = QLineEdit(objectName="prio_decided_by")
        self.note = QLineEdit(objectName="prio_tie_note")
        for label, widget in ((self.cutoff_label, self.cutoff), (self.who_label, self.who),
                              (self.note_label, self.note)):
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.tie = banner("prio_tie")
        layout.addWidget(self.tie)
        self.list_title = QLabel()
        layout.addWidget(self.list_title)
        self.list = QListWidget(objectName="prio_selection")
        layout.addWidget(self.list, 1)
        self.save_button = QPushButton(objectName="prio_agree")
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        self.recorded = QLabel(objectName="prio_recorded")
        self.recorded.setWordWrap(True)
        layout.addWidget(self.recorded)
        layout.addWidget(self.feedback)
        self.shortcut(["Ctrl+Return", "Ctrl+Enter"], self.save)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.cutoff

    def refresh(self) -> None:
        if self.repo is None:
            return
        agreement = self.store.agreement(self.session_id)
        if agreement is not None:
            self.cutoff.blockSignals(True)
            self.cutoff.setValue(agreement.cutoff)
            self.cutoff.blockSignals(False)
            if not self.who.text():
                self.who.setText(agreement.decided_by)
        lines = agreement_lines(self.repo, self.session_id)
        self.recorded.setText("\n".join(lines) if lines else _("Aún no hay acuerdo registrado."))
        self.show_cut()

    def show_cut(self) -> None:
        if self.repo is None:
            return
        self.list.clear()
        try:
            result = self.store.tally(self.session_id)
            cut = self.store.cut(self.session_id, self.cutoff.value())
        except CocreaError as err:
            self.tie.setText(err.message)
            self.tie.show()
            return
        items = {i.number: i for i in self.store.items(self.session_id)}
        agreement = self.store.agreement(self.session_id)
        chosen = set(agreement.selected) if agreement and agreement.cutoff == \
            self.cutoff.value() else set(cut.passing)
        tied = set(cut.runoff.options) if cut.runoff else set()
        for row in result.rows:
            text = _("{place} · {number}. {title} — {score}").format(
                place=place_text(row.rank), number=row.option, title=items[row.option].title,
                score="–" if row.score is None else f"{row.score:.2f}")
            if row.option in tied:
                text += " " + _("(empatada en el corte)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.option)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.option in chosen
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.tie.setText(cut.runoff.text + " " + _("Marque cuáles pasan y escriba cómo se "
                                                   "resolvió.") if cut.runoff else "")
        self.tie.setVisible(cut.runoff is not None)

    def selected(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        cutoff, who, note, chosen = (self.cutoff.value(), self.who.text(), self.note.text(),
                                     self.selected())
        self.act(lambda: self.store.agree(self.session_id, cutoff=cutoff, decided_by=who,
                                          selected=chosen, tie_note=note),
                 _("Acuerdo registrado."))

    def retranslate(self) -> None:
        self.title.setText(_("Acuerdo: qué pasa al Plan de Acción Local"))
        self.cutoff_label.setText(_("&Corte: pasan las primeras"))
        self.who_label.setText(_("&Quién decidió:"))
        self.who.setPlaceholderText(_("Ejemplo: el pleno del STL"))
        self.note_label.setText(_("Cómo se resolvió un &empate o un cambio:"))
        self.note.setPlaceholderText(_("Ejemplo: la sala votó de nuevo entre la 2 y la 5"))
        self.list_title.setText(_("Propuestas en orden (Espacio marca cuáles pasan):"))
        self.save_button.setText(_("Registrar el acuerdo (Ctrl+Intro)"))
        if self.repo is not None:
            self.refresh()
