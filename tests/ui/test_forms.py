"""The Designer forms: ui/*.ui compiled into cocrea_desktop/ui/forms/ by scripts/forms.py.

A compiled form must match its .ui (compiled again here, into a temporary folder), its
texts must be catalogue messages, and a dialog built from it must follow a language switch.
"""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.test_i18n import source_messages

ROOT = Path(__file__).resolve().parents[2]


def _forms_script():
    spec = importlib.util.spec_from_file_location("forms_script", ROOT / "scripts" / "forms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


forms = _forms_script()
UI_FILES = forms.forms()


def test_every_form_has_its_compiled_module_and_no_module_is_orphaned():
    assert {ui.stem for ui in UI_FILES} >= {"process", "session", "privacy", "attendance",
                                           "bundle_export", "fair_stand", "fair_letter",
                                           "fair_follow_up"}
    compiled = {p.name for p in forms.TARGET.glob("*_form.py")}
    assert compiled == {forms.target_for(ui).name for ui in UI_FILES}


@pytest.mark.parametrize("ui", UI_FILES, ids=lambda p: p.name)
def test_compiled_form_is_up_to_date(ui, tmp_path):
    fresh = tmp_path / forms.target_for(ui).name
    fresh.write_text(forms.compile_form(ui), "utf-8", newline="\n")
    committed = forms.target_for(ui)
    assert committed.read_text("utf-8") == fresh.read_text("utf-8"), \
        f"{committed.relative_to(ROOT)} is stale: run python scripts/forms.py"


def test_a_changed_form_is_seen_as_stale(tmp_path):
    """The comparison above fails when a .ui changes and its module is not compiled again."""
    ui = forms.SOURCES / "process.ui"
    changed = tmp_path / "process.ui"
    changed.write_text(ui.read_text("utf-8").replace("&amp;Periodo:", "&amp;Periodo fiscal:"),
                       "utf-8")
    fresh = forms.compile_form(changed, rel="ui/process.ui")
    assert "Periodo fiscal" in fresh
    assert forms.target_for(ui).read_text("utf-8") != fresh


def test_compiled_form_says_where_it_comes_from_and_uses_the_catalogue():
    text = forms.target_for(forms.SOURCES / "session.ui").read_text("utf-8")
    assert text.startswith("# Generated from ui/session.ui by scripts/forms.py — do not edit.")
    assert "QCoreApplication.translate" not in text
    assert "from cocrea_desktop.i18n import _" in text
    assert '_("&Pregunta detonadora:")' in text  # readable Spanish, not \u escapes


def _translatable_texts(ui: Path) -> set[str]:
    return {s.text for s in ET.parse(ui).iter("string")
            if s.text and s.get("notr") != "true"}


@pytest.mark.parametrize("ui", UI_FILES, ids=lambda p: p.name)
def test_form_texts_are_catalogue_messages(ui):
    texts = _translatable_texts(ui)
    assert texts, f"{ui.name} has no text to translate"
    assert texts <= source_messages()  # scripts/i18n.py extracts them (test_i18n: English)


def test_process_form_follows_a_language_switch(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from cocrea_desktop.ui.dialogs.process_dialog import ProcessDialog
    from cocrea_desktop.ui.qt_i18n import install

    install("es")
    dialog = ProcessDialog(None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.ui.name_label.text() == "&Nombre:"
    assert dialog.windowTitle() == "Nuevo proceso" and ok.text() == "&Crear"
    try:
        install("en")
        qtbot.wait(50)  # Qt's LanguageChange events, which put back Qt's own "OK"
        assert dialog.ui.name_label.text() == "&Name:"
        assert dialog.ui.municipality_label.text() == "&Municipality:"
        assert dialog.windowTitle() == "New process" and ok.text() == "&Create"
    finally:
        install("es")
    qtbot.wait(50)
    assert dialog.ui.name_label.text() == "&Nombre:" and ok.text() == "&Crear"


def test_session_form_lists_follow_a_language_switch(qtbot):
    from cocrea_desktop.ui.dialogs.session_dialog import SessionDialog
    from cocrea_desktop.ui.qt_i18n import install

    install("es")
    dialog = SessionDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.interpreter.text() == "Hubo intérprete"
    assert dialog.method.itemText(dialog.method.findData("nominal_group")) == "Grupo nominal"
    try:
        install("en")
        qtbot.wait(50)
        assert dialog.interpreter.text() == "An interpreter was present"
        assert dialog.buttons.buttons()[0].text() == "&Save"
        assert dialog.method.itemText(dialog.method.findData("nominal_group")) == \
            "Nominal group"
        assert dialog.windowTitle() == "New session"
    finally:
        install("es")


@pytest.mark.parametrize("language", ["es", "en"])
def test_privacy_preview_is_shown_whole_at_1024x768(qtbot, tmp_path, language):
    """The wrapped preview of the notice was cut at its top and bottom lines."""
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui.dialogs.privacy_dialog import PrivacyDialog
    from cocrea_desktop.ui.qt_i18n import install

    install(language)
    try:
        with Repo.open(create_demo(tmp_path / "demo.cocrea.db")) as repo:
            dialog = PrivacyDialog(None, repo.attendance.privacy(),
                                   repo.process().responsible_body)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        preview = dialog.preview
        assert preview.height() >= preview.heightForWidth(preview.width())
        assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
        assert dialog.frameGeometry().height() <= 768
    finally:
        install("es")


def test_session_date_is_written_in_the_order_of_the_language(qtbot):
    """Found in the walk-through: the English sessions table said 02/13/2027 and the session
    form 13/02/2027 for the same day."""
    from PySide6.QtCore import QDate

    from cocrea_desktop.ui.dialogs.session_dialog import SessionDialog
    from cocrea_desktop.ui.qt_i18n import install

    install("es")
    dialog = SessionDialog(None)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2027, 2, 13))
    assert dialog.date.text() == "13/02/2027"
    try:
        install("en")
        qtbot.wait(50)
        assert dialog.date.text() == "02/13/2027"
        fresh = SessionDialog(None)
        qtbot.addWidget(fresh)
        fresh.date.setDate(QDate(2027, 2, 13))
        assert fresh.date.text() == "02/13/2027"
    finally:
        install("es")


def test_tab_leaves_the_privacy_notice_text(qtbot, tmp_path):
    """Found in the walk-through: Tab typed tab characters into the legal text instead of
    moving on to the next field."""
    from PySide6.QtCore import Qt

    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui.dialogs.privacy_dialog import PrivacyDialog

    with Repo.open(create_demo(tmp_path / "demo.cocrea.db")) as repo:
        dialog = PrivacyDialog(None, repo.attendance.privacy(), repo.process().responsible_body)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    notice = dialog.ui.privacy_notice
    notice.setFocus()
    before = notice.toPlainText()
    qtbot.keyClick(notice, Qt.Key.Key_Tab)
    assert notice.toPlainText() == before and "\t" not in notice.toPlainText()
    assert not notice.hasFocus()


def test_fair_panels_are_built_from_their_forms_and_follow_a_language_switch(qtbot):
    """The stand, letter and follow-up forms are ui/fair_*.ui: the panels keep the form's
    widgets (their object names and tab order), and retranslate them with the panel."""
    from cocrea_desktop.methods.idea_fair import qt as fair
    from cocrea_desktop.ui.qt_i18n import install

    install("es")
    teams, letters = fair.FairTeamsPanel(), fair.FairLettersPanel()
    follow = fair.FairFollowUpPanel()
    for panel in (teams, letters, follow):
        qtbot.addWidget(panel)
    assert teams.edits["title"] is teams.ui.stand_title
    assert teams.number.objectName() == "stand_number" and teams.number.validator()
    assert letters.edits["witness"] is letters.ui.letter_witness
    assert follow.status is follow.ui.letter_status
    # Tab goes down the stand form as typed (number, the fields, the personal data).
    chain, widget = [], teams.number
    for _ in range(8):
        widget = widget.nextInFocusChain()
        while not isinstance(widget, type(teams.number)):
            widget = widget.nextInFocusChain()
        chain.append(widget.objectName())
    assert chain == ["stand_title", "stand_summary", "stand_problem", "stand_theme",
                     "stand_organisation", "stand_asks", "stand_contact_name",
                     "stand_contact_phone"]
    assert teams.labels["title"].text() == "&Proyecto:"
    try:
        install("en")
        for panel in (teams, letters, follow):
            panel.retranslate()
        assert teams.labels["title"].text() == "&Project:"
        assert teams.cancel_button.text() == "Cancel (Esc)"
        assert letters.draft_button.text() == "Draft the letter (Ctrl+Enter)"
        assert follow.meeting_label.text() == "Next &meeting:"
    finally:
        install("es")
    for panel in (teams, letters, follow):
        panel.retranslate()
    assert teams.labels["title"].text() == "&Proyecto:"
    assert follow.meeting_label.text() == "Próxima &reunión:"
