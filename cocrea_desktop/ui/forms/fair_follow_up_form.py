# Generated from ui/fair_follow_up.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/fair_follow_up.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)
from cocrea_desktop.i18n import _

class Ui_FairFollowUpForm(object):
    def setupUi(self, follow_up_form):
        if not follow_up_form.objectName():
            follow_up_form.setObjectName(u"follow_up_form")
        self.main_layout = QVBoxLayout(follow_up_form)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.follow_up_title = QLabel(follow_up_form)
        self.follow_up_title.setObjectName(u"follow_up_title")

        self.main_layout.addWidget(self.follow_up_title)

        self.fields = QHBoxLayout()
        self.fields.setObjectName(u"fields")
        self.meeting_label = QLabel(follow_up_form)
        self.meeting_label.setObjectName(u"meeting_label")

        self.fields.addWidget(self.meeting_label)

        self.next_meeting = QLineEdit(follow_up_form)
        self.next_meeting.setObjectName(u"next_meeting")

        self.fields.addWidget(self.next_meeting)

        self.responsible_label = QLabel(follow_up_form)
        self.responsible_label.setObjectName(u"responsible_label")

        self.fields.addWidget(self.responsible_label)

        self.responsible = QLineEdit(follow_up_form)
        self.responsible.setObjectName(u"responsible")

        self.fields.addWidget(self.responsible)

        self.status_label = QLabel(follow_up_form)
        self.status_label.setObjectName(u"status_label")

        self.fields.addWidget(self.status_label)

        self.letter_status = QComboBox(follow_up_form)
        self.letter_status.setObjectName(u"letter_status")

        self.fields.addWidget(self.letter_status)

        self.reason_label = QLabel(follow_up_form)
        self.reason_label.setObjectName(u"reason_label")

        self.fields.addWidget(self.reason_label)

        self.status_reason = QLineEdit(follow_up_form)
        self.status_reason.setObjectName(u"status_reason")

        self.fields.addWidget(self.status_reason)

        self.save_follow_up = QPushButton(follow_up_form)
        self.save_follow_up.setObjectName(u"save_follow_up")

        self.fields.addWidget(self.save_follow_up)

        self.fields.setStretch(1, 1)
        self.fields.setStretch(3, 2)
        self.fields.setStretch(7, 2)

        self.main_layout.addLayout(self.fields)

#if QT_CONFIG(shortcut)
        self.meeting_label.setBuddy(self.next_meeting)
        self.responsible_label.setBuddy(self.responsible)
        self.status_label.setBuddy(self.letter_status)
        self.reason_label.setBuddy(self.status_reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.next_meeting, self.responsible)
        QWidget.setTabOrder(self.responsible, self.letter_status)
        QWidget.setTabOrder(self.letter_status, self.status_reason)
        QWidget.setTabOrder(self.status_reason, self.save_follow_up)

        self.retranslateUi(follow_up_form)

        QMetaObject.connectSlotsByName(follow_up_form)
    # setupUi

    def retranslateUi(self, follow_up_form):
        self.meeting_label.setText(_("Próxima &reunión:"))
        self.responsible_label.setText(_("Res&ponsables:"))
        self.status_label.setText(_("&Estado:"))
        self.reason_label.setText(_("&Motivo:"))
        self.save_follow_up.setText(_("Guardar (Intro)"))
        pass
    # retranslateUi
