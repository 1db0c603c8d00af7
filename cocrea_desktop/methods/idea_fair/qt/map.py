"""The fair panel of the phase kind "fair_map": the stand map and its printable list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cocrea_desktop.i18n import _
from cocrea_desktop.methods.idea_fair.qt.common import (
    FairPanel,
    html_text,
)
from cocrea_desktop.ui.views.panel import banner, big


class FairMapPanel(FairPanel):
    """The stands as a numbered map, and the list printed to PDF."""

    @classmethod
    def help_lines(cls) -> list[tuple[str, str]]:
        """The keys this panel binds, for the session screen's help (F1)."""
        return [("Ctrl+P", _("Imprimir la lista de stands (PDF)"))]

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = big(QLabel(objectName="map_title"), 1.3)
        self.print_button = QPushButton(objectName="print_stand_list")
        self.print_button.clicked.connect(self.print_list)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.empty = banner("no_stands")
        layout.addWidget(self.empty)
        scroll = QScrollArea(objectName="map_scroll")
        scroll.setWidgetResizable(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(8)
        scroll.setWidget(self.grid_host)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.feedback)
        self.cards: list[QLabel] = []
        self.shortcut("Ctrl+P", self.print_list)
        self.retranslate()

    def focus_target(self) -> QWidget | None:
        return self.print_button

    def refresh(self) -> None:
        if self.repo is None:
            return
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        stands = self.stands()
        for i, stand in enumerate(stands):
            card = QLabel(objectName="stand_card")
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setWordWrap(True)
            card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            card.setMinimumHeight(96)
            card.setStyleSheet("QLabel { border: 2px solid palette(text); padding: 6px; "
                               "background: palette(base); }")
            card.setText(f"<span style='font-size:20pt; font-weight:bold'>{stand.number}</span>"
                         f"<br><b>{html_text(stand.title)}</b><br>"
                         f"{html_text(stand.organisation or stand.theme)}")
            self.grid.addWidget(card, i // self.COLUMNS, i % self.COLUMNS)
            self.cards.append(card)
        self.grid.setRowStretch(len(stands) // self.COLUMNS + 1, 1)
        self.empty.setText(_("Aún no hay stands: regístrelos en la fase anterior."))
        self.empty.setVisible(not stands)
        self.print_button.setEnabled(bool(stands))

    def print_list(self) -> None:
        from cocrea_desktop.methods.idea_fair.pdf import write_stand_list

        self.print_pdf(_("Guardar la lista de stands"), "lista-de-stands.pdf",
                       lambda repo, sid, target: write_stand_list(repo, sid, target))

    def retranslate(self) -> None:
        self.title.setText(_("Mapa de stands"))
        self.print_button.setText(_("Imprimir lista de stands"))
        self.print_button.setToolTip(_("Guardar la lista de stands en PDF para imprimirla "
                                       "(Ctrl+P); no lleva datos de contacto"))
        if self.repo is not None:
            self.refresh()
