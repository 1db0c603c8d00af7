"""The panel of the phase kind "prio_criteria": the criteria, from a preset or the STL's
own. Each has a name, the question read aloud, a weight and its direction ("más alto =
más prioridad"), which is read aloud and checked with the facilitator (Espacio)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.prioritisation.qt.common import (
    PrioPanel,
    TextRowsModel,
    rows_view,
    selected_keys,
)
from cocrea_desktop.methods.prioritisation.store import CriterionSpec
from cocrea_desktop.ui.views.panel import banner, big


def weight_text(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else str(weight)


class CriteriaPanel(PrioPanel):
    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        from cocrea_desktop.ui.qt_i18n import key_text

        return [("Alt+D / Alt+C / Alt+P", _("Criterios de Durango, de CEPAL o propios")),
                (key_text("Return"), _("Guardar el criterio del formulario")),
                (key_text("Space"), _("Marcar la dirección del criterio elegido como "
                                      "revisada")),
                ("F2", _("Editar el criterio elegido")),
                (key_text("Delete"), _("Quitar el criterio elegido"))]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = big(QLabel(objectName="prio_criteria_title"), 1.2)
        layout.addWidget(self.title)
        presets = QHBoxLayout()
        self.preset_label = QLabel()
        presets.addWidget(self.preset_label)
        self.durango = QPushButton(objectName="preset_durango")
        self.cepal = QPushButton(objectName="preset_cepal")
        self.own = QPushButton(objectName="preset_own")
        for button, key in ((self.durango, "durango"), (self.cepal, "cepal"),
                            (self.own, "own")):
            button.clicked.connect(lambda _c=False, k=key: self.use_preset(k))
            presets.addWidget(button)
        presets.addStretch(1)
        layout.addLayout(presets)
        self.unchecked = banner("prio_unchecked")
        layout.addWidget(self.unchecked)
        self.model = TextRowsModel(self)
        self.table = rows_view(self.model, "prio_criteria")
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        layout.addWidget(self.table, 1)
        form = QGridLayout()
        self.name_label, self.question_label, self.weight_label = QLabel(), QLabel(), QLabel()
        self.name = QLineEdit(objectName="criterion_name")
        self.question = QLineEdit(objectName="criterion_question")
        self.weight = QLineEdit(objectName="criterion_weight")
        self.weight.setMaximumWidth(80)
        self.higher = QCheckBox(objectName="criterion_higher")
        self.higher.setChecked(True)
        for label, edit in ((self.name_label, self.name), (self.question_label, self.question),
                            (self.weight_label, self.weight)):
            label.setBuddy(edit)
            edit.returnPressed.connect(self.save)
        form.addWidget(self.name_label, 0, 0)
        form.addWidget(self.name, 0, 1)
        form.addWidget(self.weight_label, 0, 2)
        form.addWidget(self.weight, 0, 3)
        form.addWidget(self.question_label, 1, 0)
        form.addWidget(self.question, 1, 1, 1, 3)
        form.addWidget(self.higher, 2, 1, 1, 3)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(objectName="criterion_save")
        self.save_button.clicked.connect(self.save)
        self.check_button = QPushButton(objectName="criterion_check")
        self.check_button.clicked.connect(self.check_selected)
        self.remove_button = QPushButton(objectName="criterion_remove")
        self.remove_button.clicked.connect(self.remove_selected)
        for b in (self.save_button, self.check_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        self.shortcut("F2", self.edit_selected)
        self.table_keys()
        self.retranslate()

    def table_keys(self) -> None:
        for key, slot in ((Qt.Key.Key_Space, self.check_selected),
                          (Qt.Key.Key_Delete, self.remove_selected)):
            action = QAction(self.table)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.table.addAction(action)

    def focus_target(self) -> QWidget | None:
        return self.table if self.model.rowCount() else self.durango

    def specs(self) -> list[CriterionSpec]:
        return list(self.store.setup(self.session_id).criteria) if self.repo else []

    def refresh(self) -> None:
        if self.repo is None:
            return
        specs = self.specs()
        self.model.set_table(
            [_("Núm."), _("Criterio"), _("Pregunta para leer en voz alta"), _("Peso"),
             _("Dirección"), _("Revisada")],
            [(i, [str(i + 1), c.label(), c.question_text(), weight_text(c.weight),
                  _("más alto = más prioridad") if c.higher_is_priority
                  else _("al revés: más bajo = más prioridad"),
                  _("sí") if c.checked else _("falta")]) for i, c in enumerate(specs)])
        missing = [c.label() for c in specs if not c.checked]
        self.unchecked.setVisible(bool(missing))
        self.unchecked.setText(_("Falta revisar con la sala la dirección de: {names}. Lea la "
                                 "pregunta y diga «5 es más prioridad».").format(
            names=", ".join(missing)))
        setup = self.store.setup(self.session_id)
        self.preset_label.setText(_("Juego de criterios: {name}").format(
            name=self.preset_name(setup.preset)))

    @staticmethod
    def preset_name(key: str) -> str:
        from cocrea_desktop.methods.prioritisation.store import PRESETS

        if key in PRESETS:
            return _(PRESETS[key])
        return _("propios del STL") if key == "own" else _("ninguno todavía")

    def use_preset(self, key: str) -> None:
        self.act(lambda: self.store.use_preset(self.session_id, key),
                 _("Criterios: {name}").format(name=self.preset_name(key)))

    def _row(self) -> int | None:
        keys = selected_keys(self.table)
        return keys[0] if keys else None

    def edit_selected(self) -> None:
        index = self._row()
        if index is None:
            return
        spec = self.specs()[index]
        self.editing = index
        self.name.setText(spec.label())
        self.question.setText(spec.question_text())
        self.weight.setText(weight_text(spec.weight))
        self.higher.setChecked(spec.higher_is_priority)
        self.save_button.setText(_("Guardar cambios (Intro)"))
        self.name.setFocus()

    def save(self) -> None:
        if self.repo is None:
            return
        specs = self.specs()
        new = CriterionSpec(self.name.text(), self.question.text(),
                            self.weight.text().strip() or "1", self.higher.isChecked(), False)
        if self.editing is not None and self.editing < len(specs):
            old = specs[self.editing]
            if (new.name, new.higher_is_priority) == (old.label(), old.higher_is_priority):
                new = CriterionSpec(old.name, new.question, new.weight, new.higher_is_priority,
                                    old.checked)
            specs[self.editing] = new
        else:
            specs.append(new)
        setup = self.store.setup(self.session_id)
        preset = setup.preset if self.editing is None and setup.preset else "own"
        if self.act(lambda: self.store.set_criteria(self.session_id, specs, preset=preset),
                    _("Criterio guardado: {name}").format(name=new.name.strip())):
            self.clear_form()

    def clear_form(self) -> None:
        self.editing = None
        for edit in (self.name, self.question, self.weight):
            edit.clear()
        self.higher.setChecked(True)
        self.save_button.setText(_("Agregar criterio (Intro)"))

    def check_selected(self) -> None:
        index = self._row()
        if index is not None:
            checked = not self.specs()[index].checked
            self.act(lambda: self.store.check_direction(self.session_id, index, checked))

    def remove_selected(self) -> None:
        index = self._row()
        if index is None:
            return
        specs = self.specs()
        name = specs.pop(index).label()
        self.act(lambda: self.store.set_criteria(self.session_id, specs, preset="own"),
                 _("Criterio quitado: {name}").format(name=name))

    def retranslate(self) -> None:
        self.title.setText(_("Criterios"))
        self.durango.setText(_("&Durango (5)"))
        self.cepal.setText(_("&CEPAL (4)"))
        self.own.setText(_("&Propios"))
        self.name_label.setText(_("&Nombre:"))
        self.question_label.setText(_("Pre&gunta:"))
        self.weight_label.setText(_("P&eso:"))
        self.weight.setPlaceholderText("1")
        self.higher.setText(_("Más alto = más prioridad (quítelo para un criterio como "
                              "«costo»)"))
        self.save_button.setText(_("Agregar criterio (Intro)") if self.editing is None
                                 else _("Guardar cambios (Intro)"))
        self.check_button.setText(_("Dirección revisada con la sala (Espacio)"))
        self.remove_button.setText(_("Quitar criterio (Supr)"))
        if self.repo is not None:
            self.refresh()
