"""CEPAL's second report (citizen meetings) from the demo process: the PDF and the DOCX read
back hold every session with its relatoría and attendance, every proposal under its theme
(joined and withdrawn ones apart, with what happened to them), and no name of anyone who
took part; the same in English. And the final PAL records its public consultation."""

from __future__ import annotations

import docx
import pytest
from pypdf import PdfReader

from cocrea_desktop import i18n
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.export import evidence
from cocrea_desktop.export.informe2 import write_informe2
from cocrea_desktop.export.pal import write_pal_docx, write_pal_pdf
from cocrea_desktop.export.relatoria import session_relatoria
from cocrea_desktop.methods.idea_fair.demo import DEMO_STANDS
from cocrea_desktop.store.demo import DEMO_SESSIONS, create_demo
from cocrea_desktop.store.repo import Repo

#: Names of people who took part: none may reach the report.
ATTENDEES = ("Hortensia Bautista Cruz", "Eulogio Méndez Ramos")
COMMENTER = ("Bernardino Ruiz Salas", "bernardino@example.org")
KEPT = "Empleo temporal para jóvenes en las obras del municipio"
WITHDRAWN = "Ventanilla única para trámites de las agencias"


def pdf_text(path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(str(path)).pages)


def docx_items(path) -> list[tuple[str, object]]:
    """The document's headings, paragraphs and tables in order: ("h"|"p"|"t", content)."""
    document = docx.Document(str(path))
    out: list[tuple[str, object]] = []
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = next(paragraphs)
            kind = "h" if p.style.name.startswith(("Heading", "Title")) else "p"
            out.append((kind, p.text))
        elif tag == "tbl":
            t = next(tables)
            out.append(("t", [[c.text for c in row.cells] for row in t.rows]))
    return out


def docx_text(path) -> str:
    parts = []
    for kind, content in docx_items(path):
        parts.extend([content] if kind != "t" else [c for row in content for c in row])
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo process, with names where a real process keeps them: people on a session's
    attendance list, a commenter of the consultation; one proposal joined into another and
    one withdrawn."""
    from cocrea_desktop.core.clock import FakeClock

    path = create_demo(tmp_path_factory.mktemp("demo") / "demo.cocrea.db", clock=FakeClock())
    with Repo.open(path) as repo:
        first = repo.sessions()[0]
        for name in ATTENDEES:
            repo.attendance.add_person(first.id, name=name)
        repo.consultation.add(date="2027-05-25", channel="box", commitment="1",
                              text="Que el calendario se lea también en la asamblea.",
                              name=COMMENTER[0], contact=COMMENTER[1])
        by_title = {p.title: p for p in repo.proposals.list()}
        twin, _c = repo.proposals.add("Trabajo para jóvenes en las obras", theme="Juventudes",
                                      table_label="Mesa 2 · Juventudes")
        repo.proposals.join(by_title[KEPT].id, twin.id)
        repo.proposals.withdraw(by_title[WITHDRAWN].id, "Ya es un programa del municipio.")
    return path


def check_report(repo: Repo, text: str) -> None:
    """What both documents must say, in the language in force."""
    # The meetings and the selection; a launch or a follow-up meeting comes after the plan.
    later = {"launch", "followup"}
    sessions = [s for s in repo.sessions()
                if repo.route.session_phase(s.id) not in later]
    assert len(sessions) == len(DEMO_SESSIONS) - 2
    for s in repo.sessions():
        if s not in sessions:
            assert repo.session_title(s) not in text
    for i, s in enumerate(sessions, 1):
        assert f"4.{i}. {repo.session_title(s)}" in text  # every session has its relatoría
        facts = session_relatoria(repo, s.id, evidence.session_snapshot(repo, s.id,
                                                                        public=True))
        if s.status != "planned":
            # The relatoría's own computed sentences, not a re-derivation.
            for line in (*facts.results, *facts.merges, *(t for _k, t in facts.fields if t)):
                assert " ".join(line.split()) in text, line
            for section in facts.sections:
                assert " ".join(section.title.split()) in text
            for idea in facts.ideas:  # every idea, verbatim
                assert " ".join(idea.text.split()) in text
    for p in repo.proposals.list():
        assert p.title in text and (p.problem in text if p.problem else True)
    # Nobody who took part is named; the facilitators are left out, as in public results.
    people = [*ATTENDEES, *COMMENTER, *(stand[5] for stand in DEMO_STANDS), "Tomás Cruz",
              *{facilitator for *_x, facilitator, _s, _n in DEMO_SESSIONS
                if facilitator != "Equipo STL"}]
    leaked = [name for name in people if name in text]
    assert not leaked, leaked


def test_the_second_report_as_pdf_and_docx_from_the_demo(demo, tmp_path):
    with Repo.open(demo, read_only=True) as repo:
        pdf = write_informe2(repo, tmp_path / "informe2.pdf")
        word = write_informe2(repo, tmp_path / "informe2.docx")
        for text in (pdf_text(pdf), docx_text(word)):
            assert "Segundo informe: encuentros ciudadanos" in text
            assert "Sesiones registradas: 9 · ya realizadas: 7" in text
            check_report(repo, text)
            assert "Sesión programada: aún no se realiza y no tiene relatoría." in text
            # A method that speaks in its own sections and took no ideas: no empty list.
            assert "Ideas (0 vigentes de 0 dichas)" not in text
        text = pdf_text(pdf)
        assert "Segundo informe · Página 1" in text
        youth = next(s for s in repo.sessions() if s.table_label == "Mesa 2 · Juventudes")
        assert youth.status == "closed"

    items = docx_items(word)
    # The meetings' table: one row per session with its attendance and its proposals.
    meetings = next(c for k, c in items if k == "t" and c[0][:2] == ["Fecha", "Sesión"])
    rows = {r[1]: r for r in meetings[1:]}
    assert len(rows) == len(DEMO_SESSIONS) - 2  # not the launch nor the follow-up meeting
    assert rows["Grupo nominal · Mesa 2 · Juventudes"][4:] == ["10", "3"]
    assert rows["Grupo nominal · Mesa 1 · Cabecera municipal"][4] == "12"
    assert rows["Grupo nominal · Mesa 5 · Mujeres"][3:5] == ["Planeada", "—"]
    # Themes grouped: each theme's heading is followed by the table of its proposals, and
    # a proposal appears under its own theme only.
    with Repo.open(demo, read_only=True) as repo:
        active = repo.proposals.list()
        themes = {p.theme for p in active}
        for i, (kind, content) in enumerate(items):
            if kind == "h" and str(content).startswith("Tema: "):
                theme = str(content)[6:].rsplit(" (", 1)[0]
                assert theme in themes
                table = items[i + 1][1]
                titles = {row[1].split("\n")[0] for row in table[1:]}
                assert titles == {p.title for p in active if p.theme == theme}
                themes.discard(theme)
        assert not themes  # every theme had its heading
        joined = [c for k, c in items if k == "t" and c[0][-1] == "Qué pasó"][0]
        what = {row[1].split("\n")[0]: row[3] for row in joined[1:]}
        kept = next(p for p in active if p.title == KEPT)
        assert what["Trabajo para jóvenes en las obras"] == f"unida a la {kept.label}"
        assert what[WITHDRAWN] == "retirada: Ya es un programa del municipio."
        assert WITHDRAWN not in {p.title for p in active}
        # The joined one counts among the origins of the one kept.
        youth = next(c for k, c in items if k == "t" and any(
            row[1].startswith(KEPT) for row in c[1:]))
        origins = next(row[3] for row in youth if row[1].startswith(KEPT))
        assert "Mesa 2 · Juventudes, idea 1" in origins
        assert "oficina · Mesa 2 · Juventudes" in origins
    # The DOCX is a Word document to edit: its title and real headings.
    document = docx.Document(str(word))
    assert document.core_properties.title == "Segundo informe: encuentros ciudadanos"
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)


def test_the_second_report_in_english(demo, tmp_path):
    i18n.set_language("en")
    try:
        with Repo.open(demo, read_only=True) as repo:
            pdf = write_informe2(repo, tmp_path / "report2.pdf")
            text = pdf_text(pdf)
            check_report(repo, text)
            for said in ("Second report: citizen meetings", "1. Introduction",
                         "5. Proposals by theme", "4. Each session's report"):
                assert said in text, said
            for spanish in ("Introducción", "Propuestas sistematizadas", "Sesión programada",
                            "Tema:", "Asistentes", "Segundo informe"):
                assert spanish not in text, spanish
    finally:
        i18n.set_language("es")


def test_a_wrong_extension_writes_nothing(demo, tmp_path):
    with Repo.open(demo, read_only=True) as repo, pytest.raises(InvalidInput) as err:
        write_informe2(repo, tmp_path / "informe2.odt")
    assert "se escribe como .pdf o .docx" in err.value.message
    assert list(tmp_path.iterdir()) == []


def test_the_pal_records_its_public_consultation(demo, tmp_path):
    with Repo.open(demo, read_only=True) as repo:
        counts = repo.consultation.counts()
        pdf, word = write_pal_pdf(repo, tmp_path / "PAL.pdf"), write_pal_docx(
            repo, tmp_path / "PAL.docx")
    assert sum(counts.values()) == 9 and counts[""] == 2
    for text in (pdf_text(pdf), docx_text(word)):
        assert "La consulta pública" in text
        assert ("El borrador «Borrador del PAL 2027-2029, compromiso 1» se sometió a consulta "
                "pública del 17 de mayo de 2027 al 26 de mayo de 2027") in text
        assert "reunión, formato impreso, buzón en la presidencia, correo" in text
        assert "Comentarios recibidos 9" in text
        assert "Incorporado 4" in text and "No aplica 1" in text
        assert "Sin respuesta todavía 2" in text
        assert "Quedan 2 comentarios sin respuesta" in text
        assert "1 comentario repetido se unió a otro igual" in text
        assert "La consulta sigue abierta." in text
        assert "«Informe de respuesta a la consulta pública»" in text
        assert COMMENTER[0] not in text and COMMENTER[1] not in text
    items = docx_items(word)
    heads = [c for k, c in items if k == "h"]
    assert heads.index("La consulta pública") > heads.index("Compromisos")


def test_a_consultation_with_every_comment_answered_says_so(demo, tmp_path):
    copy = tmp_path / "copia.cocrea.db"
    with Repo.open(demo, read_only=True) as repo:
        repo.pf.conn.execute("VACUUM INTO ?", [str(copy)])
    with Repo.open(copy) as repo:
        for x in repo.consultation.unanswered():
            if not x.duplicate_of:
                repo.consultation.answer(x.id, "not", "Ya lo cubre otro compromiso.")
        repo.consultation.close()
        pdf = write_pal_pdf(repo, tmp_path / "PAL.pdf")
    text = pdf_text(pdf)
    assert "Cada comentario recibió una respuesta razonada" in text
    assert "Sin respuesta todavía" not in text and "Quedan" not in text
    assert "La consulta se cerró el" in text


def test_a_plan_without_consultation_has_no_such_section(tmp_path, repo):
    repo.add_session(method="nominal_group", question="¿Qué falta?")
    text = pdf_text(write_pal_pdf(repo, tmp_path / "PAL.pdf"))
    assert "Plan de Acción Local" in text and "La consulta pública" not in text
    text = pdf_text(write_informe2(repo, tmp_path / "informe2.pdf"))
    assert "El proceso aún no tiene propuestas." in text


def test_the_pal_counts_a_sessions_attendance_once(tmp_path, repo):
    """Sex and age count the same ten people: the PAL said 20 (their sum) when the session
    had no typed count; it says 10, as the process report and the second report do."""
    sid, _c = repo.add_session(method="nominal_group", question="¿Qué falta?",
                               table_label="Mesa 1")
    repo.attendance.set_counts(sid, "sex", {"mujer": 6, "hombre": 4})
    repo.attendance.set_counts(sid, "age_band", {"18_29": 3, "30_44": 7})
    word = write_pal_docx(repo, tmp_path / "PAL.docx")
    rows = [r for k, c in docx_items(word) if k == "t" and c[0][-1] == "Asistentes"
            for r in c[1:]]
    assert [r[-1] for r in rows] == ["10"]
    informe = docx_items(write_informe2(repo, tmp_path / "informe2.docx"))
    meetings = next(c for k, c in informe if k == "t" and c[0][-2] == "Asistentes")
    assert meetings[1][4] == "10"
