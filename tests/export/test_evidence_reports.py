"""Reports and open data read back: PDFs by text extraction, CSV/JSON/XLSX, and the leak test."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.export import evidence
from cocrea_desktop.export.opendata import TABLES, export_open_data, file_text
from cocrea_desktop.export.pdf.attendance import write_attendance_sheet
from cocrea_desktop.export.pdf.process_report import write_process_report
from cocrea_desktop.export.pdf.session_reports import write_session_report
from tests.export.evidence_fixture import IDEAS, PEOPLE, make_process

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def made(tmp_path, fake_clock):
    repo, session_id = make_process(tmp_path / "p.cocrea.db", fake_clock)
    yield repo, session_id
    repo.close()


def pdf_pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def personal(repo) -> list[str]:
    values = evidence.personal_values(repo)
    for name, phone, _c, _p in PEOPLE:
        assert name in values and (not phone or phone in values)
    return values


def assert_footer(pages: list[str], repo, digest: str) -> None:
    for page in pages:
        assert repo.process().id in page and digest in page


def test_attendance_sheet(made, tmp_path):
    repo, sid = made
    out = write_attendance_sheet(repo, sid, tmp_path / "asistencia.pdf", rows=30)
    pages = pdf_pages(out)
    text = " ".join(pages)
    assert pages[0].index("Aviso de privacidad simplificado") < pages[0].index("Nombre")
    assert "Secretariado Técnico Local de Yavesía es responsable" in text
    assert "Tablero del palacio municipal" in text
    assert "se leyó en voz alta" in text and "Firma o huella" in text
    assert "Teléfono (opcional" in text and "Acepto que me contacten" in text
    assert re.search(r"\b30\b", text) and "Mujer" in text and "60 o más" in text
    assert "Conteo anónimo" in pages[-1]
    for name, _p, _c, _f in PEOPLE:  # a blank form: recorded names are never printed
        assert name not in text
    assert_footer(pages, repo, evidence.session_digest(repo, sid))


def test_results_pdf_with_public_ballot_annex(made, tmp_path):
    repo, sid = made
    out = write_session_report(repo, sid, "results", tmp_path / "resultados.pdf")
    pages = pdf_pages(out)
    text = " ".join(pages)
    assert "Votación preliminar" in text and "3 puntos al primer lugar" in text
    assert IDEAS[0] in text and "Desempates aplicados" in text and "Casi empates" in text
    assert "las ideas 5 y 6 empatan" in text.lower() or "comparten el lugar" in text
    assert "casi empatan" in text
    tally = repo.votes.tally(sid, "preliminary")
    assert tally.rows[0].points == 14 and "14" in text
    annex = text[text.index("Anexo público"):]
    for ballot in repo.votes.ballots(sid, "preliminary"):
        assert format_serial(ballot.serial) in annex
    assert "Boletas anuladas (no se cuentan): 424-2420" in annex
    assert "1:3 2:2 3:1" not in annex  # the vote is secret: no marks beside serials
    assert "Rosa Martínez" not in text  # public: no facilitator
    assert_footer(pages, repo, evidence.session_digest(repo, sid))
    # A bar chart is drawn (vector graphics on the first page).
    reader = PdfReader(str(out))
    assert b" re" in reader.pages[0].get_contents().get_data()


def test_relatoria_pdf(made, tmp_path):
    repo, sid = made
    pages = pdf_pages(write_session_report(repo, sid, "relatoria", tmp_path / "r.pdf"))
    text = " ".join(pages)
    for value in ("¿Qué problemas de agua afectan más a su comunidad?", "Mesa 1", "6 de marzo de 2027",
                  "Salón comunal", "español, zapoteco", "Rosa Martínez Luna",
                  "El agua limpia para la escuela es urgente.",
                  "No hubo acuerdo sobre la tarifa.", "Llevar las ideas 1 y 2"):
        assert value in text, value
    for idea in IDEAS:
        assert idea in text, idea
    assert "Fusionada en la 1" in text and "Vigente · incluye 4" in text
    assert "La idea 1 incluye 4: acordada por la sala." in text
    assert "Retirada: Ya existe en el reglamento" in text
    assert "Participantes 8" in text
    assert_footer(pages, repo, evidence.session_digest(repo, sid))


def test_acta_pdf_has_the_timeline_from_the_journal(made, tmp_path):
    repo, sid = made
    pages = pdf_pages(write_session_report(repo, sid, "acta", tmp_path / "a.pdf"))
    text = " ".join(pages)
    assert "Aviso de privacidad leído en voz alta: Sí" in text
    for event in ("Comenzó la fase «Escritura en silencio»",
                  "Se inició el tiempo de «Escritura en silencio» (10 min)",
                  "Comenzó la fase «Ronda»", "Comenzó la fase «Votación preliminar»",
                  "Se capturó la última idea (7 en total)", "Se leyó en voz alta el aviso"):
        assert event in text, event
    assert "Sector Gobierno: 2; Sociedad civil: 1; Ciudadanía: 5 8" in text
    assert "Personas anotadas en el programa: 3" in text
    for name, _p, _c, _f in PEOPLE:
        assert name not in text
    assert_footer(pages, repo, evidence.session_digest(repo, sid))


def test_process_report(made, tmp_path):
    repo, sid = made
    repo.add_session(method="fishbowl", question="¿Cómo repartir el presupuesto?")
    pages = pdf_pages(write_process_report(repo, tmp_path / "p.pdf"))
    text = " ".join(pages)
    assert "Sesiones (2)" in text and "¿Cómo repartir el presupuesto?" in text
    assert "Resumen de inclusión" in text and "Zapoteco".lower() in text.lower()
    assert "Mujer 5 62 %" in text and "Lachatao 2 25 %" in text
    assert "está completa" in text and "El archivo está íntegro" in text
    # no jargon before the last section; the long codes, said what for, are there
    codes = text.index("Datos para verificar")
    for jargon in ("SHA-256", ": ok", "integridad del archivo"):
        assert jargon not in text
    head = repo.pf.verify_journal().head
    assert head not in text[:codes].replace(" ", "")
    assert head in text[codes:].replace(" ", "").replace("\n", "")
    assert repo.process().id in text[codes:] and repo.process().id not in text[:codes]
    assert "sirven para comprobar" in text[codes:]
    digest = evidence.process_digest(repo)
    for page in pages:  # every page: its data's short fingerprint, in words
        assert f"Huella de los datos {digest}" in page


def test_the_process_report_lists_the_proposals(made, tmp_path):
    repo, sid = made
    assert "El proceso aún no tiene propuestas." in " ".join(
        pdf_pages(write_process_report(repo, tmp_path / "empty.pdf")))
    best = repo.proposals.result(sid)[0]
    kept, _c = repo.proposals.promote(sid, best.source_kind, best.source_id,
                                      title="Reparar la red de agua", theme="Agua")
    joined, _c = repo.proposals.add("Arreglar las fugas", table_label="Oficina")
    gone, _c = repo.proposals.add("Pipa gratuita", table_label="Oficina")
    repo.proposals.join(kept.id, joined.id)
    repo.proposals.withdraw(gone.id, "Ya la da el municipio")
    text = " ".join(" ".join(pdf_pages(write_process_report(repo, tmp_path / "p.pdf"))).split())
    assert "Propuestas del proceso (1)" in text
    assert "Reparar la red de agua" in text and "Agua" in text
    assert "unida a la 1" in text and "Arreglar las fugas" in text
    assert "retirada: Ya la da el municipio" in text
    assert "puntos" in text  # the origin with its figures, in words
    assert text.index("Propuestas del proceso") < text.index("Resumen de inclusión")


def test_report_digest_follows_the_data_not_the_language(made):
    from cocrea_desktop import i18n

    repo, sid = made
    before = evidence.session_digest(repo, sid)
    i18n.set_language("en")
    assert evidence.session_digest(repo, sid) == before
    i18n.set_language("es")
    repo.ideas.add_note(sid, "results", "Otra nota")
    assert evidence.session_digest(repo, sid) != before


def test_pdfs_render_to_images(made, tmp_path):
    import pypdfium2 as pdfium

    repo, sid = made
    for kind in ("results", "relatoria", "acta"):
        path = write_session_report(repo, sid, kind, tmp_path / f"{kind}.pdf")
        page = pdfium.PdfDocument(str(path))[0]
        image = page.render(scale=0.5).to_pil().convert("L")
        dark = sum(image.histogram()[:128])
        assert dark > 500, kind


def test_open_data_files_and_columns(made, tmp_path):
    repo, sid = made
    result = export_open_data(repo, tmp_path / "abiertos")
    names = {p.name for p in result.files}
    assert {f"{t}.csv" for t in TABLES} | {"datos.json", "datos.xlsx", "README.md",
                                           "diccionario.csv"} == names
    for table, (_d, columns) in TABLES.items():
        raw = (tmp_path / "abiertos" / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0] == [c for c, _t, _x in columns]
    ballots = list(csv.DictReader(io.StringIO(
        (tmp_path / "abiertos" / "ballots.csv").read_text("utf-8-sig"))))
    assert len(ballots) == 9 and sum(b["status"] == "spoiled" for b in ballots) == 1
    assert all(b["serial"] for b in ballots)
    doc = json.loads((tmp_path / "abiertos" / "datos.json").read_text("utf-8"))
    assert doc["tables"]["tallies"][0]["total"] == 14
    assert {r["text"] for r in doc["tables"]["ideas"]} == set(IDEAS)
    with zipfile.ZipFile(tmp_path / "abiertos" / "datos.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
    for table in TABLES:
        assert f'name="{table}"' in workbook
    counts = doc["tables"]["attendance_counts"]
    assert {"session_id": sid, "dimension": "language", "category": "zapoteco",
            "count": 3} in counts
    assert "Rosa Martínez" not in json.dumps(doc, ensure_ascii=False)


def test_every_open_data_column_is_documented():
    doc = (ROOT / "docs" / "open-data.md").read_text("utf-8")
    missing = []
    for table, (_d, columns) in TABLES.items():
        section = doc.split(f"### `{table}`", 1)
        if len(section) < 2:
            missing.append(table)
            continue
        body = section[1].split("### ", 1)[0]
        missing += [f"{table}.{c}" for c, _t, _x in columns if f"| `{c}` |" not in body]
    assert missing == []


def test_no_personal_value_leaks_into_open_data_or_public_pdfs(made, tmp_path):
    """The leak test: every exported file, and the public results PDF, for every value."""
    from cocrea_desktop.core import privacy

    repo, sid = made
    repo.votes.configure(sid, "final", mode="counts")
    repo.votes.set_counts(sid, "final", {1: 4, 2: 3, 3: 1, 5: 0, 6: 0},
                          counter="Anselmo Pérez Vásquez", participants=8)
    values = personal(repo)
    assert "Anselmo Pérez Vásquez" in values and "Rosa Martínez Luna" in values
    needles = privacy.personal_needles(values)
    folder = tmp_path / "abiertos"
    result = export_open_data(repo, folder)
    assert result.leaks == [] and result.warnings == []
    files = sorted(folder.iterdir())
    assert len(files) == len(TABLES) + 4
    for path in files:
        assert privacy.find_personal_values(file_text(path), needles) == [], path.name
    results_pdf = write_session_report(repo, sid, "results", tmp_path / "resultados.pdf")
    text = " ".join(pdf_pages(results_pdf))
    assert "la persona designada" in text
    assert privacy.find_personal_values(text, needles) == []
    # The check is real: the relatoría (not public) names the facilitator and is caught.
    relatoria = " ".join(pdf_pages(write_session_report(repo, sid, "relatoria",
                                                        tmp_path / "r.pdf")))
    assert privacy.find_personal_values(relatoria, needles)


def test_a_name_said_inside_an_idea_is_flagged(tmp_path, fake_clock):
    repo, sid = make_process(tmp_path / "q.cocrea.db", fake_clock)
    try:
        repo.ideas.add_note(sid, "results", "nota")  # notes are not exported
        session2, _c = repo.add_session(method="nominal_group", question="¿Y la salud?")
        repo.ideas.add(session2, "Que Próspero Jiménez Ortiz atienda la clínica los sábados")
        result = export_open_data(repo, tmp_path / "abiertos")
        assert "ideas.csv" in result.leaks and "datos.json" in result.leaks
        assert "datos.xlsx" in result.leaks
        assert result.warnings and "Próspero" not in " ".join(result.warnings)
    finally:
        repo.close()


def test_fishbowl_relatoria_names_what_the_program_knows(repo, tmp_path):
    """A fishbowl's synthesis fields hold themes raised by several positions or by one:
    the relatoría says so, not «Convergencias» and «Disensos»."""
    sid, _c = repo.add_session(method="fishbowl", question="¿Cómo repartir el presupuesto?")
    repo.relatoria.save(sid, convergences="Las agencias piden caminos.",
                        dissent="Solo la cabecera pidió alumbrado.")
    text = " ".join(pdf_pages(write_session_report(repo, sid, "relatoria", tmp_path / "r.pdf")))
    assert "Temas que plantearon varias posturas Las agencias piden caminos." in text
    assert "Temas que planteó una sola postura Solo la cabecera pidió alumbrado." in text
    assert "Convergencias" not in text and "Disensos" not in text


def test_relatoria_pdf_says_how_ties_were_broken_and_counts_partly_void_ballots(tmp_path):
    """A walk-through found the relatoría PDF without the tie-break steps the results PDF
    has, and "anuladas: 0" although two counted ballots had entries that did not count."""
    from cocrea_desktop.store.repo import Repo

    with Repo.create(tmp_path / "p.cocrea.db", name="PAL") as repo:
        sid = repo.add_session(method="nominal_group", question="¿Qué hace falta?")[0]
        for text in ("Agua", "Luz", "Camino", "Escuela"):
            repo.ideas.add(sid, text)
        for entry in ("1 2", "2 1", "3 3", "4 4"):  # 1 and 2 tie; two ballots repeat an idea
            repo.votes.enter_ballot(sid, "preliminary", entry)
        text = " ".join(" ".join(pdf_pages(write_session_report(
            repo, sid, "relatoria", tmp_path / "r.pdf"))).split())
    assert "Desempates aplicados" in text
    assert "2 boletas con alguna entrada que no cuenta" in text
