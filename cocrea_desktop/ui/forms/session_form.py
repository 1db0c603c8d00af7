# Generated from ui/session.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/session.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

from cocrea_desktop.ui.widgets.inputs import (ButtonBox, DateEdit, QuestionEdit)
from cocrea_desktop.i18n import _

class Ui_SessionDialog(object):
    def setupUi(self, SessionDialog):
        if not SessionDialog.objectName():
            SessionDialog.setObjectName(u"SessionDialog")
        SessionDialog.setMinimumSize(QSize(560, 0))
        self.main_layout = QVBoxLayout(SessionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.method_label = QLabel(SessionDialog)
        self.method_label.setObjectName(u"method_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.method_label)

        self.method = QComboBox(SessionDialog)
        self.method.setObjectName(u"method")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.method)

        self.method_help = QLabel(SessionDialog)
        self.method_help.setObjectName(u"method_help")
        self.method_help.setStyleSheet(u"color: palette(mid);")
        self.method_help.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.method_help)

        self.question_label = QLabel(SessionDialog)
        self.question_label.setObjectName(u"question_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.question_label)

        self.question = QuestionEdit(SessionDialog)
        self.question.setObjectName(u"question")
        self.question.setMinimumSize(QSize(0, 70))
        self.question.setMaximumSize(QSize(16777215, 70))
        self.question.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.question)

        self.table_label_label = QLabel(SessionDialog)
        self.table_label_label.setObjectName(u"table_label_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.table_label_label)

        self.table_label = QLineEdit(SessionDialog)
        self.table_label.setObjectName(u"table_label")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.table_label)

        self.date_label = QLabel(SessionDialog)
        self.date_label.setObjectName(u"date_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date = DateEdit(SessionDialog)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date)

        self.place_label = QLabel(SessionDialog)
        self.place_label.setObjectName(u"place_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place = QLineEdit(SessionDialog)
        self.place.setObjectName(u"place")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.place)

        self.facilitator_label = QLabel(SessionDialog)
        self.facilitator_label.setObjectName(u"facilitator_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.facilitator_label)

        self.facilitator = QLineEdit(SessionDialog)
        self.facilitator.setObjectName(u"facilitator")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.facilitator)

        self.status_label = QLabel(SessionDialog)
        self.status_label.setObjectName(u"status_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status = QComboBox(SessionDialog)
        self.status.setObjectName(u"status")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.status)

        self.level_label = QLabel(SessionDialog)
        self.level_label.setObjectName(u"level_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.level_label)

        self.level = QComboBox(SessionDialog)
        self.level.setObjectName(u"level")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.level)

        self.languages_label = QLabel(SessionDialog)
        self.languages_label.setObjectName(u"languages_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.languages_label)

        self.languages = QLineEdit(SessionDialog)
        self.languages.setObjectName(u"languages")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.languages)

        self.interpreter = QCheckBox(SessionDialog)
        self.interpreter.setObjectName(u"interpreter")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.interpreter)

        self.participants_label = QLabel(SessionDialog)
        self.participants_label.setObjectName(u"participants_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.participants_label)

        self.participants = QSpinBox(SessionDialog)
        self.participants.setObjectName(u"participants")
        self.participants.setMaximum(999)

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.participants)


        self.main_layout.addLayout(self.form)

        self.error = QLabel(SessionDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #a00000; font-weight: bold;")
        self.error.setWordWrap(True)

        self.main_layout.addWidget(self.error)

        self.buttons = ButtonBox(SessionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.method_label.setBuddy(self.method)
        self.question_label.setBuddy(self.question)
        self.table_label_label.setBuddy(self.table_label)
        self.date_label.setBuddy(self.date)
        self.place_label.setBuddy(self.place)
        self.facilitator_label.setBuddy(self.facilitator)
        self.status_label.setBuddy(self.status)
        self.level_label.setBuddy(self.level)
        self.languages_label.setBuddy(self.languages)
        self.participants_label.setBuddy(self.participants)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.method, self.question)
        QWidget.setTabOrder(self.question, self.table_label)
        QWidget.setTabOrder(self.table_label, self.date)
        QWidget.setTabOrder(self.date, self.place)
        QWidget.setTabOrder(self.place, self.facilitator)
        QWidget.setTabOrder(self.facilitator, self.status)
        QWidget.setTabOrder(self.status, self.level)
        QWidget.setTabOrder(self.level, self.languages)
        QWidget.setTabOrder(self.languages, self.interpreter)
        QWidget.setTabOrder(self.interpreter, self.participants)

        self.retranslateUi(SessionDialog)

        QMetaObject.connectSlotsByName(SessionDialog)
    # setupUi

    def retranslateUi(self, SessionDialog):
        self.method_label.setText(_("&Método:"))
        self.question_label.setText(_("&Pregunta detonadora:"))
#if QT_CONFIG(tooltip)
        self.question.setToolTip(_("Intro guarda; Mayús+Intro empieza otra línea."))
#endif // QT_CONFIG(tooltip)
        self.question.setPlaceholderText(_("Por ejemplo: ¿Qué problema de su comunidad debe atender primero el municipio?"))
        self.table_label_label.setText(_("M&esa:"))
        self.table_label.setPlaceholderText(_("Por ejemplo: Mesa 1 · Cabecera"))
        self.date_label.setText(_("&Fecha:"))
        self.place_label.setText(_("&Lugar:"))
        self.facilitator_label.setText(_("Facilitació&n:"))
        self.status_label.setText(_("Es&tado:"))
        self.level_label.setText(_("Nivel de participación:"))
        self.languages_label.setText(_("Lenguas usadas:"))
        self.languages.setPlaceholderText(_("Por ejemplo: español, mixteco"))
        self.interpreter.setText(_("Hubo intérprete"))
        self.participants_label.setText(_("Participantes:"))
        pass
    # retranslateUi
