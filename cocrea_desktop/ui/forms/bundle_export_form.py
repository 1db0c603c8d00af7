# Generated from ui/bundle_export.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/bundle_export.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget)
from cocrea_desktop.i18n import _

class Ui_ExportBundleDialog(object):
    def setupUi(self, ExportBundleDialog):
        if not ExportBundleDialog.objectName():
            ExportBundleDialog.setObjectName(u"ExportBundleDialog")
        self.main_layout = QVBoxLayout(ExportBundleDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.whole = QRadioButton(ExportBundleDialog)
        self.whole.setObjectName(u"whole")
        self.whole.setChecked(True)

        self.main_layout.addWidget(self.whole)

        self.some = QRadioButton(ExportBundleDialog)
        self.some.setObjectName(u"some")

        self.main_layout.addWidget(self.some)

        self.sessions = QListWidget(ExportBundleDialog)
        self.sessions.setObjectName(u"sessions")
        self.sessions.setEnabled(False)

        self.main_layout.addWidget(self.sessions)

        self.destination_label = QLabel(ExportBundleDialog)
        self.destination_label.setObjectName(u"destination_label")

        self.main_layout.addWidget(self.destination_label)

        self.destination_row = QHBoxLayout()
        self.destination_row.setObjectName(u"destination_row")
        self.destination = QComboBox(ExportBundleDialog)
        self.destination.setObjectName(u"destination")

        self.destination_row.addWidget(self.destination)

        self.other_folder = QPushButton(ExportBundleDialog)
        self.other_folder.setObjectName(u"other_folder")

        self.destination_row.addWidget(self.other_folder)

        self.destination_row.setStretch(0, 1)

        self.main_layout.addLayout(self.destination_row)

        self.include_personal = QCheckBox(ExportBundleDialog)
        self.include_personal.setObjectName(u"include_personal")

        self.main_layout.addWidget(self.include_personal)

        self.personal_note = QLabel(ExportBundleDialog)
        self.personal_note.setObjectName(u"personal_note")
        self.personal_note.setWordWrap(True)

        self.main_layout.addWidget(self.personal_note)

        self.key_note = QLabel(ExportBundleDialog)
        self.key_note.setObjectName(u"key_note")
        self.key_note.setWordWrap(True)
        self.key_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.key_note)

        self.progress = QProgressBar(ExportBundleDialog)
        self.progress.setObjectName(u"progress")
        self.progress.setValue(0)

        self.main_layout.addWidget(self.progress)

        self.status = QLabel(ExportBundleDialog)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.main_layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(ExportBundleDialog)
        self.buttons.setObjectName(u"buttons")

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.destination_label.setBuddy(self.destination)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExportBundleDialog)

        QMetaObject.connectSlotsByName(ExportBundleDialog)
    # setupUi

    def retranslateUi(self, ExportBundleDialog):
        ExportBundleDialog.setWindowTitle(_("Exportar a USB"))
        self.whole.setText(_("Todo el proceso"))
        self.some.setText(_("Solo las sesiones marcadas"))
        self.destination_label.setText(_("Guardar en:"))
        self.other_folder.setText(_("Otra carpeta…"))
        self.include_personal.setText(_("Incluir nombres y teléfonos sin cifrar (no hay llave de la oficina)"))
    # retranslateUi
