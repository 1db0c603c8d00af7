# Generated from ui/fair_letter.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/fair_letter.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)
from cocrea_desktop.i18n import _

class Ui_FairLetterForm(object):
    def setupUi(self, letter_form):
        if not letter_form.objectName():
            letter_form.setObjectName(u"letter_form")
        self.main_layout = QVBoxLayout(letter_form)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.letter_form_title = QLabel(letter_form)
        self.letter_form_title.setObjectName(u"letter_form_title")

        self.main_layout.addWidget(self.letter_form_title)

        self.agreements = QComboBox(letter_form)
        self.agreements.setObjectName(u"agreements")

        self.main_layout.addWidget(self.agreements)

        self.picks = QHBoxLayout()
        self.picks.setObjectName(u"picks")
        self.stand_label = QLabel(letter_form)
        self.stand_label.setObjectName(u"stand_label")

        self.picks.addWidget(self.stand_label)

        self.letter_stand = QLineEdit(letter_form)
        self.letter_stand.setObjectName(u"letter_stand")
        self.letter_stand.setMaximumSize(QSize(90, 16777215))

        self.picks.addWidget(self.letter_stand)

        self.authority_label = QLabel(letter_form)
        self.authority_label.setObjectName(u"authority_label")

        self.picks.addWidget(self.authority_label)

        self.letter_authority = QLineEdit(letter_form)
        self.letter_authority.setObjectName(u"letter_authority")
        self.letter_authority.setMaximumSize(QSize(90, 16777215))

        self.picks.addWidget(self.letter_authority)

        self.picks_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.picks.addItem(self.picks_spacer)


        self.main_layout.addLayout(self.picks)

        self.letter_prefill = QLabel(letter_form)
        self.letter_prefill.setObjectName(u"letter_prefill")
        self.letter_prefill.setMinimumSize(QSize(0, 60))
        self.letter_prefill.setFrameShape(QFrame.StyledPanel)
        self.letter_prefill.setWordWrap(True)

        self.main_layout.addWidget(self.letter_prefill)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.letter_date_label = QLabel(letter_form)
        self.letter_date_label.setObjectName(u"letter_date_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.letter_date_label)

        self.letter_letter_date = QLineEdit(letter_form)
        self.letter_letter_date.setObjectName(u"letter_letter_date")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.letter_letter_date)

        self.team_commits_label = QLabel(letter_form)
        self.team_commits_label.setObjectName(u"team_commits_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.team_commits_label)

        self.letter_team_commits = QLineEdit(letter_form)
        self.letter_team_commits.setObjectName(u"letter_team_commits")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.letter_team_commits)

        self.authority_commits_label = QLabel(letter_form)
        self.authority_commits_label.setObjectName(u"authority_commits_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.authority_commits_label)

        self.letter_authority_commits = QLineEdit(letter_form)
        self.letter_authority_commits.setObjectName(u"letter_authority_commits")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.letter_authority_commits)

        self.next_step_label = QLabel(letter_form)
        self.next_step_label.setObjectName(u"next_step_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.next_step_label)

        self.letter_next_step = QLineEdit(letter_form)
        self.letter_next_step.setObjectName(u"letter_next_step")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.letter_next_step)

        self.next_step_date_label = QLabel(letter_form)
        self.next_step_date_label.setObjectName(u"next_step_date_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.next_step_date_label)

        self.letter_next_step_date = QLineEdit(letter_form)
        self.letter_next_step_date.setObjectName(u"letter_next_step_date")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.letter_next_step_date)

        self.follow_up_contact_label = QLabel(letter_form)
        self.follow_up_contact_label.setObjectName(u"follow_up_contact_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.follow_up_contact_label)

        self.letter_follow_up_contact = QLineEdit(letter_form)
        self.letter_follow_up_contact.setObjectName(u"letter_follow_up_contact")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.letter_follow_up_contact)

        self.witness_label = QLabel(letter_form)
        self.witness_label.setObjectName(u"witness_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.witness_label)

        self.letter_witness = QLineEdit(letter_form)
        self.letter_witness.setObjectName(u"letter_witness")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.letter_witness)


        self.main_layout.addLayout(self.form)

        self.draft_letter = QPushButton(letter_form)
        self.draft_letter.setObjectName(u"draft_letter")

        self.main_layout.addWidget(self.draft_letter)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.stand_label.setBuddy(self.letter_stand)
        self.authority_label.setBuddy(self.letter_authority)
        self.letter_date_label.setBuddy(self.letter_letter_date)
        self.team_commits_label.setBuddy(self.letter_team_commits)
        self.authority_commits_label.setBuddy(self.letter_authority_commits)
        self.next_step_label.setBuddy(self.letter_next_step)
        self.next_step_date_label.setBuddy(self.letter_next_step_date)
        self.follow_up_contact_label.setBuddy(self.letter_follow_up_contact)
        self.witness_label.setBuddy(self.letter_witness)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.agreements, self.letter_stand)
        QWidget.setTabOrder(self.letter_stand, self.letter_authority)
        QWidget.setTabOrder(self.letter_authority, self.letter_letter_date)
        QWidget.setTabOrder(self.letter_letter_date, self.letter_team_commits)
        QWidget.setTabOrder(self.letter_team_commits, self.letter_authority_commits)
        QWidget.setTabOrder(self.letter_authority_commits, self.letter_next_step)
        QWidget.setTabOrder(self.letter_next_step, self.letter_next_step_date)
        QWidget.setTabOrder(self.letter_next_step_date, self.letter_follow_up_contact)
        QWidget.setTabOrder(self.letter_follow_up_contact, self.letter_witness)
        QWidget.setTabOrder(self.letter_witness, self.draft_letter)

        self.retranslateUi(letter_form)

        QMetaObject.connectSlotsByName(letter_form)
    # setupUi

    def retranslateUi(self, letter_form):
        self.letter_form_title.setText(_("Nueva carta compromiso"))
        self.stand_label.setText(_("&Stand:"))
        self.authority_label.setText(_("&Autoridad:"))
        self.letter_date_label.setText(_("&Fecha:"))
        self.team_commits_label.setText(_("El &equipo se compromete a:"))
        self.authority_commits_label.setText(_("La a&utoridad se compromete a:"))
        self.next_step_label.setText(_("Siguiente &paso:"))
        self.next_step_date_label.setText(_("Fecha del siguiente paso:"))
        self.follow_up_contact_label.setText(_("&Contacto para el seguimiento:"))
        self.witness_label.setText(_("&Testigo (opcional):"))
        self.letter_witness.setPlaceholderText(_("STL u órgano garante"))
        self.draft_letter.setText(_("Redactar la carta (Ctrl+Intro)"))
        pass
    # retranslateUi
