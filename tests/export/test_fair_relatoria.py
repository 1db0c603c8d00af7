"""The idea fair's relatoría says what happened at the fair (stands, authorities, visits,
interest, cartas compromiso, the public's vote) and nothing that does not apply to a fair
(ideas, merges, convergences); a heading is never left alone at the foot of a page."""

from __future__ import annotations

from pypdf import PdfReader

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export.pdf import kit
from cocrea_desktop.export.pdf.session_reports import write_session_report
from cocrea_desktop.export.relatoria import session_relatoria
from tests.export.evidence_fixture import make_process
from tests.export.test_option_labels import add_fair


def pdf_pages(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def test_the_fair_relatoria_tells_the_fair_and_leaves_out_ideas_and_merges(tmp_path):
    repo, _group = make_process(tmp_path / "p.cocrea.db", FakeClock())
    try:
        sid = add_fair(repo, tmp_path)
        letter = repo.fair.letters(sid)[0]
        repo.fair.edit_letter(letter.id, responsible="Regiduría y Colectivo Milpa",
                              next_step="Recorrer el terreno", next_step_date="2027-03-06")
        repo.fair.set_letter_status(letter.id, "in_progress")
        facts = session_relatoria(repo, sid)
        said = "\n".join(facts.sentences())
        assert "stand 1 «Huertos escolares» · equipo: Colectivo Milpa · 1 visita" in said
        assert "stand 7 «Radio comunitaria» · 0 visitas" in said
        assert "Ing. Pedro Ruiz, Director, Obras" in said
        assert "Ing. Pedro Ruiz: pide reunión — stand 7 «Radio comunitaria»" in said
        assert "Pidió ver el terreno" in said
        assert "CC-001: stand 1 «Huertos escolares» con Ing. Pedro Ruiz" in said
        for words in ("el equipo se compromete a: Cuidar el huerto",
                      "la autoridad se compromete a: Gestionar el riego",
                      "próximo paso: Recorrer el terreno", "seguimiento: En proceso",
                      "responsables: Regiduría y Colectivo Milpa", "carta firmada adjunta"):
            assert words in said, words
        assert facts.results  # the public's vote as it stands
        assert not facts.shows("ideas") and not facts.shows("merges")
        assert [title for title, _text in facts.fields] == [
            "Próximos pasos después de la feria", "Notas"]

        target = tmp_path / "relatoria-feria.pdf"
        write_session_report(repo, sid, "relatoria", target)
        paper = " ".join(pdf_pages(target))
        for words in ("Stands y equipos (2)", "Autoridades presentes (1)",
                      "Recorrido (1 visita)", "Interés de las autoridades",
                      "Cartas compromiso (1)", "CC-001", "Lugar 1: stand 7"):
            assert words in paper, words
        for absent in ("Ideas (", "No se capturaron ideas", "Fusiones", "Convergencias",
                       "Disensos", "María López", "951 123 4567"):
            assert absent not in paper, absent
    finally:
        repo.close()


def test_a_heading_is_never_left_alone_at_the_foot_of_a_page(tmp_path):
    from reportlab.platypus import Spacer

    st = kit.styles()
    width = kit.content_width()
    # Fill page 1 so that a heading fits at its foot but the paragraph after it does not.
    story = [Spacer(width, 635), kit.para("Encabezado solitario", st["h2"]),
             kit.para("Primer párrafo del apartado. " * 12, st["body"])]
    footer = kit.Footer(process_id="p", digest="d", title="t")
    (tmp_path / "h.pdf").write_bytes(kit.build(story, footer))
    pages = pdf_pages(tmp_path / "h.pdf")
    assert len(pages) == 2
    assert "Encabezado solitario" not in pages[0] and "Encabezado solitario" in pages[1]
