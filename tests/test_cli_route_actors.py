"""`cocrea route ...`, `cocrea actors ...` and `cocrea report actors`: the route typed and
listed, what is late, sessions in phases; actors added and imported from a CSV and an XLSX;
the PDF read back; bad input refused in Spanish, nothing changed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cocrea_desktop.cli import cli
from cocrea_desktop.store.repo import Repo


def run(*args, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == (0 if ok else 1), result.output
    return result


@pytest.fixture
def db(tmp_path):
    repo = Repo.create(tmp_path / "p.cocrea.db", name="PAL 2027", municipality="Cuicatlán")
    repo.add_session(method="nominal_group", question="¿Qué falta?", table_label="Mesa 1")
    path = repo.path
    repo.close()
    return path


def journal_head(db) -> int:
    with Repo.open(db, read_only=True, check_on_open=False, backup_on_open=False) as repo:
        return repo.journal_head()


def test_the_route_from_the_command_line(db):
    out = run("route", "list", db).output
    assert "1. Preparación · por iniciar" in out
    assert "3. Reuniones ciudadanas · por iniciar" in out and "· 1 sesión" in out
    assert "Fase 1 de 9: Preparación (sin iniciar)" in out
    run("route", "set", db, "1", "--planned-start", "01/01/2027", "--planned-end",
        "31/01/2027", "--responsible", "Presidencia municipal")
    run("route", "start", db, "preparación", "--date", "03/01/2027")
    out = run("route", "end", db, "preparation", "--date", "30/01/2027").output
    assert out.strip() == "«Preparación» terminó el 30/01/2027."
    run("route", "set", db, "diagnosis", "--planned-end", "15/02/2027", "--start",
        "01/02/2027")
    out = run("route", "list", db, "--on", "20/02/2027").output
    assert "!2. Diagnóstico · atrasada · previsto … – 15/02/2027" in out
    assert "Atrasada: Diagnóstico" in out
    data = json.loads(run("route", "list", db, "--on", "20/02/2027", "--json").output)
    assert data["current"] == "diagnosis" and data["late"] == ["diagnosis"]
    assert data["phases"][0]["actual_end"] == "2027-01-30"
    with Repo.open(db) as repo:
        sid = repo.sessions()[0].id
    out = run("route", "session", db, sid[:8], "2").output
    assert "La sesión pertenece a la fase «Diagnóstico»." in out


@pytest.mark.parametrize("args, message", [
    (["set", "2", "--planned-end", "32/01/2027"],
     "Error: Fin previsto: La fecha «32/01/2027» no es válida; escríbala como dd/mm/aaaa."),
    (["set", "evaluación", "--note", "x"], "Error: No existe la fase «evaluación» en la ruta."),
    (["set", "2"], "Error: Indique qué cambiar"),
    (["end", "4"], "Error: «Selección de propuestas» aún no ha iniciado"),
    (["set", "2", "--planned-start", "10/02/2027", "--planned-end", "01/02/2027"],
     "Error: En «Diagnóstico», el fin previsto (01/02/2027) es anterior al inicio previsto"),
])
def test_bad_route_input(db, args, message):
    head = journal_head(db)
    result = run("route", args[0], db, *args[1:], ok=False)
    assert message in result.output
    assert journal_head(db) == head


def test_actors_from_the_command_line_and_the_pdf(db, tmp_path):
    from openpyxl import Workbook
    from pypdf import PdfReader

    out = run("actors", "add", db, "Comisariado ejidal", "--sector", "comunidad",
              "--interest", "4", "--influence", "5", "--contact", "Anselmo Jiménez",
              "--phone", "236 374 1102").output
    assert out.strip() == "Actor 1 agregado: Comisariado ejidal (interés 4, influencia 5)."
    csv = tmp_path / "actores.csv"
    csv.write_text("Organización;Sector;Territorio;Interés;Influencia;Nota\n"
                   "Comité de agua;sociedad civil;Cabecera;5;4;Opera la red\n"
                   "Radio comunitaria;medios;Cañada;4;2;\n", "utf-8")
    assert run("actors", "import", db, csv).output.strip() == "Actores importados: 2."
    book = Workbook()
    book.active.append(["organization", "sector", "interest", "influence"])
    book.active.append(["Telesecundaria", "government", 3, 2])
    book.save(tmp_path / "mas.xlsx")
    run("actors", "import", db, tmp_path / "mas.xlsx")
    out = run("actors", "list", db).output
    assert "1. Comisariado ejidal · comunidad · — · interés 4, influencia 5 · Involucrar de " \
           "cerca" in out
    assert "Anselmo" not in out
    assert "Anselmo Jiménez 236 374 1102" in run("actors", "list", db, "--contacts").output
    data = json.loads(run("actors", "list", db, "--json").output)
    assert [a["organisation"] for a in data] == ["Comisariado ejidal", "Comité de agua",
                                                 "Radio comunitaria", "Telesecundaria"]
    assert "contact_name" not in data[0]
    run("actors", "edit", db, "2", "--influence", "5")
    pdf = tmp_path / "actores.pdf"
    out = run("report", "actors", db, "-o", pdf).output
    assert out.startswith("Archivo escrito:")
    reader = PdfReader(str(pdf))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Mapa de actores" in text and "Comité de agua" in text
    assert "Involucrar de cerca" in text and "Observar" in text
    assert "Anselmo" not in text and "236 374" not in text
    run("actors", "erase-contact", db, "Comisariado ejidal")
    assert "Anselmo" not in run("actors", "list", db, "--contacts").output
    run("actors", "remove", db, "4")
    assert len(json.loads(run("actors", "list", db, "--json").output)) == 3


@pytest.mark.parametrize("args, message", [
    (["add", "Radio", "--interest", "0"], "Error: El interés debe ser un número entero del 1 "
                                          "al 5 (se escribió «0»)."),
    (["add", "Radio", "--sector", "iglesia"], "Error: El sector «iglesia» no existe"),
    (["add", "Comisariado ejidal"], "Error: Ya existe un actor llamado «Comisariado ejidal»."),
    (["edit", "9", "--note", "x"], "Error: No existe el actor «9»."),
])
def test_bad_actor_input(db, args, message):
    run("actors", "add", db, "Comisariado ejidal")
    head = journal_head(db)
    result = run("actors", *args[:1], db, *args[1:], ok=False)
    assert message in result.output
    assert journal_head(db) == head


def test_a_bad_import_changes_nothing(db, tmp_path):
    bad = tmp_path / "malo.csv"
    bad.write_text("Organización,Interés\nEjido,5\nRadio,alto\n", "utf-8")
    head = journal_head(db)
    result = run("actors", "import", db, bad, ok=False)
    assert "Error: Fila 3: El interés debe ser un número entero del 1 al 5" in result.output
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Organización\nEjido\n".encode("latin-1"))
    assert "no está en UTF-8" in run("actors", "import", db, latin, ok=False).output
    assert journal_head(db) == head


def test_initiatives_and_the_first_report_from_the_command_line(db, tmp_path):
    from pypdf import PdfReader

    out = run("initiatives", "add", db, "PROAGUA", "--kind", "programa de gobierno",
              "--responsible", "Comisión Estatal del Agua", "--theme", "Agua",
              "--years", "2025-2027").output
    assert out.strip() == "Iniciativa 1 agregada: PROAGUA (programa de gobierno, en marcha)."
    csv = tmp_path / "iniciativas.csv"
    csv.write_text("Iniciativa,Tipo,Responsable,Tema,Estado\n"
                   "Comité de agua,iniciativa ciudadana,Asamblea,Agua,en marcha\n"
                   "Brigadas de salud,proyecto,Centro de salud,Salud,suspendida\n", "utf-8")
    assert run("initiatives", "import", db, csv).output.strip() == "Iniciativas importadas: 2."
    run("initiatives", "edit", db, "3", "--status", "concluida")
    out = run("initiatives", "list", db).output
    assert "3. Brigadas de salud · proyecto · Centro de salud · Salud · — · concluida · —" in out
    data = json.loads(run("initiatives", "list", db, "--json").output)
    assert [i["kind"] for i in data] == ["programme", "citizen", "project"]
    run("proposals", "add", db, "--title", "Padrón de usuarios del agua", "--table",
        "Obras Públicas", "--administration")
    run("proposals", "add", db, "--title", "Ventanilla única")
    pdf = tmp_path / "primer.pdf"
    assert run("report", "informe1", db, "-o", pdf).output.startswith("Archivo escrito:")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    assert "Primer informe: diagnóstico" in text and "Comisión Estatal del Agua" in text
    assert "Padrón de usuarios del agua" in text and "Ventanilla única" not in text
    run("report", "informe1", db, "-o", tmp_path / "primer.docx")
    assert (tmp_path / "primer.docx").stat().st_size > 5000
    run("initiatives", "remove", db, "PROAGUA")
    assert len(json.loads(run("initiatives", "list", db, "--json").output)) == 2


@pytest.mark.parametrize("args, message", [
    (["add", "Otra", "--status", "dormida"], "Error: El estado «dormida» no existe"),
    (["add", "proagua"], "Error: Ya existe una iniciativa llamada «PROAGUA»."),
    (["edit", "9", "--note", "x"], "Error: No existe la iniciativa «9»."),
])
def test_bad_initiative_input(db, args, message):
    run("initiatives", "add", db, "PROAGUA")
    head = journal_head(db)
    result = run("initiatives", *args[:1], db, *args[1:], ok=False)
    assert message in result.output
    assert journal_head(db) == head
    assert "se escribe como .pdf o .docx" in run("report", "informe1", db, "-o", "x.odt",
                                                   ok=False).output
