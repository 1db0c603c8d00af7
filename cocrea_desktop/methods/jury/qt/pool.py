"""The jury panel of the phase kind "jury_pool": the privacy notice, each volunteer
registered with their consent (name, contact, community, sex, age band), and the quotas
the STL sets for each value of each feature."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.jury.qt import operations as jops
from cocrea_desktop.methods.jury.qt.common import JuryPanel, fill, key_of, rows_table
from cocrea_desktop.methods.jury.store import BASE_FEATURES, STATUSES

SEXES = ("Mujer", "Hombre", "Otro")
AGE_BANDS = ("18-29", "30-44", "45-59", "60 y más")


class JuryAsk:
    """The confirmation before erasing (tests replace it)."""

    @staticmethod
    def confirm(box: QMessageBox, yes) -> bool:
        box.exec()
        return box.clickedButton() is yes


def _combo(name: str, items: tuple[str, ...] = (), editable: bool = True) -> QComboBox:
    box = QComboBox(objectName=name)
    box.setEditable(editable)
    box.addItems(list(items))
    box.setCurrentIndex(-1)
    return box


class PoolPanel(JuryPanel):
    """Register volunteers with consent after the notice; set the quotas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.notice = QLabel(objectName="jury_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 4px; }")
        layout.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="jury_pool_split")
        layout.addWidget(split, 1)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 4, 0)
        self.person_box = QGroupBox(objectName="volunteer_box")
        form = QFormLayout(self.person_box)
        self.name = QLineEdit(objectName="volunteer_name")
        self.name.setMaxLength(120)
        self.contact = QLineEdit(objectName="volunteer_contact")
        self.contact.setMaxLength(80)
        self.community = _combo("volunteer_community")
        self.sex = _combo("volunteer_sex", SEXES)
        self.age = _combo("volunteer_age", AGE_BANDS)
        self.consent = QCheckBox(objectName="volunteer_consent")
        self.add_button = QPushButton(objectName="add_volunteer")
        self.add_button.clicked.connect(self.add_volunteer)
        self.name.returnPressed.connect(self.add_volunteer)
        self.labels = {}
        for key, widget in (("name", self.name), ("contact", self.contact),
                            ("community", self.community), ("sex", self.sex),
                            ("age", self.age)):
            label = QLabel(objectName=f"volunteer_{key}_label")
            label.setBuddy(widget)
            self.labels[key] = label
            form.addRow(label, widget)
        form.addRow(self.consent)
        form.addRow(self.add_button)
        lv.addWidget(self.person_box)
        self.pool_title = QLabel(objectName="pool_title")
        lv.addWidget(self.pool_title)
        self.pool = rows_table("volunteers", stretch=1)
        lv.addWidget(self.pool, 1)
        self.remove_button = QPushButton(objectName="remove_volunteer")
        self.remove_button.clicked.connect(self.remove_volunteer)
        lv.addWidget(self.remove_button)
        split.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(4, 0, 0, 0)
        self.quota_box = QGroupBox(objectName="quota_box")
        qf = QFormLayout(self.quota_box)
        self.feature = _combo("quota_feature", tuple(BASE_FEATURES))
        self.value = _combo("quota_value")
        self.feature.currentTextChanged.connect(self._fill_values)
        row = QHBoxLayout()
        self.minimum = QSpinBox(objectName="quota_min")
        self.maximum = QSpinBox(objectName="quota_max")
        for spin in (self.minimum, self.maximum):
            spin.setRange(0, 60)
        self.min_label = QLabel(objectName="quota_min_label")
        self.max_label = QLabel(objectName="quota_max_label")
        self.min_label.setBuddy(self.minimum)
        self.max_label.setBuddy(self.maximum)
        for w in (self.min_label, self.minimum, self.max_label, self.maximum):
            row.addWidget(w)
        row.addStretch(1)
        self.feature_label = QLabel(objectName="quota_feature_label")
        self.feature_label.setBuddy(self.feature)
        self.value_label = QLabel(objectName="quota_value_label")
        self.value_label.setBuddy(self.value)
        qf.addRow(self.feature_label, self.feature)
        qf.addRow(self.value_label, self.value)
        qf.addRow(row)
        self.quota_button = QPushButton(objectName="set_quota")
        self.quota_button.clicked.connect(self.set_quota)
        qf.addRow(self.quota_button)
        rv.addWidget(self.quota_box)
        self.quotas_title = QLabel(objectName="quotas_title")
        rv.addWidget(self.quotas_title)
        self.quotas = rows_table("quotas", stretch=1)
        rv.addWidget(self.quotas, 1)
        self.remove_quota_button = QPushButton(objectName="remove_quota")
        self.remove_quota_button.clicked.connect(self.remove_quota)
        rv.addWidget(self.remove_quota_button)
        split.addWidget(right)
        split.setSizes([560, 440])
        layout.addWidget(self.feedback)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.name

    def _fill_values(self, feature: str) -> None:
        if self.repo is None:
            return
        seen = []
        for v in self.repo.jury.volunteers(self.session_id):
            value = v.features.get(feature, "")
            if value and value not in seen:
                seen.append(value)
        current = self.value.currentText()
        self.value.clear()
        self.value.addItems(sorted(seen))
        self.value.setEditText(current if current in seen else "")

    def refresh(self) -> None:
        if self.repo is None:
            return
        jury = self.repo.jury
        self.notice.setText(_("Aviso de privacidad (léalo antes de registrar): {notice}")
                            .format(notice=self.repo.attendance.notice_text()))
        volunteers = [v for v in jury.volunteers(self.session_id)
                      if not v.erased or v.status != "withdrawn"]
        communities = sorted({v.features.get("comunidad", "") for v in volunteers} - {""})
        text = self.community.currentText()
        self.community.clear()
        self.community.addItems(communities)
        self.community.setEditText(text)
        fill(self.pool, [_("Núm."), _("Nombre"), _("Comunidad"), _("Sexo"), _("Edad"),
                         _("Estado")],
             [(v.number, v.name or _("(datos borrados)"), v.features.get("comunidad", ""),
               v.features.get("sexo", ""),
               v.features.get("edad", ""), _(STATUSES.get(v.status, v.status)))
              for v in volunteers], [v.id for v in volunteers])
        self.pool_title.setText(_("Bolsa de voluntarias: {count} personas").format(
            count=len(volunteers)))
        quotas = jury.quotas(self.session_id)
        counts = {}
        for v in volunteers:
            for f, value in v.features.items():
                counts[(f, value)] = counts.get((f, value), 0) + 1
        fill(self.quotas, [_("Característica"), _("Valor"), _("Mínimo"), _("Máximo"),
                           _("En la bolsa")],
             [(q.feature, q.value, q.min, q.max, counts.get((q.feature, q.value), 0))
              for q in quotas], [q.id for q in quotas])
        drawn = jury.record(self.session_id) is not None
        for w in (self.person_box, self.quota_box, self.remove_quota_button):
            w.setEnabled(not drawn)
            w.setVisible(not drawn)  # after the draw, the room is for the lists
        features = jury.feature_names(self.session_id)
        current = self.feature.currentText()
        self.feature.blockSignals(True)
        self.feature.clear()
        self.feature.addItems(features)
        self.feature.setEditText(current)
        self.feature.blockSignals(False)
        self._fill_values(self.feature.currentText())
        if drawn:
            self.feedback.setText(_("El sorteo ya se hizo: la bolsa y las cuotas ya no "
                                    "cambian."))

    def add_volunteer(self) -> None:
        if self.repo is None:
            return
        features = {"comunidad": self.community.currentText(), "sexo": self.sex.currentText(),
                    "edad": self.age.currentText()}
        v = jops.add_volunteer(parent=self, repo=self.repo, session_id=self.session_id,
                               name=self.name.text(), contact=self.contact.text(),
                               features=features, consent=self.consent.isChecked())
        if v is not None:
            self.name.clear()
            self.contact.clear()
            self.consent.setChecked(False)
            self.feedback.setText(_("Registrada la persona voluntaria {number}.").format(
                number=v.number))
            self.name.setFocus()

    def remove_volunteer(self) -> None:
        key = key_of(self.pool)
        if self.repo is None or key is None:
            self.feedback.setText(_("Elija primero a la persona en la lista."))
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Borrar datos"),
                          _("Se borran para siempre el nombre y el contacto de esta persona; "
                            "no se puede deshacer. Antes del sorteo, además sale de la bolsa."
                            "\n\n¿Borrar sus datos?"), parent=self)
        erase = box.addButton(_("Borrar sus datos"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(_("Cancelar"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setObjectName("confirm_erase_volunteer")
        if not JuryAsk.confirm(box, erase):
            return
        if jops.remove_volunteer(parent=self, repo=self.repo, volunteer_id=str(key)):
            self.feedback.setText(_("Se borraron el nombre y el contacto de la persona."))

    def set_quota(self) -> None:
        if self.repo is None:
            return
        if jops.set_quota(parent=self, repo=self.repo, session_id=self.session_id,
                          feature=self.feature.currentText(), value=self.value.currentText(),
                          minimum=self.minimum.value(), maximum=self.maximum.value()):
            self.feedback.setText(_("Cuota fijada: «{feature}: {value}», de {low} a {high}.")
                                  .format(feature=self.feature.currentText(),
                                          value=self.value.currentText(),
                                          low=self.minimum.value(), high=self.maximum.value()))

    def remove_quota(self) -> None:
        key = key_of(self.quotas)
        if self.repo is None or key is None:
            self.feedback.setText(_("Elija primero la cuota en la lista."))
            return
        jops.remove_quota(parent=self, repo=self.repo, quota_id=str(key))

    def retranslate(self) -> None:
        self.person_box.setTitle(_("Registrar a una persona voluntaria"))
        self.labels["name"].setText(_("&Nombre:"))
        self.labels["contact"].setText(_("&Contacto (teléfono):"))
        self.labels["community"].setText(_("C&omunidad:"))
        self.labels["sex"].setText(_("&Sexo:"))
        self.labels["age"].setText(_("&Edad:"))
        self.consent.setText(_("Escuchó el aviso de privacidad y acepta entrar al sorteo"))
        self.add_button.setText(_("Registrar (Intro)"))
        self.remove_button.setText(_("Borrar sus datos (a petición de la persona)…"))
        self.quota_box.setTitle(_("Cuotas del jurado"))
        self.feature_label.setText(_("C&aracterística:"))
        self.value_label.setText(_("&Valor:"))
        self.min_label.setText(_("Mí&nimo:"))
        self.max_label.setText(_("Má&ximo:"))
        self.quota_button.setText(_("Fijar cuota"))
        self.quotas_title.setText(_("Cuotas fijadas"))
        self.remove_quota_button.setText(_("Quitar cuota"))
        if self.repo is not None:
            self.refresh()
