# Generated from ui/attendance.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/attendance.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from cocrea_desktop.ui.widgets.inputs import ButtonBox
from cocrea_desktop.i18n import _

class Ui_AttendanceDialog(object):
    def setupUi(self, AttendanceDialog):
        if not AttendanceDialog.objectName():
            AttendanceDialog.setObjectName(u"AttendanceDialog")
        AttendanceDialog.setMinimumSize(QSize(760, 560))
        self.main_layout = QVBoxLayout(AttendanceDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.notice_read = QCheckBox(AttendanceDialog)
        self.notice_read.setObjectName(u"notice_read")

        self.main_layout.addWidget(self.notice_read)

        self.tabs = QTabWidget(AttendanceDialog)
        self.tabs.setObjectName(u"tabs")
        self.counts_tab = QWidget()
        self.counts_tab.setObjectName(u"counts_tab")
        self.counts_layout = QVBoxLayout(self.counts_tab)
        self.counts_layout.setObjectName(u"counts_layout")
        self.counts_hint = QLabel(self.counts_tab)
        self.counts_hint.setObjectName(u"counts_hint")
        self.counts_hint.setWordWrap(True)

        self.counts_layout.addWidget(self.counts_hint)

        self.counts_grid = QGridLayout()
        self.counts_grid.setObjectName(u"counts_grid")

        self.counts_layout.addLayout(self.counts_grid)

        self.counts_buttons = QHBoxLayout()
        self.counts_buttons.setObjectName(u"counts_buttons")
        self.counts_buttons_space = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.counts_buttons.addItem(self.counts_buttons_space)

        self.save_counts = QPushButton(self.counts_tab)
        self.save_counts.setObjectName(u"save_counts")

        self.counts_buttons.addWidget(self.save_counts)


        self.counts_layout.addLayout(self.counts_buttons)

        self.counts_layout.setStretch(1, 1)
        self.tabs.addTab(self.counts_tab, "")
        self.people_tab = QWidget()
        self.people_tab.setObjectName(u"people_tab")
        self.people_layout = QVBoxLayout(self.people_tab)
        self.people_layout.setObjectName(u"people_layout")
        self.people_hint = QLabel(self.people_tab)
        self.people_hint.setObjectName(u"people_hint")
        self.people_hint.setWordWrap(True)

        self.people_layout.addWidget(self.people_hint)

        self.people = QTableWidget(self.people_tab)
        if (self.people.columnCount() < 5):
            self.people.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.people.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.people.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.people.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.people.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.people.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.people.setObjectName(u"people")
        self.people.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.people.setSelectionMode(QAbstractItemView.SingleSelection)
        self.people.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.people.verticalHeader().setVisible(False)

        self.people_layout.addWidget(self.people)

        self.person_form = QFormLayout()
        self.person_form.setObjectName(u"person_form")
        self.person_name_label = QLabel(self.people_tab)
        self.person_name_label.setObjectName(u"person_name_label")

        self.person_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.person_name_label)

        self.person_name = QLineEdit(self.people_tab)
        self.person_name.setObjectName(u"person_name")

        self.person_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.person_name)

        self.person_phone_label = QLabel(self.people_tab)
        self.person_phone_label.setObjectName(u"person_phone_label")

        self.person_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.person_phone_label)

        self.person_phone = QLineEdit(self.people_tab)
        self.person_phone.setObjectName(u"person_phone")

        self.person_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.person_phone)

        self.consent_contact = QCheckBox(self.people_tab)
        self.consent_contact.setObjectName(u"consent_contact")

        self.person_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.consent_contact)

        self.consent_photos = QCheckBox(self.people_tab)
        self.consent_photos.setObjectName(u"consent_photos")

        self.person_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.consent_photos)


        self.people_layout.addLayout(self.person_form)

        self.person_buttons = QHBoxLayout()
        self.person_buttons.setObjectName(u"person_buttons")
        self.add_person = QPushButton(self.people_tab)
        self.add_person.setObjectName(u"add_person")

        self.person_buttons.addWidget(self.add_person)

        self.correct_person = QPushButton(self.people_tab)
        self.correct_person.setObjectName(u"correct_person")

        self.person_buttons.addWidget(self.correct_person)

        self.erase_person = QPushButton(self.people_tab)
        self.erase_person.setObjectName(u"erase_person")

        self.person_buttons.addWidget(self.erase_person)

        self.person_buttons_space = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.person_buttons.addItem(self.person_buttons_space)


        self.people_layout.addLayout(self.person_buttons)

        self.people_layout.setStretch(1, 1)
        self.tabs.addTab(self.people_tab, "")

        self.main_layout.addWidget(self.tabs)

        self.close_buttons = ButtonBox(AttendanceDialog)
        self.close_buttons.setObjectName(u"close_buttons")
        self.close_buttons.setStandardButtons(QDialogButtonBox.Close)

        self.main_layout.addWidget(self.close_buttons)

        self.main_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.person_name_label.setBuddy(self.person_name)
        self.person_phone_label.setBuddy(self.person_phone)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AttendanceDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AttendanceDialog)
    # setupUi

    def retranslateUi(self, AttendanceDialog):
        self.notice_read.setText(_("Se leyó en voz alta el aviso de privacidad"))
        self.counts_hint.setText(_("Cuente personas, no nombres. Cada dimensión se cuenta por separado."))
        self.save_counts.setText(_("&Guardar conteos"))
        self.tabs.setTabText(self.tabs.indexOf(self.counts_tab), _("Conteos anónimos"))
        self.people_hint.setText(_("Solo cuando el proceso lo requiere. Elija una fila para ver sus datos; puede corregirlos o borrarlos si la persona lo pide."))
        ___qtablewidgetitem = self.people.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(_("No."))
        ___qtablewidgetitem1 = self.people.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(_("Nombre"))
        ___qtablewidgetitem2 = self.people.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(_("Teléfono"))
        ___qtablewidgetitem3 = self.people.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(_("Contacto"))
        ___qtablewidgetitem4 = self.people.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(_("Fotos"))
        self.person_name_label.setText(_("&Nombre:"))
        self.person_phone_label.setText(_("&Teléfono:"))
        self.person_phone.setPlaceholderText(_("Solo si acepta que la contacten"))
        self.consent_contact.setText(_("Acepta que la contacten para el seguimiento"))
        self.consent_photos.setText(_("Acepta salir en fotografías"))
        self.add_person.setText(_("&Agregar persona"))
        self.correct_person.setText(_("&Corregir datos"))
        self.erase_person.setText(_("&Borrar datos (a petición)"))
        self.tabs.setTabText(self.tabs.indexOf(self.people_tab), _("Personas"))
        pass
    # retranslateUi
