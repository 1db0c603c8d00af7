"""`cocrea jury ...` end to end on a real process file, and the record and report PDFs
read back."""

from __future__ import annotations

import json
import subprocess

from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.methods.jury.pdf import write_draw_record, write_jury_report
from cocrea_desktop.store.repo import Repo
from tests.conftest import PYTHON, ROOT, child_env
from tests.methods.jury.helpers import AGES, COMMUNITIES, DICE, new_jury, pool_features


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.output


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_cli_end_to_end(tmp_path, fake_clock, data_dir):
    db = tmp_path / "p.cocrea.db"
    with Repo.create(db, name="PAL", clock=fake_clock) as repo:
        sid, _c = repo.add_session(method="jury", question="¿Agua?")
    for i, f in enumerate(pool_features(24), start=1):
        run("jury", "add", str(db), sid[:8], "--name", f"Persona {i}", "--community",
            f["comunidad"], "--sex", f["sexo"], "--age", f["edad"], "--consent")
    # Without consent: refused in Spanish, nothing recorded.
    out = run("jury", "add", str(db), sid[:8], "--name", "Sin permiso", "--community", "A",
              "--sex", "Mujer", "--age", "18-29", code=1)
    assert "aviso de privacidad" in out
    assert len(json.loads(run("jury", "pool", str(db), sid[:8], "--json"))) == 24
    assert "Persona 1" not in run("jury", "pool", str(db), sid[:8])
    for c in COMMUNITIES:
        run("jury", "quota", str(db), sid[:8], "comunidad", c, "2", "6")
    run("jury", "quota", str(db), sid[:8], "sexo", "Mujer", "5", "5")
    run("jury", "quota", str(db), sid[:8], "sexo", "Hombre", "5", "5")
    for a in AGES:
        run("jury", "quota", str(db), sid[:8], "edad", a, "1", "6")
    # An impossible quota: the draw is refused naming it, and nothing is drawn.
    run("jury", "quota", str(db), sid[:8], "comunidad", "La Loma", "20", "20")
    out = run("jury", "draw", str(db), sid[:8], "--size", "10", "--dice", DICE,
              "--witnesses", "Juana Pérez", code=1)
    assert "«comunidad: La Loma»" in out
    run("jury", "quota", str(db), sid[:8], "comunidad", "La Loma", "2", "6")
    data = json.loads(run("jury", "draw", str(db), sid[:8], "--size", "10", "--dice", DICE,
                          "--witnesses", "Juana Pérez", "--json"))
    assert data["algorithm"] == "maximin" and len(data["panel"]) == 10
    assert "mismo jurado" in run("jury", "verify", str(db), sid[:8])
    out = run("jury", "replace", str(db), sid[:8], str(data["panel"][0]), "--reason", "viaje")
    assert "Entra al jurado" in out
    doc = tmp_path / "estudio.pdf"
    doc.write_bytes(b"%PDF estudio")
    out = run("jury", "witness", str(db), sid[:8], "--name", "Ing. Díaz", "--role", "CONAGUA",
              "--summary", "El acuífero baja.", "--document", str(doc))
    assert "Testimonio 1" in out
    run("jury", "note", str(db), sid[:8], "Se habló del costo.")
    run("jury", "recommend", str(db), sid[:8], "Medidores en cada toma.")
    out = run("jury", "recommend", str(db), sid[:8], "Tarifa por tramos.", "--support", "7",
              "--against", "2", "--abstain", "1")
    assert "7 de 10" in out
    run("jury", "record", str(db), sid[:8], "-o", str(tmp_path / "acta.pdf"))
    run("jury", "report", str(db), sid[:8], "-o", str(tmp_path / "informe.pdf"))
    text = pdf_text(tmp_path / "acta.pdf")
    assert str(data["seed"]) in text and "maximin" in text and "Persona 1" not in text
    report = pdf_text(tmp_path / "informe.pdf")
    assert "Medidores en cada toma" in report and "Consenso" in report
    # The verification is also a real command line, as another laptop would run it.
    done = subprocess.run([PYTHON, "-m", "cocrea_desktop", "jury", "verify", str(db), sid[:8]],
                          capture_output=True, text=True, check=False, cwd=ROOT,
                          env=child_env(data_dir), timeout=300)
    assert done.returncode == 0 and "mismo jurado" in done.stdout, done.stderr


def test_record_and_report_pdfs_read_back(repo, tmp_path):
    sid = new_jury(repo)
    record, _c = repo.jury.draw(sid, size=12, dice=DICE, witnesses="Juana Pérez, Luis Ruiz")
    repo.jury.replace(sid, record.panel[0], reason="se mudó")
    repo.jury.add_witness(sid, name="Ing. Marta Díaz", role="Comisión del agua",
                          summary="El pozo baja cada año.")
    repo.jury.add_recommendation(sid, text="Instalar medidores.")
    write_draw_record(repo, sid, tmp_path / "acta.pdf")
    write_jury_report(repo, sid, tmp_path / "informe.pdf")
    text = pdf_text(tmp_path / "acta.pdf")
    for needle in ("3,6,1,2,5,4,4,2,6,1,3,3", "Juana Pérez", str(record.seed), "maximin",
                   "Suplentes en orden", "Reemplazos hechos", "se mudó"):
        assert needle in text, needle
    # every volunteer's probability is printed
    for p in record.probabilities.values():
        assert f"{100 * p:.1f} %" in text
    assert "Persona Voluntaria" not in text and "951 100" not in text
    report = pdf_text(tmp_path / "informe.pdf")
    assert "Ing. Marta Díaz" in report and "Instalar medidores" in report
    assert "Persona Voluntaria" not in report


def test_the_demo_jury_repeats_from_its_own_file(tmp_path):
    # The demo's draw was computed from the pool and quotas in the order they were typed;
    # read back from the file (in another order) the solver gave another jury, and
    # `cocrea jury verify` said the demo's draw did not repeat.
    from cocrea_desktop.store.demo import create_demo

    path = create_demo(tmp_path / "demo.cocrea.db")
    with Repo.open(path, read_only=True) as repo:
        sid = next(s.id for s in repo.sessions() if s.method == "jury")
    out = run("jury", "verify", str(path), sid)
    assert "mismo jurado" in out
