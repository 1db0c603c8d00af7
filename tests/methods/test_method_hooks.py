"""What a method adds, found through its package's modules by name (issue 13), without Qt:
the relatoría's words (``report``), the room's views (``room``), its personal fields."""

from __future__ import annotations

import io

from pypdf import PdfReader

from cocrea_desktop.export.pdf.session_reports import render_session_report
from cocrea_desktop.export.relatoria import relatoria_headings, session_relatoria
from cocrea_desktop.export.room_state import room_state
from cocrea_desktop.store.migrations import PERSONAL_FIELDS
from cocrea_desktop.store.repo import Repo


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(io.BytesIO(data)).pages)


def test_the_fishbowl_relatoria_words_come_from_its_report_module(tmp_path):
    with Repo.create(tmp_path / "p.cocrea.db", name="P") as repo:
        sid, _c = repo.add_session(method="fishbowl", question="¿Cómo repartir las obras?")
        first, _c = repo.ideas.add(sid, "Obras por población")
        repo.ideas.add(sid, "Caminos primero")
        cluster, _c = repo.ideas.add_cluster(sid, "Repartir por población")
        repo.ideas.set_cluster([first.id], cluster.id)
        facts = session_relatoria(repo, sid)
        assert [(i.number, i.text, i.cell()) for i in facts.ideas] == [
            (1, "Obras por población", "Vigente · grupo de ideas 1"),
            (2, "Caminos primero", "Vigente · sin grupo de ideas: no se votó")]
        assert [t for t, _text in facts.fields][:2] == [
            "Temas que plantearon varias posturas", "Temas que planteó una sola postura"]
        assert [s.title for s in facts.sections][-2:] == [
            "Grupos de ideas", "Ideas sin grupo de ideas (no se votaron)"]
        assert [t for _k, t in relatoria_headings("fishbowl")][:2] == [
            "Temas que plantearon varias posturas", "Temas que planteó una sola postura"]
        text = _pdf_text(render_session_report(repo, sid, "relatoria"))
        assert "grupo de ideas 1" in text and "sin grupo de ideas: no se votó" in text
        assert "Ideas sin grupo de ideas (no se votaron)" in text
        assert "Temas que plantearon varias posturas" in text and "Convergencias" not in text

        other, _c = repo.add_session(method="nominal_group", question="¿Qué falta?")
        repo.ideas.add(other, "Agua")
        assert [(i.number, i.cell()) for i in session_relatoria(repo, other).ideas] == [
            (1, "Vigente")]
        assert session_relatoria(repo, other).sections == ()
        assert "Convergencias" in _pdf_text(render_session_report(repo, other, "relatoria"))


def test_the_room_view_of_a_methods_own_phase_comes_from_its_room_module(tmp_path):
    with Repo.create(tmp_path / "p.cocrea.db", name="P") as repo:
        sid, _c = repo.add_session(method="idea_fair", question="¿Qué proyectos?")
        repo.fair.add_stand(sid, title="Huertos escolares")
        room = room_state(repo, sid)  # registration: the fair's teams phase
        assert (room.mode, room.items_title) == ("fair", "Stands")
        assert [i.text for i in room.items] == ["Huertos escolares"]


def test_personal_fields_are_the_union_of_the_cores_and_the_methods():
    assert PERSONAL_FIELDS["person"] == ("name", "phone", "salt")
    assert PERSONAL_FIELDS["fair_stand"] == ("contact_name", "contact_phone", "salt")
    assert PERSONAL_FIELDS["fishbowl_group"] == ("members", "salt")
    assert PERSONAL_FIELDS["process"] == ("ballot_secret",)
