# Generated from ui/privacy.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/privacy.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from cocrea_desktop.ui.widgets.inputs import ButtonBox
from cocrea_desktop.i18n import _

class Ui_PrivacyDialog(object):
    def setupUi(self, PrivacyDialog):
        if not PrivacyDialog.objectName():
            PrivacyDialog.setObjectName(u"PrivacyDialog")
        PrivacyDialog.setMinimumSize(QSize(620, 0))
        self.main_layout = QVBoxLayout(PrivacyDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(PrivacyDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.privacy_body_label = QLabel(PrivacyDialog)
        self.privacy_body_label.setObjectName(u"privacy_body_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.privacy_body_label)

        self.privacy_body = QLineEdit(PrivacyDialog)
        self.privacy_body.setObjectName(u"privacy_body")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.privacy_body)

        self.privacy_full_notice_at_label = QLabel(PrivacyDialog)
        self.privacy_full_notice_at_label.setObjectName(u"privacy_full_notice_at_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.privacy_full_notice_at_label)

        self.privacy_full_notice_at = QLineEdit(PrivacyDialog)
        self.privacy_full_notice_at.setObjectName(u"privacy_full_notice_at")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.privacy_full_notice_at)


        self.main_layout.addLayout(self.form)

        self.privacy_notice_label = QLabel(PrivacyDialog)
        self.privacy_notice_label.setObjectName(u"privacy_notice_label")

        self.main_layout.addWidget(self.privacy_notice_label)

        self.privacy_notice = QPlainTextEdit(PrivacyDialog)
        self.privacy_notice.setObjectName(u"privacy_notice")
        self.privacy_notice.setTabChangesFocus(True)
        self.privacy_notice.setMinimumSize(QSize(0, 180))

        self.main_layout.addWidget(self.privacy_notice)

        self.reset_notice = QPushButton(PrivacyDialog)
        self.reset_notice.setObjectName(u"reset_notice")

        self.main_layout.addWidget(self.reset_notice)

        self.preview_label = QLabel(PrivacyDialog)
        self.preview_label.setObjectName(u"preview_label")

        self.main_layout.addWidget(self.preview_label)

        self.preview = QLabel(PrivacyDialog)
        self.preview.setObjectName(u"preview")
        self.preview.setStyleSheet(u"border: 1px solid #444; padding: 6px;")
        self.preview.setWordWrap(True)

        self.main_layout.addWidget(self.preview)

        self.buttons = ButtonBox(PrivacyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.privacy_body_label.setBuddy(self.privacy_body)
        self.privacy_full_notice_at_label.setBuddy(self.privacy_full_notice_at)
        self.privacy_notice_label.setBuddy(self.privacy_notice)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.privacy_body, self.privacy_full_notice_at)
        QWidget.setTabOrder(self.privacy_full_notice_at, self.privacy_notice)
        QWidget.setTabOrder(self.privacy_notice, self.reset_notice)

        self.retranslateUi(PrivacyDialog)

        QMetaObject.connectSlotsByName(PrivacyDialog)
    # setupUi

    def retranslateUi(self, PrivacyDialog):
        PrivacyDialog.setWindowTitle(_("Aviso de privacidad"))
        self.intro.setText(_("La lista de asistencia imprime este aviso antes de que alguien escriba. En el texto, {responsable} se cambia por el nombre del responsable y {aviso_integral} por el lugar del aviso integral."))
        self.privacy_body_label.setText(_("&Responsable:"))
        self.privacy_full_notice_at_label.setText(_("Aviso &integral en:"))
        self.privacy_full_notice_at.setPlaceholderText(_("Por ejemplo: tablero del palacio municipal"))
        self.privacy_notice_label.setText(_("Aviso simplificado:"))
        self.reset_notice.setText(_("Volver al texto predeterminado"))
        self.preview_label.setText(_("Así se imprimirá:"))
    # retranslateUi
