"""The jury panel of the phase kind "jury_draw": the public seed (dice rolls typed in, the
witnesses named), the draw run in the background with its progress shown, the panel
drawn and the replacements in order, a withdrawal replaced keeping the quotas, and the
record of the draw printed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.i18n import _
from cocrea_desktop.methods.jury import draw as lottery
from cocrea_desktop.methods.jury.qt import operations as jops
from cocrea_desktop.methods.jury.qt.common import JuryPanel, fill, key_of, rows_table
from cocrea_desktop.ui import operations as ops
from cocrea_desktop.ui import workers
from cocrea_desktop.ui.views.panel import big


def percent(p: float) -> str:
    return f"{100 * p:.1f} %"


class DrawPanel(JuryPanel):
    """Type the dice and the witnesses, draw off the GUI thread, replace, print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.seed_box = QGroupBox(objectName="seed_box")
        form = QFormLayout(self.seed_box)
        self.size = QSpinBox(objectName="jury_size")
        self.size.setRange(10, 30)
        self.size.setValue(12)
        self.dice = QLineEdit(objectName="jury_dice")
        self.dice.setMaxLength(200)
        self.witnesses = QLineEdit(objectName="jury_draw_witnesses")
        self.witnesses.setMaxLength(300)
        self.size_label, self.dice_label, self.witnesses_label = (
            QLabel(objectName="jury_size_label"), QLabel(objectName="jury_dice_label"),
            QLabel(objectName="jury_witnesses_label"))
        for label, widget in ((self.size_label, self.size), (self.dice_label, self.dice),
                              (self.witnesses_label, self.witnesses)):
            label.setBuddy(widget)
            form.addRow(label, widget)
        row = QHBoxLayout()
        self.draw_button = QPushButton(objectName="run_draw")
        self.draw_button.clicked.connect(self.run)
        self.progress = QProgressBar(objectName="draw_progress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.progress_text = QLabel(objectName="draw_progress_text")
        row.addWidget(self.draw_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.progress_text, 2)
        form.addRow(row)
        layout.addWidget(self.seed_box)

        self.result = big(QLabel(objectName="drawn_panel"), 1.3)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.seed_line = QLabel(objectName="drawn_seed")
        self.seed_line.setWordWrap(True)
        self.seed_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.seed_line)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 4, 0)
        self.panel_title = QLabel(objectName="panel_title")
        lv.addWidget(self.panel_title)
        self.members = rows_table("jury_members", stretch=1)
        lv.addWidget(self.members, 1)
        rr = QHBoxLayout()
        self.reason = QLineEdit(objectName="withdraw_reason")
        self.reason.setMaxLength(200)
        self.replace_button = QPushButton(objectName="replace_member")
        self.replace_button.clicked.connect(self.replace)
        rr.addWidget(self.reason, 1)
        rr.addWidget(self.replace_button)
        lv.addLayout(rr)
        split.addWidget(left)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(4, 0, 0, 0)
        self.replacements_title = QLabel(objectName="replacements_title")
        rv.addWidget(self.replacements_title)
        self.replacements = rows_table("jury_replacements", stretch=2)
        rv.addWidget(self.replacements, 1)
        self.print_button = QPushButton(objectName="print_draw_record")
        self.print_button.clicked.connect(self.print_record)
        rv.addWidget(self.print_button)
        split.addWidget(right)
        split.setSizes([600, 400])
        layout.addWidget(split, 1)
        layout.addWidget(self.feedback)
        self.draw_task: workers.Task | None = None
        self.shortcut("Ctrl+P", self.print_record)
        self.retranslate()

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        return [("Ctrl+P", _("Jurado: imprimir el acta del sorteo"))]

    def focus_target(self) -> QWidget | None:
        return self.dice

    def refresh(self) -> None:
        if self.repo is None:
            return
        jury = self.repo.jury
        record = jury.record(self.session_id)
        drawn = record is not None
        running = self.draw_task is not None
        self.seed_box.setEnabled(not drawn and not running)
        self.seed_box.setVisible(not drawn)
        self.seed_line.setVisible(drawn)
        self.replace_button.setEnabled(drawn)
        self.reason.setEnabled(drawn)
        self.print_button.setEnabled(drawn)
        by_number = {v.number: v for v in jury.volunteers(self.session_id)}
        if not drawn:
            pool = [v for v in by_number.values() if not v.erased]
            self.result.setText(_("Bolsa: {count} personas voluntarias; {quotas} cuotas. "
                                  "Tiren los dados frente a testigos y capture las tiradas.")
                                .format(count=len(pool),
                                        quotas=len(jury.quotas(self.session_id))))
            fill(self.members, [], [])
            fill(self.replacements, [], [])
            return
        self.size.setValue(record.size)
        self.dice.setText(record.dice)
        self.witnesses.setText(record.witnesses)
        panel = jury.panel(self.session_id)
        self.result.setText(_("Jurado: {numbers}").format(
            numbers=", ".join(str(v.number) for v in sorted(panel, key=lambda v: v.number))))
        self.seed_line.setText(_("Semilla {seed} (dados {dice}; testigos: {witnesses}) · "
                                 "algoritmo {algorithm} · reemplazos: {swaps}").format(
            seed=record.seed, dice=record.dice, witnesses=record.witnesses,
            algorithm=record.algorithm, swaps=len(jury.swaps(self.session_id))))
        self.panel_title.setText(_("El jurado ({count} personas)").format(count=len(panel)))
        fill(self.members, [_("Núm."), _("Nombre"), _("Comunidad"), _("Sexo"), _("Edad"),
                            _("Probabilidad")],
             [(v.number, v.name, v.features.get("comunidad", ""), v.features.get("sexo", ""),
               v.features.get("edad", ""), percent(record.probabilities.get(v.key, 0)))
              for v in panel], [v.number for v in panel])
        used = {s.replacement for s in jury.swaps(self.session_id)}
        rows = []
        for position, n in enumerate(record.replacements, start=1):
            v = by_number[n]
            state = _("en el jurado") if n in used else ""
            rows.append((position, n, " · ".join(x for _k, x in sorted(v.features.items())),
                         state))
        fill(self.replacements, [_("Orden"), _("Núm."), _("Características"), _("Nota")],
             rows, list(record.replacements))
        self.replacements_title.setText(_("Suplentes en orden"))

    def run(self) -> None:
        if self.repo is None or self.draw_task is not None:
            return
        dice, witnesses = self.dice.text(), self.witnesses.text()
        data = jops.prepare_draw(parent=self, repo=self.repo, session_id=self.session_id,
                                 size=self.size.value(), dice=dice, witnesses=witnesses)
        if data is None:
            return
        self.progress.show()
        self.progress_text.setText(_("Calculando la probabilidad de cada persona "
                                     "voluntaria…"))
        self.seed_box.setEnabled(False)
        session_id = self.session_id

        def done(result) -> None:
            self._stop()
            record = jops.save_draw(parent=self, repo=self.repo, session_id=session_id,
                                    data=data, result=result, dice=dice, witnesses=witnesses)
            if record is not None:
                self.feedback.setText(_("Sorteo hecho con la semilla {seed}. Imprima el acta "
                                        "(Ctrl+P).").format(seed=record.seed))

        def failed(err: BaseException) -> None:
            self._stop()
            if isinstance(err, CocreaError):
                ops.show_error(self, err)
            else:
                self.feedback.setText(_("El sorteo no pudo completarse: {reason}").format(
                    reason=str(err)))

        self.draw_task = workers.run_task(lambda _task: lottery.run_draw(data), on_result=done,
                                          on_error=failed)

    def _stop(self) -> None:
        self.draw_task = None
        self.progress.hide()
        self.progress_text.setText("")
        self.refresh()

    def replace(self) -> None:
        number = key_of(self.members)
        if self.repo is None or number is None:
            self.feedback.setText(_("Elija primero en la lista a la persona que se retira."))
            return
        new = jops.replace_member(parent=self, repo=self.repo, session_id=self.session_id,
                                  number=int(number), reason=self.reason.text())
        if new is not None:
            self.reason.clear()
            self.feedback.setText(_("Entra al jurado la persona suplente {new} en lugar de "
                                    "la {old}.").format(new=new.number, old=number))

    def print_record(self) -> None:
        if self.repo is None or self.repo.jury.record(self.session_id) is None:
            return
        from cocrea_desktop.methods.jury.pdf import write_draw_record

        self.print_pdf(_("Guardar el acta del sorteo"), "acta-sorteo-jurado.pdf",
                       write_draw_record)

    def retranslate(self) -> None:
        self.seed_box.setTitle(_("Semilla pública"))
        self.size_label.setText(_("&Personas en el jurado:"))
        self.dice_label.setText(_("&Tiradas de dados (al menos 10):"))
        self.dice.setPlaceholderText(_("p. ej. 3 6 1 2 5 4 4 2 6 1 3 3"))
        self.witnesses_label.setText(_("&Testigos de las tiradas:"))
        self.witnesses.setPlaceholderText(_("nombres de quienes vieron tirar los dados"))
        self.draw_button.setText(_("Sortear el jurado"))
        self.panel_title.setText(_("El jurado"))
        self.replacements_title.setText(_("Suplentes en orden"))
        self.reason.setPlaceholderText(_("motivo del retiro (opcional)"))
        self.replace_button.setText(_("Se retiró: llamar suplente"))
        self.print_button.setText(_("Imprimir acta del sorteo (PDF)… Ctrl+P"))
        if self.repo is not None:
            self.refresh()
