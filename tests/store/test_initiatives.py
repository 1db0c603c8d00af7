"""The existing initiatives of the diagnosis: typed, edited, removed and imported all or
nothing; bad input refused with a Spanish message and nothing changed; undo; the
administration's own proposals kept apart from those typed at the office."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.store.proposals import ADMINISTRATION, OFFICE, origin_words


def test_add_edit_remove_and_undo(repo):
    item, _c = repo.initiatives.add("PROAGUA", kind="programa de gobierno",
                                    responsible="Comisión Estatal del Agua", theme="Agua",
                                    status="en marcha", years="2025-2027")
    assert (item.number, item.kind, item.status) == (1, "programme", "running")
    assert item.kind_text == "programa de gobierno" and item.status_text == "en marcha"
    repo.initiatives.add("Comité de agua", kind="citizen", theme="Agua")
    repo.initiatives.edit(item.id, status="finished", note="  Concluyó en 2026. ")
    again = repo.initiatives.find("proagua")
    assert again.status == "finished" and again.note == "Concluyó en 2026."
    assert repo.initiatives.themes() == ["Agua"]
    repo.initiatives.remove(repo.initiatives.find("2").id)
    assert [i.name for i in repo.initiatives.list()] == ["PROAGUA"]
    repo.undo()
    assert [i.name for i in repo.initiatives.list()] == ["PROAGUA", "Comité de agua"]
    assert repo.initiatives.find("1").public()["number"] == 1


@pytest.mark.parametrize("values, message", [
    ({"name": "  "}, "Cada iniciativa necesita un nombre."),
    ({"name": "X", "kind": "rifa"}, "El tipo «rifa» no existe"),
    ({"name": "X", "status": "dormida"}, "El estado «dormida» no existe"),
    ({"name": "X", "owner": "y"}, "No se puede indicar «owner» en una iniciativa."),
    ({"name": "proagua"}, "Ya existe una iniciativa llamada «PROAGUA»."),
])
def test_bad_input_changes_nothing(repo, values, message):
    repo.initiatives.add("PROAGUA")
    before = repo.initiatives.list()
    name = values.pop("name")
    with pytest.raises(InvalidInput) as err:
        repo.initiatives.add(name, **values)
    assert message in err.value.message
    assert repo.initiatives.list() == before


def test_not_found(repo):
    with pytest.raises(NotFound, match="No existe la iniciativa «9»"):
        repo.initiatives.find("9")


def test_import_all_or_nothing(repo):
    rows = [["Iniciativa", "Tipo", "Responsable", "Tema", "Estado", "Periodo"],
            ["Brigadas de salud", "proyecto", "Centro de salud", "Salud", "suspendida",
             "2023"],
            ["Reglamento de transparencia", "policy", "Cabildo", "", "", ""]]
    n, _c = repo.initiatives.import_rows(rows)
    assert n == 2
    found = repo.initiatives.list()
    assert [(i.kind, i.status) for i in found] == [("project", "stopped"),
                                                   ("policy", "running")]
    twice = [rows[0], ["Otra", "", "", "", "", ""], ["otra", "", "", "", "", ""]]
    with pytest.raises(InvalidInput, match="Fila 3: «otra» ya está en una fila anterior"):
        repo.initiatives.import_rows(twice)
    bad = [rows[0], ["Otra", "", "", "", "", ""], ["Otra más", "rifa", "", "", "", ""]]
    with pytest.raises(InvalidInput, match="Fila 3: El tipo «rifa» no existe"):
        repo.initiatives.import_rows(bad)
    with pytest.raises(InvalidInput, match="Fila 2: Ya existe una iniciativa llamada «Brigadas de salud»"):
        repo.initiatives.import_rows([rows[0], rows[1]])
    with pytest.raises(InvalidInput, match="Falta la columna «iniciativa»"):
        repo.initiatives.import_rows([["Tema"], ["Agua"]])
    assert repo.initiatives.list() == found


def test_the_administrations_proposals_are_kept_apart(repo):
    mine, _c = repo.proposals.add("Padrón de usuarios del agua", table_label="Obras Públicas",
                                  source_kind=ADMINISTRATION)
    typed, _c = repo.proposals.add("Ventanilla única", table_label="Solicitud por escrito")
    assert mine.source_kind == ADMINISTRATION and typed.source_kind == OFFICE
    assert origin_words(mine.origins[0]) == "administración municipal · Obras Públicas"
    assert origin_words(typed.origins[0]) == "oficina · Solicitud por escrito"
    # A kind nobody knows, without a session, is the office's.
    odd, _c = repo.proposals.add("Otra", source_kind="fair_letter")
    assert odd.source_kind == OFFICE


def test_an_import_names_the_files_own_line_past_blank_lines(repo):
    """A wrong row is named by its line in the file, blank lines counted (the message
    said «Fila 3» for line 4 before), and says that nothing was imported."""
    rows = [["Iniciativa", "Tipo"], ["A", "proyecto"], [""], ["B", "programa federal"]]
    with pytest.raises(InvalidInput) as err:
        repo.initiatives.import_rows(rows)
    assert err.value.message.startswith("Fila 4: El tipo «programa federal» no existe")
    assert err.value.message.endswith("No se importó nada.")
    with pytest.raises(InvalidInput, match="^Fila 4: El interés debe ser"):
        repo.actors.import_rows([["Organización", "Interés"], ["Ejido", "5"], [],
                                 ["Radio", "alto"]])
    assert repo.initiatives.list() == [] and repo.actors.list() == []
