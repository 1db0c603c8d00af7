"""Prioritisation's store (Qt-free): the table, criteria, sheets, the core's tally,
sensitivity and the agreement; bad input refused in Spanish and changing nothing."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.methods.prioritisation.store import CriterionSpec, split_row
from cocrea_desktop.store.migrations import known_names
from cocrea_desktop.store.repo import Repo


def journal(repo):
    return repo.pf.scalar("SELECT COUNT(*) FROM journal")


def test_tables_come_from_its_migrations(prio):
    repo, sid = prio
    assert "prioritisation_0001_tables" in known_names()
    items = repo.prioritisation.items(sid)
    assert [i.number for i in items] == [1, 2, 3, 4]
    assert items[0].title == "Pozo para la colonia Centro"
    assert [o.number for o in repo.votes.options_for(sid)] == [1, 2, 3, 4]
    setup = repo.prioritisation.setup(sid)
    assert len(setup.criteria) == 5 and setup.preset == "durango"
    assert setup.criteria[2].question == "¿Qué tan urgente es atenderlo?"
    assert setup.evaluators == 3 and setup.group_text() == "Integrantes del STL"


def test_rows_typed_fast_and_the_tally_leaves_missing_out(prio):
    repo, sid = prio
    store = repo.prioritisation
    assert split_row("45345", 5) == "4 5 3 4 5"
    store.enter_row(sid, 1, 1, "55555")
    store.enter_row(sid, 1, 2, "3 3 3 3 3")
    store.enter_row(sid, 2, 1, "4444-")  # the last one missing: left out, never a 0
    store.enter_row(sid, 2, 2, "22222")
    result = store.tally(sid)
    row1 = result.row(1)
    assert row1.means == (4.5, 4.5, 4.5, 4.5, 5.0)
    assert row1.scored == (2, 2, 2, 2, 1)
    assert row1.score == pytest.approx(23.0)
    assert row1.rank == 1 and result.row(2).rank == 2
    # Proposals 3 and 4 have no scores: no score, no rank, said in the notes.
    assert result.row(3).score is None and result.row(3).rank is None
    assert any("propuesta 1" in n and "falta 1 calificación" in n for n in result.notes)
    # Typing a row again replaces it.
    store.enter_row(sid, 2, 1, "44444")
    assert store.tally(sid).row(1).scored[4] == 2


@pytest.mark.parametrize("text, said", [
    ("4534", "tiene 4 cifras y hay 5 criterios"),
    ("4 5 3 4 5 1", "tiene 6 cifras"),
    ("45375", "la calificación va de 1 a 5, no 7"),
    ("4 5 a 4 5", "no es una calificación"),
    ("", "La fila está vacía"),
])
def test_a_mistyped_row_is_refused_in_spanish_and_changes_nothing(prio, text, said):
    repo, sid = prio
    before = journal(repo)
    with pytest.raises(InvalidInput) as err:
        repo.prioritisation.enter_row(sid, 1, 1, text)
    assert said in str(err.value)
    assert journal(repo) == before and not repo.prioritisation.has_scores(sid)


def test_sheets_and_proposals_outside_the_setup_are_refused(prio):
    repo, sid = prio
    with pytest.raises(InvalidInput, match="Hay 3 hojas: la hoja 4 no existe"):
        repo.prioritisation.enter_row(sid, 4, 1, "55555")
    with pytest.raises(Exception, match="La propuesta 9 no está en la mesa"):
        repo.prioritisation.enter_row(sid, 1, 9, "55555")


def test_criteria_checked_and_locked_once_scored(prio):
    repo, sid = prio
    store = repo.prioritisation
    with pytest.raises(InvalidInput, match="debe ser mayor que cero"):
        store.set_criteria(sid, [CriterionSpec("Costo", weight=0)])
    with pytest.raises(InvalidInput, match="está dos veces"):
        store.set_criteria(sid, [CriterionSpec("Costo"), CriterionSpec("costo")])
    store.set_criteria(sid, [CriterionSpec("Costo", "¿Cuánto cuesta?", 2, False),
                             CriterionSpec("Urgencia")], preset="own")
    rule = store.rule(sid)
    assert [c.weight for c in rule.criteria] == [2.0, 1.0]
    assert not rule.criteria[0].higher_is_priority
    store.check_direction(sid, 0)
    assert store.setup(sid).criteria[0].checked
    store.enter_row(sid, 1, 1, "15")  # cost 1 = cheap = high priority: counts as 5
    assert store.tally(sid).row(1).means == (5.0, 5.0)
    with pytest.raises(RuleViolation, match="Ya hay calificaciones"):
        store.use_preset(sid, "cepal")
    with pytest.raises(RuleViolation):
        store.take_off_table(sid, 2)
    # A scored proposal is not withdrawn from the office's list either.
    with pytest.raises(RuleViolation, match="ya fue calificada"):
        repo.proposals.withdraw(repo.prioritisation.item(sid, 1).proposal_id, "repetida")


def test_put_on_table_by_label_and_refusals(repo):
    repo.proposals.add("Pozo")
    sid, _c = repo.add_session(method="prioritisation", question="¿Cuáles pasan?")
    with pytest.raises(Exception, match="No existe la propuesta 7"):
        repo.prioritisation.put_on_table(sid, ["7"])
    repo.prioritisation.put_on_table(sid, ["1"])
    with pytest.raises(RuleViolation, match="ya están en la mesa"):
        repo.prioritisation.put_on_table(sid, ["1"])
    with pytest.raises(RuleViolation, match="Aún no hay criterios"):
        repo.prioritisation.enter_row(sid, 1, 1, "5")


def _score(store, sid, sheets):
    for sheet, rows in enumerate(sheets, start=1):
        for number, text in enumerate(rows, start=1):
            store.enter_row(sid, sheet, number, text)


def test_sensitivity_lists_who_changes_place(prio):
    repo, sid = prio
    store = repo.prioritisation
    # 1 strong on urgency only, 2 strong on people affected: weights decide.
    _score(store, sid, [("11511", "31111", "11111", "11111"),
                        ("11511", "31111", "11111", "11111")])
    base = store.tally(sid)
    assert base.row(1).rank == 1 and base.row(2).rank == 2
    shifts = store.sensitivity(sid)
    assert len(shifts) == 10
    people_up = next(s for s in shifts if s.criterion == 0 and s.up)
    assert people_up.new_weight == 2.0  # 10 against 10: the heaviest criterion decides
    assert {(m.option, m.before, m.after) for m in people_up.moves} == {(1, 1, 2), (2, 2, 1)}
    viable_up = next(s for s in shifts if s.criterion == 4 and s.up)
    assert viable_up.moves == () and "nadie cambia de lugar" in viable_up.text()
    urgency_down = next(s for s in shifts if s.criterion == 2 and not s.up)
    assert urgency_down.new_weight == 0.5
    assert {(m.option, m.before, m.after) for m in urgency_down.moves} == {(1, 1, 2), (2, 2, 1)}
    assert "pasa del lugar 1 al 2" in urgency_down.text()


def test_agreement_names_the_cutoff_and_a_tie_is_never_broken_silently(prio):
    repo, sid = prio
    store = repo.prioritisation
    _score(store, sid, [("55555", "44444", "44444", "11111")])
    cut = store.cut(sid, 2)
    assert cut.runoff is not None and set(cut.runoff.options) == {2, 3}
    before = journal(repo)
    with pytest.raises(RuleViolation, match="votar de nuevo"):
        store.agree(sid, cutoff=2, decided_by="Pleno del STL")
    with pytest.raises(InvalidInput, match="quién decidió"):
        store.agree(sid, cutoff=1, decided_by=" ")
    assert journal(repo) == before and store.agreement(sid) is None
    store.agree(sid, cutoff=2, decided_by="Pleno del STL", selected=[1, 3],
                tie_note="La sala votó de nuevo entre la 2 y la 3: ganó la 3 por 7 a 5.")
    agreement = store.agreement(sid)
    assert agreement.selected == (1, 3) and agreement.cutoff == 2
    assert agreement.decided_by == "Pleno del STL"
    store.agree(sid, cutoff=1, decided_by="Pleno del STL")
    assert store.agreement(sid).selected == (1,)


def test_import_checks_every_row_before_saving(prio):
    repo, sid = prio
    store = repo.prioritisation
    before = journal(repo)
    with pytest.raises(InvalidInput, match="Fila 2"):
        store.import_rows(sid, [("1", "1", 5, 5, 5, 5, 5), ("1", "2", 5, 9, 5, 5, 5)])
    assert journal(repo) == before
    store.import_rows(sid, [("1", "1", 5, 5, 5, 5, 5), ("2", "1", 4, "", 4, 4, 4)])
    assert store.sheets(sid) == {1: {1: (5, 5, 5, 5, 5)}, 2: {1: (4, None, 4, 4, 4)}}


def test_undo_and_reopen(prio, db_path):
    repo, sid = prio
    repo.prioritisation.enter_row(sid, 1, 1, "55555")
    repo.pf.undo()
    assert not repo.prioritisation.has_scores(sid)
    repo.prioritisation.enter_row(sid, 1, 1, "55555")
    repo.close()
    with Repo.open(db_path) as again:
        assert again.prioritisation.sheets(sid) == {1: {1: (5, 5, 5, 5, 5)}}


def test_hand_counts_per_proposal_and_criterion(prio):
    repo, sid = prio
    store = repo.prioritisation
    before = journal(repo)
    with pytest.raises(InvalidInput, match="quién hizo el conteo"):
        store.set_count(sid, 1, 0, "0 0 1 1 1", counter=" ")
    with pytest.raises(InvalidInput, match="Escriba 5 números"):
        store.set_count(sid, 1, 0, "0 1 1", counter="Lupita")
    with pytest.raises(InvalidInput, match="Suman 4 calificaciones y califican 3 personas"):
        store.set_count(sid, 1, 0, "0 0 0 2 2", counter="Lupita")
    assert journal(repo) == before
    # Proposal 1: on every criterion one 3 and two 5s; proposal 2: only two 2s on the first.
    for criterion in range(5):
        store.set_count(sid, 1, criterion, "0 0 1 0 2", counter="Lupita")
    store.set_count(sid, 2, 0, "0 2 0 0 0", counter="Lupita")
    result = store.tally(sid)
    row1 = result.row(1)
    assert row1.means == pytest.approx((13 / 3,) * 5) and row1.scored == (3,) * 5
    assert result.row(2).scored == (2, 0, 0, 0, 0) and result.row(2).score is None
    assert result.evaluators == 3 and row1.rank == 1
    assert store.counter(sid) == "Lupita"
    # Sheets and hand counts never mix.
    with pytest.raises(RuleViolation, match="se contó a mano"):
        store.enter_row(sid, 1, 1, "55555")
    with pytest.raises(RuleViolation, match="Ya hay calificaciones"):
        store.use_preset(sid, "cepal")


def test_hand_counts_refused_once_sheets_are_typed(prio):
    repo, sid = prio
    repo.prioritisation.enter_row(sid, 1, 1, "55555")
    with pytest.raises(RuleViolation, match="ya tiene hojas capturadas"):
        repo.prioritisation.set_count(sid, 1, 0, "0 0 0 0 1", counter="Lupita")
