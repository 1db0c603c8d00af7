"""The fair panel of the phase kind "fair_closing": the letters read aloud, and the vote on
the stands.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.common import (
    FAIR_TABLES,
    FairPanel,
    html_text,
)
from cocrea_desktop.ui.views.panel import banner, big
from cocrea_desktop.ui.views.vote_panels import VotePanel


class FairClosingPanel(FairPanel):
    """The letters to read aloud; beside them, the optional public dot vote per stand."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The keys this panel binds, for the session screen's help (F1)."""
        return VotePanel.help_lines()

    tables = FAIR_TABLES + ("ballot", "mark", "vote_round", "typed_count")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.letters_title = big(QLabel(objectName="closing_letters_title"), 1.3)
        self.letters_title.setWordWrap(True)
        left_box.addWidget(self.letters_title)
        self.letters = QLabel(objectName="closing_letters")
        self.letters.setWordWrap(True)
        self.letters.setTextFormat(Qt.TextFormat.RichText)
        self.letters.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = self.letters.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.letters.setFont(font)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.letters)
        left_box.addWidget(scroll, 1)
        splitter.addWidget(left)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        self.vote_title = big(QLabel(objectName="public_vote_title"), 1.1)
        self.vote_title.setWordWrap(True)
        self.apart = banner("vote_apart")
        self.apart.show()
        right_box.addWidget(self.vote_title)
        right_box.addWidget(self.apart)
        self.vote = VotePanel()
        right_box.addWidget(self.vote, 1)
        # The stands (ranked by the public vote) and the letters to the process's proposals.
        self.promote_button = QPushButton(objectName="promote_stand")
        self.promote_button.clicked.connect(lambda _c=False: self.promote())
        promote_row = QHBoxLayout()
        promote_row.addStretch(1)
        promote_row.addWidget(self.promote_button)
        right_box.addLayout(promote_row)
        splitter.addWidget(right)
        splitter.setSizes([560, 790])
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.vote.focus_target()

    def set_context(self, repo, session_id, phase) -> None:
        self.vote.set_context(repo, session_id, phase)
        super().set_context(repo, session_id, phase)

    def on_changes(self, changes) -> None:
        super().on_changes(changes)
        self.vote.on_changes(changes)

    def flush(self) -> None:
        self.vote.flush()

    def promote(self):
        """«Promover a propuesta…»: a stand (best voted first) or a letter, through the form."""
        from cocrea_desktop.ui.dialogs.proposal_dialog import promote_with_dialog

        if self.repo is None or self.repo.read_only:
            return None
        return promote_with_dialog(self, self.repo, self.session_id)

    def refresh(self) -> None:
        if self.repo is None:
            return
        stands = {s.id: s for s in self.stands()}
        authorities = {a.id: a for a in self.authorities()}
        letters = self.repo.fair.letters(self.session_id)
        self.letters_title.setText(_("Cartas compromiso para leer en voz alta: {count}").format(
            count=len(letters)))
        items = []
        for letter in letters:
            s, a = stands[letter.stand_id], authorities[letter.authority_id]
            items.append("<p><b>{folio} · {stand_word} {number}: {title}</b><br>{who}<br>"
                         "{commits}</p>".format(
                             folio=html_text(letter.folio), stand_word=html_text(_("Stand")),
                             number=s.number, title=html_text(s.title),
                             who=html_text(_("{name}, {post}, {agency}").format(
                                 name=a.name, post=a.post or "—", agency=a.agency or "—")),
                             commits=html_text(_("Se compromete a: {text}").format(
                                 text=letter.authority_commits or "—"))))
        self.letters.setText("".join(items) or html_text(_("Aún no hay cartas compromiso.")))

    def retranslate(self) -> None:
        self.vote_title.setText(_("Votación pública con puntos, por stand (opcional)"))
        self.promote_button.setText(_("Promover a propuesta…"))
        self.promote_button.setToolTip(_("Llevar un stand o una carta a la lista de propuestas "
                                         "del proceso"))
        self.apart.setText(_("Es la opinión de la sala: va aparte y no cambia los compromisos "
                             "de las autoridades."))
        self.vote.retranslate()
        if self.repo is not None:
            self.refresh()
