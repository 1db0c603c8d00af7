"""CEPAL's first report (diagnosis) from the demo process: the PDF and the editable DOCX
read back hold the route, every existing initiative under its theme, the actor map (the
chart as a drawing in the PDF and as a picture in the DOCX, no contact) and the
administration's own proposals; the same in English; a wrong file type refused."""

from __future__ import annotations

import docx
import pytest
from pypdf import PdfReader

from cocrea_desktop import i18n
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.export.informe1 import write_informe1
from cocrea_desktop.store.demo import (
    DEMO_ACTORS,
    DEMO_ADMINISTRATION,
    DEMO_INITIATIVES,
    create_demo,
)
from cocrea_desktop.store.repo import Repo


def pdf_text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(str(path)).pages)


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = create_demo(tmp_path_factory.mktemp("informe1") / "demo.cocrea")
    repo = Repo.open(path, read_only=True)
    yield repo
    repo.close()


def test_the_pdf_holds_the_diagnosis(demo, tmp_path):
    path = write_informe1(demo, tmp_path / "primer.pdf")
    text = pdf_text(path)
    assert "Primer informe: diagnóstico" in text
    for heading in ("2. La ruta del proceso", "3. Iniciativas existentes",
                    "4. Mapa de actores", "5. Propuestas de la administración municipal"):
        assert heading in text
    assert "Iniciativas registradas: 5 (en marcha: 2, en planeación: 1, concluida: 1, " \
           "suspendida: 1)." in text
    for name, *_rest in DEMO_INITIATIVES:
        assert name.split()[0] in text
    assert "Comisión Estatal del Agua" in text and "2023-2024" in text
    for org, *_rest, contact, phone in DEMO_ACTORS:
        assert org.split()[0] in text
        assert not contact or contact not in text
        assert not phone or phone not in text
    for title, _description, area, _theme in DEMO_ADMINISTRATION:
        assert title.split()[0] in text and area in text
    assert "Involucrar de cerca" in text  # the chart's quadrant titles, drawn
    # The route: the diagnosis ended, with its dates (Mexican style, no empty "— — —").
    assert "Diagnóstico" in text and "terminada" in text and "— — —" not in text


def test_the_docx_holds_the_same_with_the_chart_as_a_picture(demo, tmp_path):
    document = docx.Document(str(write_informe1(demo, tmp_path / "primer.docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:1] == ["1. Introducción"]
    assert {"3. Iniciativas existentes", "Agua", "Caminos", "4. Mapa de actores"} <= set(
        headings)
    pictures = document.inline_shapes
    assert len(pictures) == 1
    blob = document.part.related_parts[
        pictures[0]._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert blob[:8] == b"\x89PNG\r\n\x1a\n" and len(blob) > 5000
    text = docx_text(document)
    assert "Padrón de usuarios del agua en las agencias" in text
    assert "Amalia Cruz Hernández" not in text and "236 109 3321" not in text


def test_in_english(demo, tmp_path):
    i18n.set_language("en")
    try:
        text = pdf_text(write_informe1(demo, tmp_path / "first.pdf"))
    finally:
        i18n.set_language("es")
    assert "First report: diagnosis" in text and "3. Existing initiatives" in text
    assert "government programme" in text and "running" in text
    # (The demo's own note on the diagnosis, typed in Spanish, stays as typed.)
    assert "Primer informe: diagnóstico" not in text and "Iniciativas existentes" not in text
    assert "4. Mapa de actores" not in text and "(en marcha:" not in text


def test_an_empty_process_says_so(tmp_path):
    repo = Repo.create(tmp_path / "p.cocrea", name="PAL")
    try:
        text = pdf_text(write_informe1(repo, tmp_path / "vacio.pdf"))
    finally:
        repo.close()
    assert "No se registraron iniciativas existentes sobre el tema." in text
    assert "El proceso aún no tiene actores en su mapa." in text
    assert "La administración municipal no ha presentado propuestas propias." in text


def test_a_wrong_file_type_is_refused_and_nothing_written(demo, tmp_path):
    with pytest.raises(InvalidInput, match=r"se escribe como \.pdf o \.docx"):
        write_informe1(demo, tmp_path / "primer.odt")
    assert not list(tmp_path.iterdir())


def test_the_word_document_speaks_its_language_and_numbers_its_pages(demo, tmp_path):
    """Word checked the Spanish report's spelling as English (python-docx's template says
    en-US); the foot of each page now names the report and its page, and a table's header
    row repeats on the pages it runs onto."""
    from docx.oxml.ns import qn

    document = docx.Document(str(write_informe1(demo, tmp_path / "primer.docx")))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "es-MX"
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("Primer informe: diagnóstico · Página")
    assert "PAGE" in footer._p.xml
    first_rows = [t.rows[0]._tr for t in document.tables]
    assert all(tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
               for tr in first_rows[:3])
    i18n.set_language("en")
    try:
        english = docx.Document(str(write_informe1(demo, tmp_path / "first.docx")))
    finally:
        i18n.set_language("es")
    defaults = english.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:lang")).get(qn("w:val")) == "en-US"
    assert english.sections[0].footer.paragraphs[0].text.startswith(
        "First report: diagnosis · Page")
