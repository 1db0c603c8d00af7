# Generated from ui/fair_stand.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/fair_stand.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)
from cocrea_desktop.i18n import _

class Ui_FairStandForm(object):
    def setupUi(self, stand_form):
        if not stand_form.objectName():
            stand_form.setObjectName(u"stand_form")
        self.main_layout = QVBoxLayout(stand_form)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.team_form_title = QLabel(stand_form)
        self.team_form_title.setObjectName(u"team_form_title")

        self.main_layout.addWidget(self.team_form_title)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.number_label = QLabel(stand_form)
        self.number_label.setObjectName(u"number_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.stand_number = QLineEdit(stand_form)
        self.stand_number.setObjectName(u"stand_number")
        self.stand_number.setMaximumSize(QSize(90, 16777215))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stand_number)

        self.title_label = QLabel(stand_form)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.stand_title = QLineEdit(stand_form)
        self.stand_title.setObjectName(u"stand_title")
        self.stand_title.setMaxLength(500)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stand_title)

        self.summary_label = QLabel(stand_form)
        self.summary_label.setObjectName(u"summary_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.stand_summary = QLineEdit(stand_form)
        self.stand_summary.setObjectName(u"stand_summary")
        self.stand_summary.setMaxLength(500)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.stand_summary)

        self.problem_label = QLabel(stand_form)
        self.problem_label.setObjectName(u"problem_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.problem_label)

        self.stand_problem = QLineEdit(stand_form)
        self.stand_problem.setObjectName(u"stand_problem")
        self.stand_problem.setMaxLength(500)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.stand_problem)

        self.theme_label = QLabel(stand_form)
        self.theme_label.setObjectName(u"theme_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.theme_label)

        self.stand_theme = QLineEdit(stand_form)
        self.stand_theme.setObjectName(u"stand_theme")
        self.stand_theme.setMaxLength(500)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.stand_theme)

        self.organisation_label = QLabel(stand_form)
        self.organisation_label.setObjectName(u"organisation_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.stand_organisation = QLineEdit(stand_form)
        self.stand_organisation.setObjectName(u"stand_organisation")
        self.stand_organisation.setMaxLength(500)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.stand_organisation)

        self.asks_label = QLabel(stand_form)
        self.asks_label.setObjectName(u"asks_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.asks_label)

        self.stand_asks = QLineEdit(stand_form)
        self.stand_asks.setObjectName(u"stand_asks")
        self.stand_asks.setMaxLength(500)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.stand_asks)


        self.main_layout.addLayout(self.form)

        self.personal_data = QGroupBox(stand_form)
        self.personal_data.setObjectName(u"personal_data")
        self.personal_data.setStyleSheet(u"QGroupBox { border: 2px dashed palette(text); margin-top: 14px; padding-top: 6px; font-weight: bold; }QGroupBox::title { subcontrol-origin: margin; left: 8px; }")
        self.personal_form = QFormLayout(self.personal_data)
        self.personal_form.setObjectName(u"personal_form")
        self.contact_name_label = QLabel(self.personal_data)
        self.contact_name_label.setObjectName(u"contact_name_label")

        self.personal_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.contact_name_label)

        self.stand_contact_name = QLineEdit(self.personal_data)
        self.stand_contact_name.setObjectName(u"stand_contact_name")
        self.stand_contact_name.setMaxLength(200)

        self.personal_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stand_contact_name)

        self.contact_phone_label = QLabel(self.personal_data)
        self.contact_phone_label.setObjectName(u"contact_phone_label")

        self.personal_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contact_phone_label)

        self.stand_contact_phone = QLineEdit(self.personal_data)
        self.stand_contact_phone.setObjectName(u"stand_contact_phone")
        self.stand_contact_phone.setMaxLength(200)

        self.personal_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stand_contact_phone)

        self.personal_note = QLabel(self.personal_data)
        self.personal_note.setObjectName(u"personal_note")
        self.personal_note.setWordWrap(True)

        self.personal_form.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.personal_note)


        self.main_layout.addWidget(self.personal_data)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.save_stand = QPushButton(stand_form)
        self.save_stand.setObjectName(u"save_stand")

        self.buttons.addWidget(self.save_stand)

        self.cancel_edit = QPushButton(stand_form)
        self.cancel_edit.setObjectName(u"cancel_edit")

        self.buttons.addWidget(self.cancel_edit)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)


        self.main_layout.addLayout(self.buttons)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.number_label.setBuddy(self.stand_number)
        self.title_label.setBuddy(self.stand_title)
        self.summary_label.setBuddy(self.stand_summary)
        self.problem_label.setBuddy(self.stand_problem)
        self.theme_label.setBuddy(self.stand_theme)
        self.organisation_label.setBuddy(self.stand_organisation)
        self.asks_label.setBuddy(self.stand_asks)
        self.contact_name_label.setBuddy(self.stand_contact_name)
        self.contact_phone_label.setBuddy(self.stand_contact_phone)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.stand_number, self.stand_title)
        QWidget.setTabOrder(self.stand_title, self.stand_summary)
        QWidget.setTabOrder(self.stand_summary, self.stand_problem)
        QWidget.setTabOrder(self.stand_problem, self.stand_theme)
        QWidget.setTabOrder(self.stand_theme, self.stand_organisation)
        QWidget.setTabOrder(self.stand_organisation, self.stand_asks)
        QWidget.setTabOrder(self.stand_asks, self.stand_contact_name)
        QWidget.setTabOrder(self.stand_contact_name, self.stand_contact_phone)
        QWidget.setTabOrder(self.stand_contact_phone, self.save_stand)
        QWidget.setTabOrder(self.save_stand, self.cancel_edit)

        self.retranslateUi(stand_form)

        QMetaObject.connectSlotsByName(stand_form)
    # setupUi

    def retranslateUi(self, stand_form):
        self.number_label.setText(_("&Stand núm.:"))
#if QT_CONFIG(tooltip)
        self.stand_number.setToolTip(_("Vacío: el siguiente número libre"))
#endif // QT_CONFIG(tooltip)
        self.title_label.setText(_("&Proyecto:"))
        self.summary_label.setText(_("&Resumen (una línea):"))
        self.problem_label.setText(_("Pro&blema:"))
        self.theme_label.setText(_("&Tema:"))
        self.organisation_label.setText(_("&Organización promotora:"))
        self.asks_label.setText(_("&Lo que piden:"))
        self.personal_data.setTitle(_("Datos personales"))
        self.contact_name_label.setText(_("Persona de &contacto:"))
        self.contact_phone_label.setText(_("Teléfon&o:"))
        self.personal_note.setText(_("Solo se muestran en esta pantalla, para el seguimiento. No se proyectan ni salen en la lista de stands."))
        self.cancel_edit.setText(_("Cancelar (Esc)"))
        pass
    # retranslateUi
