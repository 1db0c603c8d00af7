"""The relatoría on screen and in the PDF say the same facts in the same words (issue 13:
"unida a la 4" on one, "fusionada en la 4" on the other), for the three methods."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from cocrea_desktop import i18n
from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export.pdf.session_reports import write_session_report
from cocrea_desktop.export.relatoria import session_relatoria
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.ui import qt_i18n
from cocrea_desktop.ui.views.relatoria_panel import RelatoriaForm
from tests.export.evidence_fixture import make_process
from tests.export.test_option_labels import add_fair, add_fishbowl


def squeeze(text: str) -> str:
    """Text without its line breaks and spaces (a PDF cell may wrap where a screen does not),
    and without case (a state starts a table cell in the PDF, "Fusionada en la 1", and
    follows an idea on screen, "(fusionada en la 1)")."""
    return "".join(text.split()).casefold()


@pytest.fixture
def sessions(tmp_path):
    repo, group = make_process(tmp_path / "p.cocrea.db", FakeClock())
    yield repo, {"nominal_group": group, "fishbowl": add_fishbowl(repo),
                 "idea_fair": add_fair(repo, tmp_path)}
    repo.close()


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("method", ["nominal_group", "fishbowl", "idea_fair"])
def test_screen_and_pdf_show_the_same_relatoria(qtbot, sessions, tmp_path, method, language):
    repo, ids = sessions
    sid = ids[method]
    qt_i18n.install(language)
    try:
        form = RelatoriaForm()
        qtbot.addWidget(form)
        form.bind(repo, sid)
        screen = squeeze(form.summary.toPlainText())
        target = tmp_path / f"relatoria-{method}.pdf"
        write_session_report(repo, sid, "relatoria", target)
        paper = squeeze(" ".join(p.extract_text() for p in PdfReader(str(target)).pages))
        facts = session_relatoria(repo, sid)
        sentences = facts.sentences()
        assert facts.results and len(sentences) > 10
        for sentence in sentences:
            assert squeeze(sentence) in screen, sentence
            assert squeeze(sentence) in paper, sentence
    finally:
        qt_i18n.install("es")


def test_a_merged_idea_is_said_one_way_on_every_screen_and_paper(qtbot, sessions, tmp_path):
    repo, ids = sessions
    sid = ids["nominal_group"]
    qt_i18n.install("es")
    form = RelatoriaForm()
    qtbot.addWidget(form)
    form.bind(repo, sid)
    write_session_report(repo, sid, "relatoria", tmp_path / "r.pdf")
    paper = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "r.pdf")).pages)
    assert "fusionada en la 1" in form.summary.toPlainText()
    assert "Fusionada en la 1" in paper and "Vigente · incluye 4" in paper
    assert "La idea 1 incluye 4: acordada por la sala." in form.summary.toPlainText()
    assert "La idea 1 incluye 4: acordada por la sala." in paper
    repo.phases.go_to(sid, "round")  # the room view lists the ideas with the same words
    notes = {item.number: item.note for item in room_state(repo, sid).items}
    assert notes["4"] == "fusionada en la 1" and notes["1"] == "incluye 4"
    assert i18n.current_language() == "es"


def test_the_fair_relatoria_names_the_stands_not_ideas(qtbot, sessions):
    repo, ids = sessions
    form = RelatoriaForm()
    qtbot.addWidget(form)
    form.bind(repo, ids["idea_fair"])
    text = form.summary.toPlainText()
    assert "Lugar 1: stand 7 «Radio comunitaria» (14 votos)" in text
    assert "idea 7" not in text
