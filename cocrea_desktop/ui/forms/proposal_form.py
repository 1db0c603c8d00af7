# Generated from ui/proposal.ui by scripts/forms.py — do not edit.
# Change the form in Qt Designer (ui/proposal.ui), then run: python scripts/forms.py
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from cocrea_desktop.ui.widgets.inputs import ButtonBox
from cocrea_desktop.i18n import _

class Ui_ProposalDialog(object):
    def setupUi(self, ProposalDialog):
        if not ProposalDialog.objectName():
            ProposalDialog.setObjectName(u"ProposalDialog")
        ProposalDialog.setMinimumSize(QSize(680, 0))
        self.main_layout = QVBoxLayout(ProposalDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.origin = QLabel(ProposalDialog)
        self.origin.setObjectName(u"origin")
        self.origin.setWordWrap(True)
        self.origin.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.origin)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.source_label = QLabel(ProposalDialog)
        self.source_label.setObjectName(u"source_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source = QComboBox(ProposalDialog)
        self.source.setObjectName(u"source")
        self.source.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(30)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.source)

        self.title_label = QLabel(ProposalDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title = QLineEdit(ProposalDialog)
        self.title.setObjectName(u"title")
        self.title.setMaxLength(300)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title)

        self.description_label = QLabel(ProposalDialog)
        self.description_label.setObjectName(u"description_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description = QPlainTextEdit(ProposalDialog)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumSize(QSize(16777215, 90))

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.description)

        self.problem_label = QLabel(ProposalDialog)
        self.problem_label.setObjectName(u"problem_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.problem_label)

        self.problem = QPlainTextEdit(ProposalDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setTabChangesFocus(True)
        self.problem.setMaximumSize(QSize(16777215, 70))

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.problem)

        self.theme_label = QLabel(ProposalDialog)
        self.theme_label.setObjectName(u"theme_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.theme_label)

        self.theme = QComboBox(ProposalDialog)
        self.theme.setObjectName(u"theme")
        self.theme.setEditable(True)
        self.theme.setInsertPolicy(QComboBox.NoInsert)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.theme)

        self.table_label_label = QLabel(ProposalDialog)
        self.table_label_label.setObjectName(u"table_label_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.table_label_label)

        self.table_label = QLineEdit(ProposalDialog)
        self.table_label.setObjectName(u"table_label")
        self.table_label.setMaxLength(200)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.table_label)


        self.main_layout.addLayout(self.form)

        self.error = QLabel(ProposalDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(u"color: #b00020; font-weight: bold;")

        self.main_layout.addWidget(self.error)

        self.buttons = ButtonBox(ProposalDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.source_label.setBuddy(self.source)
        self.title_label.setBuddy(self.title)
        self.description_label.setBuddy(self.description)
        self.problem_label.setBuddy(self.problem)
        self.theme_label.setBuddy(self.theme)
        self.table_label_label.setBuddy(self.table_label)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.source, self.title)
        QWidget.setTabOrder(self.title, self.description)
        QWidget.setTabOrder(self.description, self.problem)
        QWidget.setTabOrder(self.problem, self.theme)
        QWidget.setTabOrder(self.theme, self.table_label)

        self.retranslateUi(ProposalDialog)

        QMetaObject.connectSlotsByName(ProposalDialog)
    # setupUi

    def retranslateUi(self, ProposalDialog):
        self.source_label.setText(_("&Resultado:"))
        self.title_label.setText(_("&Título:"))
        self.description_label.setText(_("&Descripción:"))
        self.problem_label.setText(_("&Problema que atiende:"))
        self.theme_label.setText(_("T&ema:"))
        self.table_label_label.setText(_("&Mesa u origen:"))
        pass
    # retranslateUi
