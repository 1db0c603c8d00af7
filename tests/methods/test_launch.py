"""The launch of the PAL (method ``launch``), Qt-free: the agenda with a clock per item,
the commitments shown one by one with the stage each was in, signatures, bad input
refused with nothing changed, the room view, the acta PDF read back, the open data
(no names), the CLI and a bundle round trip that carries the method's tables."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export.opendata import export_open_data
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.methods.launch.pdf import render_acta
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return create_demo(tmp_path_factory.mktemp("launch") / "demo.cocrea.db")


@pytest.fixture
def demo(demo_file, tmp_path):
    path = tmp_path / "demo.cocrea.db"
    path.write_bytes(demo_file.read_bytes())
    repo = Repo.open(path, clock=FakeClock(time.time()))
    sid = next(s.id for s in repo.sessions() if s.method == "launch")
    yield repo, sid
    repo.close()


@pytest.fixture
def fresh(demo):
    """A new launch session in the demo process (its plan has three commitments)."""
    repo, _sid = demo
    sid, _c = repo.add_session(method="launch", question="Lanzamiento del PAL",
                               participant_count=80, place="Cancha municipal")
    return repo, sid


def journal(repo) -> int:
    return repo.pf.conn.execute("SELECT COUNT(*) FROM journal").fetchone()[0]


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "acta.pdf"
    path.write_bytes(data)
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_the_agenda_runs_item_by_item_with_a_clock_each(fresh):
    repo, sid = fresh
    la, clock = repo.launch, repo.pf.clock
    la.add_item(sid, "Bienvenida", presenter="Presidencia municipal", minutes=5)
    la.add_item(sid, "Presentación del plan", presenter="STL", minutes="20")
    repo.phases.go_to(sid, "agenda")
    item, _c = la.next(sid)
    assert item.number == 1 and la.current_item(sid).id == item.id
    state = room_state(repo, sid)
    assert state.question == "Punto 1: Bienvenida" and state.timer_state == "running"
    assert 290 < state.timer_seconds <= 300 and state.footer == "Presenta: Presidencia municipal"
    clock.advance(7 * 60)
    assert room_state(repo, sid).timer_state == "expired"
    item, _c = la.next(sid)
    assert item.number == 2
    first = la.items(sid)[0]
    assert first.closed and first.seconds == pytest.approx(420, abs=1)
    # the room sees what is under way and what follows, not what is over
    assert [i.number for i in room_state(repo, sid).items] == ["2"]
    clock.advance(60)
    la.close_item(sid)
    assert la.current_item(sid) is None and la.items(sid)[1].seconds == pytest.approx(60, abs=1)
    with pytest.raises(RuleViolation):
        la.next(sid)


def test_bad_agenda_input_is_refused_and_nothing_changes(fresh):
    repo, sid = fresh
    before = journal(repo)
    for title, minutes in (("", 10), ("Bienvenida", 0), ("Bienvenida", "diez"),
                           ("Bienvenida", 500)):
        with pytest.raises(InvalidInput):
            repo.launch.add_item(sid, title, minutes=minutes)
    with pytest.raises(RuleViolation):
        repo.launch.close_item(sid)
    assert journal(repo) == before and repo.launch.items(sid) == []


def test_the_commitments_are_shown_one_by_one_with_their_stage(fresh):
    repo, sid = fresh
    la = repo.launch
    repo.phases.go_to(sid, "agenda")
    repo.phases.go_to(sid, "plan")
    assert room_state(repo, sid).footer == "El plan tiene 4 compromisos"
    la.step(sid, 1)
    assert la.shown(sid).label == "1"
    before = journal(repo)
    with pytest.raises(RuleViolation, match="primer"):
        la.step(sid, -1)
    assert journal(repo) == before
    la.step(sid, 1)
    state = room_state(repo, sid)
    assert state.phase == "Compromiso 2: Tablero ciudadano de obras"
    assert [i.text for i in state.items] == [
        "Formato único de expediente de obra acordado con los comités",
        "Tablero impreso en cada agencia, actualizado cada mes"]
    assert state.items[0].note == "Tesorería Municipal · 31 de octubre de 2027"
    assert state.question.startswith("Qué resuelve: Los comités no conocen")
    assert state.footer == "Responsable: Tesorería Municipal · C.P. Andrés Morales Ruiz"
    assert state.items_title == "Hitos y fechas · compromiso 2 de 4"
    la.step(sid, 1)
    la.step(sid, 1)  # the fourth: the one drafted from the fair's signed letter
    with pytest.raises(RuleViolation, match="último"):
        la.step(sid, 1)
    la.show(sid, "1")  # back to the first: shown again, recorded once
    assert la.shown(sid).label == "1"
    presented = la.presented(sid)
    assert [(p.label, p.stage, p.milestones) for p in presented] == [
        ("1", "consultation", 3), ("2", "draft", 2), ("3", "draft", 2), ("4", "draft", 3)]


def test_signatures_and_the_closing_note(fresh):
    repo, sid = fresh
    la = repo.launch
    la.add_signature(sid, name="Rosa Martínez Cruz", post="Presidenta municipal")
    la.add_signature(sid, name="Mtra. Elena Vásquez Ortiz", post="Comisionada", signed=False)
    before = journal(repo)
    with pytest.raises(RuleViolation):
        la.add_signature(sid, name="rosa martínez cruz")
    with pytest.raises(InvalidInput):
        la.add_signature(sid, name="   ")
    with pytest.raises(InvalidInput):
        la.set_closing_note(sid, "x" * 5000)
    assert journal(repo) == before
    la.set_closing_note(sid, "Se firmó a las 12:40.")
    assert la.closing_note(sid) == "Se firmó a las 12:40."
    repo.phases.go_to(sid, "agenda")
    repo.phases.go_to(sid, "plan")
    repo.phases.go_to(sid, "closing")
    state = room_state(repo, sid)
    assert [i.text for i in state.items] == ["Rosa Martínez Cruz"]  # who signed
    assert state.footer == "1 firma"


def test_the_demo_acta_reads_back(demo, tmp_path):
    repo, sid = demo
    text = pdf_text(render_acta(repo, sid), tmp_path)
    for expected in ("Acta del lanzamiento del Plan de Acción Local", "Asistentes: 134",
                     "Sexo: Mujer (71), Hombre (63)", "Bienvenida y honores a la bandera",
                     "(duró 12:00 min)", "Compromiso 1: Tandeo de agua con calendario público",
                     "versión presentada: listo para consulta", "Hito 2: Reparar las fugas",
                     "Se presentaron compromisos que aún no eran la versión final",
                     "Rosa Martínez Cruz, Presidenta municipal", "asistió sin firmar",
                     "Nota de cierre", "cada tres meses"):
        assert expected in " ".join(text.split()), expected


def test_open_data_publishes_the_agenda_and_the_commitments_without_names(demo, tmp_path):
    repo, sid = demo
    result = export_open_data(repo, tmp_path / "abiertos")
    assert result.leaks == []
    doc = json.loads((tmp_path / "abiertos" / "datos.json").read_text("utf-8"))
    tables = doc["tables"] if "tables" in doc else doc
    agenda = [r for r in tables["launch_agenda"] if r["session_id"] == sid]
    assert [r["minutes"] for r in agenda] == [10, 15, 30, 10, 10]
    assert agenda[0]["seconds"] == 720 and agenda[0]["status"] == "closed"
    presented = [r for r in tables["launch_presented"] if r["session_id"] == sid]
    assert [(r["commitment"], r["stage"]) for r in presented] == [
        ("1", "consultation"), ("2", "draft"), ("3", "draft"), ("4", "draft")]
    every = json.dumps(tables["launch_agenda"] + tables["launch_presented"],
                       ensure_ascii=False)
    assert "Rosa Martínez" not in every and "Elena Vásquez" not in every


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_launch_from_the_command_line(demo, tmp_path):
    repo, _sid = demo
    sid, _c = repo.add_session(method="launch", question="Lanzamiento")
    path = repo.path
    repo.close()
    s = sid[:8]
    assert "presenta: Presidencia" in run("launch", "add-item", str(path), s, "Bienvenida",
                                          "--presenter", "Presidencia", "--minutes", "5")
    assert "(en curso)" in run("launch", "next", str(path), s)
    assert "Tablero ciudadano" in run("launch", "present", str(path), s, "2")
    assert "firmó" in run("launch", "sign", str(path), s, "Rosa Martínez Cruz", "--post",
                          "Presidenta municipal")
    bad = CliRunner().invoke(cli, ["launch", "add-item", str(path), s, "X", "--minutes",
                                   "0"])
    assert bad.exit_code != 0 and "minutos" in bad.output
    run("launch", "note", str(path), s, "Se firmó el plan.")
    shown = json.loads(run("launch", "show", str(path), s, "--json"))
    assert shown["presented"] == [{"commitment": "2", "name": "Tablero ciudadano de obras",
                                   "stage": "draft", "milestones": 2}]
    assert shown["closing_note"] == "Se firmó el plan." and len(shown["agenda"]) == 1
    assert "(borrador)" in run("launch", "show", str(path), s)
    out = tmp_path / "acta.pdf"
    run("launch", "acta", str(path), s, "-o", str(out))
    assert "Tablero ciudadano de obras" in PdfReader(out).pages[0].extract_text()


def test_a_bundle_carries_the_launch(demo, tmp_path):
    repo, sid = demo
    data = B.export_bundle(repo.path, device=repo.pf.device).data
    target = Repo(B.new_process_from_bundle(tmp_path / "copia.cocrea.db",
                                            device=repo.pf.device))
    try:
        B.import_bundle(target.pf, B.open_bundle(data))
        assert target.launch.items(sid) == repo.launch.items(sid)
        assert target.launch.presented(sid) == repo.launch.presented(sid)
        assert target.launch.signatures(sid) == repo.launch.signatures(sid)
        assert target.launch.closing_note(sid) == repo.launch.closing_note(sid)
        assert target.pf.verify_journal().ok
    finally:
        target.close()


def test_a_bigger_demo_without_the_plan_still_seeds_both_sessions(tmp_path):
    """The demo seeds a launch and a follow-up meeting after its plan (AFTER_PLAN); a
    bigger demo (sessions=N) writes no plan, and both still seed, with nothing to show."""
    with Repo.open(create_demo(tmp_path / "big.cocrea.db", sessions=13)) as repo:
        launch = next(s.id for s in repo.sessions() if s.method == "launch")
        meeting = next(s.id for s in repo.sessions() if s.method == "followup_meeting")
        assert repo.commitments.list() == []
        assert len(repo.launch.items(launch)) == 5 and repo.launch.presented(launch) == []
        assert repo.followup_meeting.agreements(meeting) == []
        assert room_state(repo, launch).items_title == "Firman el Plan de Acción Local"
