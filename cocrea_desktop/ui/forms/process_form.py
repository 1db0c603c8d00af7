# Generated from ui/process.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/process.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

from cocrea_desktop.ui.widgets.inputs import ButtonBox
from cocrea_desktop.i18n import _

class Ui_ProcessDialog(object):
    def setupUi(self, ProcessDialog):
        if not ProcessDialog.objectName():
            ProcessDialog.setObjectName(u"ProcessDialog")
        ProcessDialog.setMinimumSize(QSize(520, 0))
        self.main_layout = QVBoxLayout(ProcessDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(ProcessDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(ProcessDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name = QLineEdit(ProcessDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.municipality_label = QLabel(ProcessDialog)
        self.municipality_label.setObjectName(u"municipality_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.municipality_label)

        self.municipality = QLineEdit(ProcessDialog)
        self.municipality.setObjectName(u"municipality")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.municipality)

        self.state_label = QLabel(ProcessDialog)
        self.state_label.setObjectName(u"state_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.state_label)

        self.state = QLineEdit(ProcessDialog)
        self.state.setObjectName(u"state")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.state)

        self.period_label = QLabel(ProcessDialog)
        self.period_label.setObjectName(u"period_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.period_label)

        self.period = QLineEdit(ProcessDialog)
        self.period.setObjectName(u"period")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.period)

        self.responsible_body_label = QLabel(ProcessDialog)
        self.responsible_body_label.setObjectName(u"responsible_body_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.responsible_body_label)

        self.responsible_body = QLineEdit(ProcessDialog)
        self.responsible_body.setObjectName(u"responsible_body")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.responsible_body)


        self.main_layout.addLayout(self.form)

        self.error = QLabel(ProcessDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #a00000; font-weight: bold;")
        self.error.setWordWrap(True)

        self.main_layout.addWidget(self.error)

        self.buttons = ButtonBox(ProcessDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name)
        self.municipality_label.setBuddy(self.municipality)
        self.state_label.setBuddy(self.state)
        self.period_label.setBuddy(self.period)
        self.responsible_body_label.setBuddy(self.responsible_body)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.municipality)
        QWidget.setTabOrder(self.municipality, self.state)
        QWidget.setTabOrder(self.state, self.period)
        QWidget.setTabOrder(self.period, self.responsible_body)

        self.retranslateUi(ProcessDialog)

        QMetaObject.connectSlotsByName(ProcessDialog)
    # setupUi

    def retranslateUi(self, ProcessDialog):
        self.intro.setText(_("Un proceso (ejercicio) reúne todas las sesiones de un Plan de Acción Local. Se guarda en un solo archivo."))
        self.name_label.setText(_("&Nombre:"))
        self.name.setPlaceholderText(_("Por ejemplo: Plan de Acción Local 2027"))
        self.municipality_label.setText(_("&Municipio:"))
        self.state_label.setText(_("&Estado:"))
        self.period_label.setText(_("&Periodo:"))
        self.period.setPlaceholderText(_("Por ejemplo: 2027"))
        self.responsible_body_label.setText(_("&Responsable:"))
        self.responsible_body.setPlaceholderText(_("Por ejemplo: Secretariado Técnico Local"))
        pass
    # retranslateUi
