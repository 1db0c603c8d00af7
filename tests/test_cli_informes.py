"""`cocrea report informe2|informe3`: CEPAL's second report as PDF or DOCX, the third under
its CEPAL name; bad input (a wrong extension, a file that is not a process, one that does
not exist) refused in Spanish with nothing written."""

from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.store.demo import create_demo


def run(*args, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == (0 if ok else 1), result.output
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from cocrea_desktop.core.clock import FakeClock

    return create_demo(tmp_path_factory.mktemp("demo") / "demo.cocrea.db", clock=FakeClock())


def test_the_second_report_as_pdf_and_as_docx(db, tmp_path):
    pdf, word = tmp_path / "informe2.pdf", tmp_path / "informe2.docx"
    said = run("report", "informe2", db, "-o", pdf).output
    assert "Archivo escrito:" in said and "informe2.pdf" in said
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(str(pdf)).pages)
    assert "Segundo informe: encuentros ciudadanos" in text
    assert "5. Propuestas sistematizadas por tema" in text
    run("report", "informe2", db, "-o", word)
    headings = [p.text for p in docx.Document(str(word)).paragraphs
                if p.style.name.startswith("Heading")]
    assert "4. Relatoría de cada sesión" in headings and "Tema: Juventudes (3)" in headings


def test_the_third_report_under_its_cepal_name(db, tmp_path):
    run("report", "informe3", db, "-o", tmp_path / "informe3.pdf")
    run("report", "third", db, "-o", tmp_path / "third.pdf")
    texts = [" ".join((p.extract_text() or "") for p in PdfReader(str(tmp_path / name)).pages)
             for name in ("informe3.pdf", "third.pdf")]
    assert "Tercer informe: selección de propuestas" in texts[0]
    assert texts[0] == texts[1]
    assert "informe3" in run("report", "--help").output


@pytest.mark.parametrize("name", ["informe2.odt", "informe2", "informe2.pdf.txt"])
def test_a_wrong_extension_is_refused_in_spanish(db, tmp_path, name):
    result = run("report", "informe2", db, "-o", tmp_path / name, ok=False)
    assert "El segundo informe se escribe como .pdf o .docx." in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_read_is_refused_in_spanish(tmp_path):
    out = tmp_path / "salida"
    out.mkdir()
    missing = run("report", "informe2", tmp_path / "no-existe.cocrea", "-o",
                  out / "informe2.pdf", ok=False).output
    assert "No existe el archivo «no-existe.cocrea»" in missing
    text = tmp_path / "notas.cocrea"
    text.write_text("no soy un proceso\n" * 200, encoding="utf-8")
    wrong = run("report", "informe2", text, "-o", out / "informe2.docx", ok=False).output
    assert "«notas.cocrea» no es un proceso de CoCrea." in wrong
    assert list(out.iterdir()) == []
    assert text.read_text(encoding="utf-8") == "no soy un proceso\n" * 200
