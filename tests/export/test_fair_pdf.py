"""The idea fair's PDFs: the carta compromiso (fields, QR with the folio) and the stand list."""

from __future__ import annotations

import pypdf
import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.core.errors import NotFound
from cocrea_desktop.methods.idea_fair.pdf import (
    letter_qr_payload,
    render_letter,
    render_stand_list,
    write_letter,
)
from cocrea_desktop.store.repo import Repo


@pytest.fixture
def fair(tmp_path, fake_clock):
    db = tmp_path / "feria.cocrea.db"
    with Repo.create(db, name="Plan de Acción Local 2027", municipality="Guelatao",
                     state="Oaxaca", responsible_body="Municipio", clock=fake_clock) as repo:
        repo.attendance.set_privacy(body="Municipio de Guelatao de Juárez",
                                    notice="Sus datos se usan para el seguimiento.",
                                    full_notice_at="Tablero del palacio municipal")
        sid, _ = repo.add_session(method="idea_fair", question="¿Qué proyectos?",
                                  place="Explanada", date="2027-03-13")
        repo.fair.add_stand(sid, title="Radio comunitaria en zapoteco",
                            summary="Avisos en lengua", problem="Todo llega en español",
                            theme="Información", organisation="Radio Guelatao A. C.",
                            contact_name="Rosa Martínez", contact_phone="951 987 6543",
                            asks="Un transmisor")
        repo.fair.add_stand(sid, title="Huertos escolares", organisation="Milpa Viva",
                            contact_name="María López")
        repo.fair.add_authority(sid, name="Lic. Tomás Aquino", post="Regidor de Salud",
                                agency="Cabildo de Guelatao")
        repo.fair.draft_letter(sid, 1, 1, letter_date="2027-03-13",
                               team_commits="Grabar los avisos cada semana",
                               authority_commits="Un espacio en el palacio y un transmisor",
                               next_step="Reunión con el cabildo", next_step_date="2027-04-02",
                               follow_up_contact="Regiduría de Salud")
    return db, sid


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_the_letter_carries_every_field_and_its_folio_as_a_qr(fair, tmp_path):
    import pypdfium2
    import zxingcpp

    db, sid = fair
    with Repo.open(db, read_only=True) as repo:
        target = write_letter(repo, sid, "cc-001", tmp_path / "carta.pdf")
        process_id = repo.process().id
    text = pdf_text(target)
    for expected in ("Carta compromiso", "Folio CC-001", "Fecha 13 de marzo de 2027",
                     "Explanada, Guelatao, Oaxaca", "Plan de Acción Local 2027",
                     "Radio comunitaria en zapoteco", "Avisos en lengua", "Todo llega en español",
                     "Radio Guelatao A. C.", "Rosa Martínez", "Cabildo de Guelatao",
                     "Regidor de Salud", "Lic. Tomás Aquino", "Grabar los avisos cada semana",
                     "Un espacio en el palacio y un transmisor", "Reunión con el cabildo",
                     "2 de abril de 2027", "Regiduría de Salud",
                     "aviso de privacidad del responsable: Municipio de Guelatao de Juárez",
                     "Tablero del palacio municipal", "Por el equipo promotor",
                     "Por la autoridad", "Testigo", "Proceso " + process_id):
        assert expected in " ".join(text.split()), expected
    assert "951 987 6543" not in text  # the phone stays in the records
    # No witness named: a line to sign, not the form's own hint printed as a name.
    assert "Testigo (opcional" not in text and "STL u órgano garante" not in text
    assert "2027-03-13" not in text
    doc = pypdfium2.PdfDocument(str(target))
    image = doc[0].render(scale=3).to_pil()
    doc.close()
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [
        letter_qr_payload(process_id, "CC-001")]
    assert letter_qr_payload(process_id, "CC-001").startswith("CC:CC-001:")


def test_the_same_data_gives_the_same_letter(fair):
    db, sid = fair
    with Repo.open(db, read_only=True) as repo:
        assert render_letter(repo, sid, "CC-001") == render_letter(repo, sid, "CC-001")
        with pytest.raises(NotFound):
            render_letter(repo, sid, "CC-009")


def test_the_stand_list_is_public(fair, tmp_path):
    db, sid = fair
    with Repo.open(db, read_only=True) as repo:
        data = render_stand_list(repo, sid, paper="a4")
    target = tmp_path / "stands.pdf"
    target.write_bytes(data)
    text = pdf_text(target)
    assert "Lista de stands" in text and "Huertos escolares" in text
    assert "Un transmisor" in text and "Radio Guelatao A. C." in text
    for personal in ("Rosa Martínez", "María López", "951 987 6543"):
        assert personal not in text


def test_the_cli_prints_a_letter_and_the_stand_list(fair, tmp_path):
    db, sid = fair
    runner = CliRunner()
    out = tmp_path / "cli-carta.pdf"
    result = runner.invoke(cli, ["fair", "letter", str(db), sid[:8], "CC-001", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "CC-001" in pdf_text(out)
    out = tmp_path / "cli-stands.pdf"
    result = runner.invoke(cli, ["fair", "stand-list", str(db), sid, "-o", str(out),
                                 "--paper", "a4"])
    assert result.exit_code == 0, result.output
    assert "Huertos escolares" in pdf_text(out)
    result = runner.invoke(cli, ["fair", "letter", str(db), sid, "CC-404", "-o",
                                 str(tmp_path / "x.pdf")])
    assert result.exit_code != 0 and "CC-404" in result.output
    assert not (tmp_path / "x.pdf").exists()
