"""The follow-up meeting (method ``followup_meeting``), Qt-free: the milestones due by
the cut-off and not done, their status as of the meeting's date, the review kept as the
meeting saw it, agreements that record a milestone's new status in the plan's follow-up,
bad input refused with nothing changed, the room view, the acta PDF read back, the open
data, the CLI and a bundle round trip that carries the method's tables."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cocrea_desktop.cli import cli
from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export.opendata import export_open_data
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.methods.followup_meeting.pdf import render_acta
from cocrea_desktop.store.demo import create_demo
from cocrea_desktop.store.repo import Repo


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return create_demo(tmp_path_factory.mktemp("meeting") / "demo.cocrea.db")


@pytest.fixture
def demo(demo_file, tmp_path):
    path = tmp_path / "demo.cocrea.db"
    path.write_bytes(demo_file.read_bytes())
    repo = Repo.open(path, clock=FakeClock(time.time()))
    sid = next(s.id for s in repo.sessions() if s.method == "followup_meeting")
    yield repo, sid
    repo.close()


@pytest.fixture
def fresh(demo):
    repo, _sid = demo
    sid, _c = repo.add_session(method="followup_meeting", question="Seguimiento",
                               date="2027-12-01", participant_count=9)
    return repo, sid


def journal(repo) -> int:
    return repo.pf.conn.execute("SELECT COUNT(*) FROM journal").fetchone()[0]


def test_the_list_due_by_the_cutoff_with_the_status_at_the_meeting(fresh):
    repo, sid = fresh
    fm = repo.followup_meeting
    assert fm.cutoff(sid) == "2027-12-01"  # by default the meeting's date
    # 1.1 is done; 2.1 (due 31 Oct) is late; 3.1 (due 15 Nov) was never started: late
    assert [(r.label, r.status, r.percent) for r in fm.review_list(sid)] == [
        ("2.1", "late", 60), ("3.1", "late", 0)]
    fm.set_cutoff(sid, "29/02/2028")
    assert fm.cutoff(sid) == "2028-02-29"
    rows = fm.review_list(sid)
    # 3.2 is due on 28 Feb 2028, after the meeting's date: not late yet at the meeting
    assert [(r.label, r.status) for r in rows] == [("2.1", "late"), ("3.1", "late"),
                                                   ("3.2", "not_started")]
    assert not rows[0].recorded
    before = journal(repo)
    with pytest.raises(InvalidInput, match="dd/mm/aaaa"):
        fm.set_cutoff(sid, "31/02/2028")
    assert journal(repo) == before
    repo.phases.go_to(sid, "review")
    state = room_state(repo, sid)
    assert state.question == "Hitos que vencen al 29 de febrero de 2028"
    assert [i.number for i in state.items] == ["2.1", "3.1", "3.2"]
    assert state.items[0].note.startswith("atrasado · 60 % · vence el 31 de octubre de 2027")
    assert state.footer == "3 hitos pendientes"


def test_the_review_is_kept_as_the_meeting_saw_it(fresh):
    repo, sid = fresh
    fm = repo.followup_meeting
    fm.set_cutoff(sid, "2028-02-29")
    fm.record_review(sid)
    assert all(r.recorded for r in fm.review_list(sid))
    # A record dated after the meeting does not change what the meeting sees...
    repo.followup.record("3.1", status="done", date="2028-03-10")
    assert [s.label for s in fm.due(sid)] == ["2.1", "3.1", "3.2"]
    # ...and one typed in later but dated before it changes the list due, never the
    # review the meeting recorded (the acta still says what it saw).
    repo.followup.record("2.1", status="done", date="2027-11-30")
    assert [s.label for s in fm.due(sid)] == ["3.1", "3.2"]
    assert [(r.label, r.status) for r in fm.review_list(sid)][0] == ("2.1", "late")
    # A new cut-off: the list stands as it is now until the review is recorded again.
    fm.set_cutoff(sid, "2027-11-30")
    assert [(r.label, r.recorded) for r in fm.review_list(sid)] == [("3.1", False)]
    fm.record_review(sid)
    assert [(r.label, r.recorded) for r in fm.review_list(sid)] == [("3.1", True)]


def test_an_agreement_may_record_a_new_status_in_the_follow_up(fresh):
    repo, sid = fresh
    fm = repo.followup_meeting
    agreement, _c = fm.add_agreement(sid, text="La Tesorería visita las agencias.",
                                     milestone="2.1", responsible="Tesorería",
                                     due="15/01/2028", status="in_progress", percent=80)
    assert agreement.label == "2.1" and agreement.due_date == "2028-01-15"
    assert agreement.new_status == "in_progress" and agreement.new_percent == 80
    latest = repo.followup.state("2.1").latest
    assert latest.id == agreement.progress_id and latest.date == "2027-12-01"
    assert latest.percent == 80 and "Acuerdo de la reunión" in latest.note
    general, _c = fm.add_agreement(sid, text="Próxima reunión en marzo.")
    assert general.number == 2 and general.label == "" and general.progress_id == ""
    before = journal(repo), len(repo.followup.records())
    with pytest.raises(InvalidInput):
        fm.add_agreement(sid, text="")
    with pytest.raises(NotFound):
        fm.add_agreement(sid, text="Algo", milestone="9.9")
    with pytest.raises(InvalidInput, match="fecha"):
        fm.add_agreement(sid, text="Algo", due="mañana")
    with pytest.raises(InvalidInput, match="elija el hito"):
        fm.add_agreement(sid, text="Algo", status="done")
    with pytest.raises(InvalidInput, match="100"):
        fm.add_agreement(sid, text="Ya quedó", milestone="3.1", status="done", percent=50)
    with pytest.raises(InvalidInput, match="cancela"):
        fm.add_agreement(sid, text="Se cancela", milestone="3.1", status="cancelled")
    assert (journal(repo), len(repo.followup.records())) == before
    repo.phases.go_to(sid, "review")
    repo.phases.go_to(sid, "agreements")
    state = room_state(repo, sid)
    assert [i.text for i in state.items] == ["La Tesorería visita las agencias.",
                                             "Próxima reunión en marzo."]
    assert "nuevo estado: en proceso, 80 %" in state.items[0].note


def test_the_demo_acta_reads_back(demo, tmp_path):
    repo, sid = demo
    path = tmp_path / "acta.pdf"
    path.write_bytes(render_acta(repo, sid))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    for expected in ("Acta de la reunión de seguimiento del PAL", "Asistentes: 11",
                     "Hitos revisados (vencen al 29 de febrero de 2028)",
                     "Hito 2.1: Formato único de expediente de obra acordado con los comités "
                     "— atrasado · 60 %", "Hito 3.2: Instalación del consejo — sin iniciar",
                     "Acuerdo 2 (hito 3.1)", "nuevo estado: en proceso, 50 %",
                     "Acuerdo 4 (general)", "Presidencia del comité"):
        assert expected in text, expected


def test_open_data_publishes_the_review_and_the_agreements(demo, tmp_path):
    repo, sid = demo
    result = export_open_data(repo, tmp_path / "abiertos")
    assert result.leaks == []
    doc = json.loads((tmp_path / "abiertos" / "datos.json").read_text("utf-8"))
    tables = doc["tables"] if "tables" in doc else doc
    reviews = [r for r in tables["followup_meeting_reviews"] if r["session_id"] == sid]
    assert [(r["milestone"], r["status"], r["percent"], r["cutoff"]) for r in reviews] == [
        ("2.1", "late", 60, "2028-02-29"), ("3.1", "late", 0, "2028-02-29"),
        ("3.2", "not_started", 0, "2028-02-29")]
    agreements = [r for r in tables["followup_meeting_agreements"] if r["session_id"] == sid]
    assert [(r["milestone"], r["new_status"]) for r in agreements] == [
        ("2.1", ""), ("3.1", "in_progress"), ("3.2", ""), ("", "")]
    assert "responsible" not in agreements[0]


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_follow_up_meeting_from_the_command_line(demo, tmp_path):
    repo, _sid = demo
    sid, _c = repo.add_session(method="followup_meeting", question="Seguimiento",
                               date="2028-01-20")
    path = repo.path
    repo.close()
    s = sid[:8]
    run("meeting", "cutoff", str(path), s, "29/02/2028")
    due = json.loads(run("meeting", "due", str(path), s, "--json"))
    assert [m["milestone"] for m in due["milestones"]] == ["2.1", "3.1", "3.2"]
    assert "Hito 3.2" in run("meeting", "review", str(path), s)
    out = run("meeting", "agree", str(path), s, "Publicar la convocatoria", "--milestone",
              "3.1", "--status", "in_progress", "--percent", "40", "--due", "01/03/2028")
    assert "nuevo estado: en proceso, 40 %" in out
    bad = CliRunner().invoke(cli, ["meeting", "agree", str(path), s, "Listo", "--milestone",
                                   "3.1", "--status", "done", "--percent", "40"])
    assert bad.exit_code != 0 and "100 %" in bad.output
    assert len(json.loads(run("meeting", "agreements", str(path), s, "--json"))) == 1
    run("meeting", "note", str(path), s, "Se levanta la sesión.")
    pdf = tmp_path / "acta.pdf"
    run("meeting", "acta", str(path), s, "-o", str(pdf))
    assert "Se levanta la sesión." in PdfReader(pdf).pages[0].extract_text()


def test_a_bundle_carries_the_meeting(demo, tmp_path):
    repo, sid = demo
    data = B.export_bundle(repo.path, device=repo.pf.device).data
    target = Repo(B.new_process_from_bundle(tmp_path / "copia.cocrea.db",
                                            device=repo.pf.device))
    try:
        B.import_bundle(target.pf, B.open_bundle(data))
        fm, theirs = repo.followup_meeting, target.followup_meeting
        assert theirs.recorded(sid) == fm.recorded(sid) and len(fm.recorded(sid)) == 3
        assert theirs.agreements(sid) == fm.agreements(sid)
        assert theirs.cutoff(sid) == "2028-02-29"
        assert target.followup.state("3.1").percent == 50
        assert target.pf.verify_journal().ok
    finally:
        target.close()
