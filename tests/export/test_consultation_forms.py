"""Paper comment forms: printed (1 and 2 per page), rendered to images as a scanner would
see them, decoded by zxing-cpp and registered; a form registered twice, a ballot, a
form of another process and a cancelled print are refused or issue nothing."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from cocrea_desktop.core.errors import NotFound, RuleViolation
from cocrea_desktop.export.consultation_forms import print_forms, scan_forms
from tests.store.pal_helpers import merged_process, plan


@pytest.fixture
def repo(tmp_path):
    office = merged_process(tmp_path)
    plan(office)
    office.consultation.open(start="10/08/2027", channels=["meeting", "form"])
    yield office
    office.close()


def scans_of(pdf, folder, dpi=200):
    """Each page as a grey PNG at ``dpi``, slightly rotated like a sheet fed by hand."""
    out = []
    doc = pdfium.PdfDocument(str(pdf))
    for i, page in enumerate(doc):
        image = page.render(scale=dpi / 72).to_pil().convert("L").rotate(
            2.5 if i % 2 else -1.5, expand=True, fillcolor=255)
        path = folder / f"escaneo-{pdf.stem}-{i + 1}.png"
        image.save(path)
        out.append(path)
    doc.close()
    return out


@pytest.mark.parametrize("per_page", [1, 2])
def test_forms_printed_scanned_and_registered(repo, tmp_path, per_page):
    pdf = tmp_path / f"formatos-{per_page}.pdf"
    forms = print_forms(repo, pdf, commitments=["1", "2"], sections=["Diagnóstico"],
                        count=2, per_page=per_page)
    assert len(forms) == 6 and len({f.serial for f in forms}) == 6
    reader = PdfReader(pdf)
    assert len(reader.pages) == 6 // per_page
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for f in forms:
        assert f"Folio {f.shown_serial}" in text
    assert "Sobre el compromiso 2" in text and "Sobre: Diagnóstico" in text
    assert "del 10 de agosto de 2027 al 19 de agosto de 2027" in text
    assert [f.serial for f in repo.consultation.forms()] == [f.serial for f in forms]
    found = scan_forms(repo, scans_of(pdf, tmp_path))
    assert found.problems == []
    assert sorted(r.form.serial for _s, r in found.readings) == sorted(f.serial for f in forms)
    assert all(r.ready for _s, r in found.readings)
    # registered from the codes: commitment or section, channel from the form
    for _src, reading in found.readings:
        comment, _c = repo.consultation.add(date="12/08/2027", form=reading.text,
                                            text=f"Escrito a mano en {reading.form.serial}")
        assert comment.channel == "form"
        assert (comment.commitment_label, comment.section) == (
            reading.form.commitment_label, reading.form.section)
    assert {x.about for x in repo.consultation.comments()} == {
        "Compromiso 1", "Compromiso 2", "Diagnóstico"}
    again = scan_forms(repo, [pdf])
    assert all(not r.ready and "ya se registró como el comentario" in r.message
               for _s, r in again.readings)


def test_a_form_registered_twice_is_refused_and_nothing_changes(repo, tmp_path):
    forms = print_forms(repo, tmp_path / "f.pdf", count=1)
    repo.consultation.add(date="12/08/2027", form=forms[0].shown_serial, text="Primero")
    before = repo.journal_head()
    with pytest.raises(RuleViolation, match=r"El formato \d{3}-\d{4} ya se registró: es el "
                                            r"comentario 1\."):
        repo.consultation.add(date="12/08/2027", form=forms[0].serial, text="Otra vez")
    assert repo.journal_head() == before and len(repo.consultation.comments()) == 1
    # undo frees the form again
    assert repo.undo_label() == f"registrar el formato {forms[0].shown_serial}"
    repo.undo()
    assert repo.consultation.read_form(forms[0].serial).ready


def test_not_forms(repo, tmp_path):
    ballot_serials = repo.register.issue(repo.sessions()[0].id, "preliminary", 1)[0]
    with pytest.raises(NotFound, match="es de una boleta"):
        repo.consultation.form(ballot_serials[0][0])
    assert "no es un formato" in repo.consultation.read_form(ballot_serials[0][1]).message
    with pytest.raises(NotFound, match="No se imprimió ningún formato"):
        repo.consultation.form("482-1571")


def test_a_cancelled_print_issues_nothing(repo, tmp_path):
    target = tmp_path / "cancelado.pdf"
    assert print_forms(repo, target, count=3, cancelled=lambda: True) is None
    assert repo.consultation.forms() == [] and not target.exists()
    assert list(tmp_path.glob(".formatos-*")) == []
