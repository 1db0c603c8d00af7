"""The process route (CEPAL phases with dates, where the exercise stands, what is late) and
the actor map (public fields apart from the contact, which is personal data); bad input
refused with a Spanish message and nothing changed; undo."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.actor_map import place, quadrant
from cocrea_desktop.core.errors import InvalidInput, NotFound
from cocrea_desktop.core.route import KEYS, RoutePhase, standing


def test_a_new_process_has_the_nine_phases_without_dates(repo):
    route = repo.route.phases()
    assert [p.key for p in route] == list(KEYS) and len(route) == 9
    assert all(not p.written and not p.planned_end for p in route)
    assert route[1].title == "Diagnóstico"
    assert "mapa de actores" in route[1].products_text
    s = repo.route.standing()
    assert s.state == "none" and s.current.key == "preparation" and not s.late
    assert s.summary() == "Fase 1 de 9: Preparación (sin iniciar)"


def test_dates_typed_the_mexican_way_and_late_phases(repo):
    assert repo.route.today() == "2027-01-15"
    repo.route.set("preparation", planned_start="01/11/2026", planned_end="30/11/2026",
                   actual_start="03/11/2026", actual_end="28/11/2026",
                   responsible="Lic. Teresa Olmos", products="Acta de instalación")
    repo.route.set("2", planned_start="2026-12-01", planned_end="10/01/2027",
                   actual_start="02/12/2026")
    repo.route.set("Reuniones ciudadanas", planned_start="11/01/2027",
                   planned_end="28/02/2027")
    diag = repo.route.phase("diagnosis")
    assert diag.planned_end == "2027-01-10" and diag.written
    assert repo.route.phase("preparation").products_text == "Acta de instalación"
    s = repo.route.standing()
    assert s.state == "running" and s.current.key == "diagnosis"
    assert [p.key for p in s.late] == ["diagnosis"]
    assert s.late_text() == "Atrasada: Diagnóstico"
    assert s.done == 1
    repo.route.end("diagnosis", "14/01/2027")
    s = repo.route.standing()
    assert s.state == "next" and s.current.key == "meetings" and not s.late
    repo.route.start("meetings")
    assert repo.route.phase("meetings").actual_start == "2027-01-15"
    assert repo.route.standing().summary() == "Fase 3 de 9: Reuniones ciudadanas (en curso)"


def test_the_route_undoes(repo):
    repo.route.set("launch", planned_end="01/06/2027")
    assert repo.undo_label() == "editar la fase «Lanzamiento» de la ruta"
    from cocrea_desktop import i18n

    i18n.set_language("en")  # the label is translated when shown, the phase's title too
    try:
        assert repo.undo_label() == "edit the route's phase \"Launch\""
    finally:
        i18n.set_language("es")
    repo.undo()
    assert not repo.route.phase("launch").written
    repo.route.set("launch", planned_end="01/06/2027")
    repo.route.set("launch", note="En la plaza")
    repo.undo()
    launch = repo.route.phase("launch")
    assert launch.planned_end == "2027-06-01" and launch.note == ""


@pytest.mark.parametrize("values, message", [
    ({"planned_end": "31/02/2027"}, "Fin previsto: La fecha «31/02/2027» no es válida"),
    ({"planned_start": "10/03/2027", "planned_end": "01/03/2027"},
     r"el fin previsto \(01/03/2027\) es anterior al inicio previsto \(10/03/2027\)"),
    ({"actual_end": "01/03/2027"}, "no puede terminar sin haber iniciado"),
    ({"colour": "red"}, "No se puede indicar «colour»"),
])
def test_bad_route_input_is_refused_and_nothing_changes(repo, values, message):
    head = repo.journal_head()
    with pytest.raises(InvalidInput, match=message):
        repo.route.set("consultation", **values)
    assert repo.journal_head() == head and not repo.route.phase("consultation").written


def test_unknown_phase_and_ending_before_starting(repo):
    with pytest.raises(InvalidInput, match="No existe la fase «evaluación»"):
        repo.route.set("evaluación", note="x")
    with pytest.raises(InvalidInput, match="aún no ha iniciado"):
        repo.route.end("drafting")


def test_each_session_belongs_to_a_phase_by_default_of_its_method(repo):
    ng, _c = repo.add_session(method="nominal_group", question="¿Qué hace falta?")
    pr, _c = repo.add_session(method="prioritisation", question="¿Qué proponemos?")
    assert repo.route.session_phase(ng) == "meetings"
    assert repo.route.session_phase(pr) == "selection"
    repo.route.set_session_phase(ng, "diagnóstico")
    assert repo.route.session_phase(ng) == "diagnosis"
    assert repo.route.sessions_by_phase()["diagnosis"] == [ng]
    repo.undo()
    assert repo.route.session_phase(ng) == "meetings"
    repo.route.set_session_phase(ng, "2")
    repo.route.set_session_phase(ng, "")
    assert not repo.route.session_phase_chosen(ng)


def test_standing_when_every_phase_ended():
    route = [RoutePhase(k, actual_start="2027-01-01", actual_end="2027-01-02") for k in KEYS]
    s = standing(route, "2027-02-01")
    assert s.state == "done" and s.summary() == "Ruta completa: las 9 fases terminaron"


# -- actors -------------------------------------------------------------------------------

def test_actors_public_fields_and_contact_apart(repo):
    ejido, _c = repo.actors.add("Ejido San Miguel", sector="comunidad", territory="San Miguel",
                                interest=5, influence=4, contact_name="Anselmo Cruz",
                                contact_phone="951 123 4567")
    radio, _c = repo.actors.add("Radio comunitaria", sector="medios", interest="4",
                                influence="2")
    assert ejido.sector == "community" and ejido.quadrant == "manage"
    assert radio.quadrant == "inform" and radio.contact_name == ""
    row = repo.pf.row("actor", ejido.id)
    assert "Anselmo" not in str(row)
    contact = repo.pf.row("actor_contact", ejido.id)
    assert contact["name"] == "Anselmo Cruz" and contact["salt"]
    # the journal keeps only a digest of the contact
    journal = " ".join(str(r) for r in repo.pf.query("SELECT * FROM journal"))
    assert "Anselmo" not in journal and "4567" not in journal
    assert [a.number for a in repo.actors.list()] == [1, 2]
    assert "contact_name" not in ejido.public()
    repo.actors.edit(radio.id, contact_name="Lucía Ramos", influence=3)
    assert repo.actors.find("Radio comunitaria").contact_name == "Lucía Ramos"
    repo.undo()
    assert repo.actors.find("Radio comunitaria").contact_name == ""


@pytest.mark.parametrize("values, message", [
    ({"interest": 6}, "El interés debe ser un número entero del 1 al 5"),
    ({"influence": "alta"}, "La influencia debe ser un número entero del 1 al 5"),
    ({"sector": "iglesia"}, "El sector «iglesia» no existe"),
    ({"contact_phone": "=HYPERLINK(1)"}, "El teléfono"),
])
def test_bad_actor_input_changes_nothing(repo, values, message):
    repo.actors.add("DIF municipal", sector="gobierno")
    head = repo.journal_head()
    with pytest.raises(InvalidInput, match=message):
        repo.actors.add("Comité de agua", **values)
    with pytest.raises(InvalidInput, match="Ya existe un actor llamado «DIF municipal»"):
        repo.actors.add("dif municipal")
    with pytest.raises(InvalidInput, match="necesita el nombre"):
        repo.actors.add("  ")
    assert repo.journal_head() == head and len(repo.actors.list()) == 1


def test_import_all_or_nothing(repo):
    rows = [["Organización", "Sector", "Territorio", "Interés", "Influencia", "Contacto",
             "Teléfono"],
            ["Comité de agua potable", "sociedad civil", "Cabecera", "5", "3", "Rosa", "555"],
            ["Escuela telesecundaria", "Gobierno", "El Llano", "", "2", "", ""]]
    n, _c = repo.actors.import_rows(rows)
    assert n == 2 and repo.actors.find("Escuela telesecundaria").interest == 3
    head = repo.journal_head()
    bad = [rows[0], ["Cooperativa", "otro", "", "4", "4", "", ""],
           ["Iglesia", "comunidad", "", "9", "1", "", ""]]
    with pytest.raises(InvalidInput, match="Fila 3: El interés debe ser"):
        repo.actors.import_rows(bad)
    with pytest.raises(InvalidInput, match="Fila 2: Ya existe un actor llamado «Comité de agua potable»"):
        repo.actors.import_rows([rows[0], rows[1]])
    with pytest.raises(InvalidInput, match="Falta la columna «organización»"):
        repo.actors.import_rows([["nombre"], ["x"]])
    with pytest.raises(InvalidInput, match="Fila 3: «Cooperativa» ya está en una fila anterior"):
        repo.actors.import_rows([rows[0], bad[1], bad[1]])
    assert repo.journal_head() == head and len(repo.actors.list()) == 2


def test_remove_and_erase_contact(repo):
    a, _c = repo.actors.add("Cooperativa de café", contact_name="Pedro Luna",
                            contact_phone="555 1")
    changes = repo.actors.erase_contact(a.id)
    assert not changes.undoable
    assert repo.actors.get(a.id).contact_name == "" and repo.pf.row("actor_contact",
                                                                    a.id)["salt"] == ""
    with pytest.raises(InvalidInput, match="no tiene datos de contacto"):
        repo.actors.erase_contact(a.id)
    repo.actors.remove(a.id)
    with pytest.raises(NotFound):
        repo.actors.find("Cooperativa de café")
    repo.undo()
    assert repo.actors.find("Cooperativa de café").organisation == "Cooperativa de café"


def test_chart_places_every_actor_apart():
    actors = [(str(i), f"A{i}", 4, 4) for i in range(5)] + [("x", "X", 1, 5), ("y", "Y", 3, 3)]
    placed = place(actors)
    assert [p.number for p in placed] == list(range(1, 8))
    spots = {(round(p.x, 3), round(p.y, 3)) for p in placed}
    assert len(spots) == 7
    assert all(0 < p.x < 1 and 0 < p.y < 1 for p in placed)
    assert [p.quadrant for p in placed][-2:] == ["satisfy", "monitor"]
    assert placed[0].x > 0.6 and placed[0].y > 0.6
    assert quadrant(3, 3) == "monitor" and quadrant(4, 3) == "inform"
    assert place(actors) == placed


def test_two_actors_of_one_cell_stay_on_their_side_of_the_quadrant_lines():
    """Two actors at interest 5, influence 4 sat one above the other, the lower one on the
    line between influence 3 and 4, reading as "low" influence; they now sit side by side
    on their level, every dot inside its own quadrant."""
    from cocrea_desktop.core.actor_map import SPLIT, level_position

    placed = place([("a", "A", 5, 4), ("b", "B", 5, 4), ("c", "C", 4, 4), ("d", "D", 4, 4),
                    ("e", "E", 4, 4)])
    first, second = placed[:2]
    assert first.y == second.y == pytest.approx(level_position(4))
    assert first.x != second.x
    assert all(p.y - 0.03 > SPLIT and p.x - 0.03 > SPLIT for p in placed)  # a dot: ~0.03
