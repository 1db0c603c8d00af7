"""Proposals pooled across tables: promoted with their origin, numbered per laptop,
joined without losing an origin, and merged from two laptops' bundles."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.errors import InvalidInput, NotFound, RuleViolation
from cocrea_desktop.export import bundle as B
from tests.export.bundle_helpers import CREATED, device, laptop_copy, nominal_group, office_process


def test_a_promoted_result_keeps_its_origin_and_is_promoted_once(repo, fake_clock):
    sid = nominal_group(repo, "Mesa 3 · Salud", ["Más médicos en la clínica"], [], fake_clock)
    idea = repo.ideas.list(sid)[0]
    proposal, changes = repo.proposals.add(
        "Médico de planta en la clínica", problem="La clínica abre dos días por semana",
        theme="Salud", session_id=sid, source_kind="option", source_id=idea.id,
        source={"number": "1", "line": "12 puntos en 5 boletas"})
    assert "proposal" in changes.tables
    assert (proposal.label, proposal.table_label, proposal.theme) == ("1", "Mesa 3 · Salud",
                                                                      "Salud")
    assert proposal.origins[0].source["line"] == "12 puntos en 5 boletas"
    with pytest.raises(RuleViolation, match="ya es la propuesta 1"):
        repo.proposals.add("Otra vez", session_id=sid, source_kind="option",
                           source_id=idea.id)
    assert len(repo.proposals.list()) == 1


def test_bad_input_is_refused_and_changes_nothing(repo):
    head = repo.journal_head()
    with pytest.raises(InvalidInput, match="necesita un título"):
        repo.proposals.add("   ")
    with pytest.raises(InvalidInput, match="demasiado largo"):
        repo.proposals.add("Título", description="x" * 5000)
    assert repo.journal_head() == head and repo.proposals.list() == []


def test_joined_duplicates_keep_both_origins_and_can_be_separated(repo, fake_clock):
    a = nominal_group(repo, "Mesa 1", ["Alumbrado"], [], fake_clock)
    b = nominal_group(repo, "Mesa 2", ["Luminarias"], [], fake_clock)
    pa, _c = repo.proposals.add("Alumbrado público", theme="Servicios", session_id=a,
                                source_id=repo.ideas.list(a)[0].id, source_kind="option")
    pb, _c = repo.proposals.add("Luminarias en la calle", theme="Servicios", session_id=b,
                                source_id=repo.ideas.list(b)[0].id, source_kind="option")
    repo.proposals.join(pa.id, pb.id)
    kept = repo.proposals.get(pa.id)
    assert [o.table_label for o in kept.origins] == ["Mesa 1", "Mesa 2"]
    assert [p.label for p in repo.proposals.list()] == ["1"]
    assert [p.label for p in repo.proposals.list(table="Mesa 2")] == ["1"]
    repo.undo()
    assert len(repo.proposals.list()) == 2
    repo.redo()
    repo.proposals.separate(pb.id)
    assert len(repo.proposals.list(theme="servicios")) == 2
    with pytest.raises(InvalidInput):
        repo.proposals.join(pa.id, pa.id)


def test_two_table_laptops_merge_their_proposals_at_the_office(tmp_path):
    office_dev, one, two = device("oficina"), device("mesa-1"), device("mesa-2")
    clock = FakeClock()
    office = office_process(tmp_path / "oficina.db", office_dev, clock)
    laptops = [laptop_copy(office, tmp_path / f"{d.name}.db", d, clock) for d in (one, two)]
    for laptop, table in zip(laptops, ("Mesa 1 · Seguridad", "Mesa 2 · Salud"), strict=True):
        sid = nominal_group(laptop, table, ["Primera", "Segunda"], [], clock)
        for idea in laptop.ideas.list(sid):
            clock.advance(1)
            laptop.proposals.add(idea.text + " (" + table + ")", session_id=sid,
                                 source_kind="option", source_id=idea.id)
    for laptop, dev in zip(laptops, (one, two), strict=True):
        data = B.export_bundle(laptop.path, device=dev, created_at=CREATED).data
        B.import_bundle(office.pf, B.open_bundle(data), accept_key=True)
    pooled = office.proposals.list()
    # Two laptops both gave 1 and 2: the first keeps them, the other shows its name.
    assert [p.label for p in pooled] == ["1", "2", "mesa-2 · 1", "mesa-2 · 2"]
    assert office.proposals.tables() == ["Mesa 1 · Seguridad", "Mesa 2 · Salud"]
    assert [p.label for p in office.proposals.list(table="Mesa 2 · Salud")] == [
        "mesa-2 · 1", "mesa-2 · 2"]
    assert office.proposals.by_label("MESA-2-2").label == "mesa-2 · 2"
    # Typed as a list, a label with the table's name keeps its inner spaces.
    typed = office.proposals.by_labels(["2 mesa-2 · 1, MESA-2-2; 1", "mesa-2 - 1 2"])
    assert [p.label for p in typed] == ["2", "mesa-2 · 1", "mesa-2 · 2", "1", "mesa-2 · 1", "2"]
    with pytest.raises(NotFound, match="mesa-3 · 1"):
        office.proposals.by_labels(["1 mesa-3 · 1"])


def test_a_result_offers_its_ranked_options_with_their_votes(repo, fake_clock):
    sid = nominal_group(repo, "Mesa 1", ["Alumbrado", "Bacheo", "Drenaje", "Escuela"],
                        ["3 1 2", "3 2 1", "1 3 4"], fake_clock)
    offered = repo.proposals.result(sid)
    assert [(i.source_kind, i.number) for i in offered][:2] == [("idea", 3), ("idea", 1)]
    best = offered[0]
    assert best.title == "Drenaje" and best.source["rank"] == 1 and best.source["votes"]
    proposal, _c = repo.proposals.promote(sid, best.source_kind, best.source_id,
                                          theme="Servicios")
    assert proposal.source["votes"] == best.source["votes"] and proposal.title == "Drenaje"
    assert proposal.source["unit"] == "points" and "line" not in proposal.source
    assert repo.proposals.result(sid)[0].proposal_label == proposal.label
    with pytest.raises(RuleViolation, match="ya es la propuesta"):
        repo.proposals.promote(sid, best.source_kind, best.source_id)


def test_add_many_is_all_or_nothing_and_names_the_bad_row(repo):
    head = repo.journal_head()
    with pytest.raises(InvalidInput, match="Fila 3: Cada propuesta necesita un título"):
        repo.proposals.add_many([{"title": "Uno"}, {"title": "Dos"}, {"title": " "}],
                                lines=[2, 4, 3])
    assert repo.journal_head() == head and repo.proposals.list() == []
    added, changes = repo.proposals.add_many([
        {"title": "Uno", "theme": "Salud", "table_label": "Mesa 9"}, {"title": "Dos"}])
    assert [p.label for p in added] == ["1", "2"] and "proposal" in changes.tables
    assert repo.proposals.tables() == ["Mesa 9"]
    repo.undo()
    assert repo.proposals.list() == []


def test_statuses_and_origins_are_said_in_words(repo):
    from cocrea_desktop.i18n import set_language
    from cocrea_desktop.store.proposals import origin_words, status_word

    proposal, _c = repo.proposals.add("Ventanilla única", table_label="Solicitud por escrito")
    assert origin_words(proposal) == "oficina · Solicitud por escrito"
    assert status_word("joined") == "unida"
    set_language("en")
    try:
        assert status_word("withdrawn") == "withdrawn"
    finally:
        set_language("es")


def test_the_origin_is_worded_in_the_language_shown_not_the_one_promoted_in(repo, fake_clock):
    from cocrea_desktop.i18n import set_language
    from cocrea_desktop.store.proposals import origin_words

    sid = nominal_group(repo, "Mesa 1", ["Alumbrado", "Bacheo", "Drenaje", "Escuela"],
                        ["3 1 2", "3 2 1", "1 3 4"], fake_clock)
    set_language("en")
    try:
        best = repo.proposals.result(sid)[0]
        proposal, _c = repo.proposals.promote(sid, best.source_kind, best.source_id)
        english = origin_words(proposal)
        assert "points" in english and "puntos" not in english
    finally:
        set_language("es")
    spanish = origin_words(repo.proposals.get(proposal.id))
    assert spanish.startswith("Mesa 1, idea 3 (1.º, ") and spanish.endswith(" puntos)")
    assert "points" not in spanish


def test_an_older_file_origin_in_words_is_worded_again(repo):
    """Files made before the facts were kept hold the line and letters in words, in the
    language of the day they were promoted: shown in the language of now."""
    from cocrea_desktop.i18n import set_language
    from cocrea_desktop.store.proposals import ProposalOrigin, origin_words

    def origin(source):
        return ProposalOrigin("x", "1", "s", "Mesa 1", "idea", "3", source)

    old_english = origin({"number": "3", "rank": 5, "votes": 14, "line": "14 points"})
    assert origin_words(old_english) == "Mesa 1, idea 3 (5.º, 14 puntos)"
    old_fair = origin({"number": "1", "rank": 1, "line": "9 puntos",
                       "letters": "cartas: CC-002"})
    set_language("en")
    try:
        assert origin_words(old_fair) == "Mesa 1, idea 1 (#1, 9 points, letters: CC-002)"
        odd = origin({"number": "2", "line": "a mano alzada: 41 a favor"})
        assert origin_words(odd) == "Mesa 1, idea 2 (a mano alzada: 41 a favor)"
    finally:
        set_language("es")
