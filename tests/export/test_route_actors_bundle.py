"""The route and the actor map travel in signed bundles: a laptop's route and actors merge
into the office's file; the contacts travel only sealed to the office key (never in the
bundle's public part), and come back with the key; open data carries both tables and no
contact."""

from __future__ import annotations

import json

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export import bundle as B
from cocrea_desktop.export import keys
from cocrea_desktop.export.opendata import export_open_data
from cocrea_desktop.store import merge
from cocrea_desktop.store.repo import Repo
from tests.export.bundle_helpers import CREATED, device, laptop_copy, members, office_process

OFFICE = device("oficina")
LAPTOP = device("laptop-diagnostico")
CONTACTS = ["Anselmo Jiménez Mendoza", "236 374 1102"]


def test_route_and_actors_round_trip_with_sealed_contacts(tmp_path):
    clock = FakeClock(1_806_000_000.0)
    office = office_process(tmp_path / "oficina.cocrea.db", OFFICE, clock)
    office_key, private_path, public_path = keys.new_office_key(tmp_path / "llaves")
    keys.set_office_key(office.pf, keys.read_public_key(str(public_path)))
    office.route.set("preparation", planned_end="31/03/2027", actual_start="01/03/2027")
    laptop = laptop_copy(office, tmp_path / "laptop.cocrea.db", LAPTOP, clock)
    clock.advance(60)
    laptop.route.set("diagnosis", planned_start="01/04/2027", planned_end="30/04/2027",
                     responsible="Dirección de Planeación")
    laptop.actors.add("Comisariado del ejido", sector="comunidad", interest=4, influence=5,
                      contact_name=CONTACTS[0], contact_phone=CONTACTS[1])
    clock.advance(1)
    laptop.actors.add("Radio comunitaria", sector="medios", interest=5, influence=2)
    session_id, _c = laptop.add_session(method="nominal_group", question="¿Qué falta?")
    laptop.route.set_session_phase(session_id, "diagnosis")
    data = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    assert B.verify_bundle(data).ok
    files = members(data)
    assert {"data/route_phase.jsonl", "data/actor.jsonl", "data/actor_contact.jsonl"} <= set(
        files)
    public = b"".join(v for k, v in files.items() if not k.startswith("sealed/"))
    for value in CONTACTS:
        assert value.encode() not in public
    manifest = json.loads(files["manifest.json"])
    assert manifest["personal_data"] == "sealed"

    result = B.import_bundle(office.pf, B.open_bundle(data), accept_key=True,
                             office_key=keys.load_office_key(private_path))
    assert result.changed and merge.list_conflicts(office.pf) == []
    diagnosis = office.route.phase("diagnosis")
    assert diagnosis.planned_end == "2027-04-30" and diagnosis.responsible == \
        "Dirección de Planeación"
    assert office.route.phase("preparation").actual_start == "2027-03-01"
    assert office.route.session_phase(session_id) == "diagnosis"
    ejido = office.actors.find("Comisariado del ejido")
    assert (ejido.contact_name, ejido.contact_phone) == tuple(CONTACTS)
    assert [a.organisation for a in office.actors.list()] == ["Comisariado del ejido",
                                                              "Radio comunitaria"]
    assert office.pf.verify_journal().ok
    # Imported again: nothing changes.
    again = B.import_bundle(office.pf, B.open_bundle(data),
                            office_key=keys.load_office_key(private_path))
    assert not again.changed
    # Open data: the route and the actors, never a contact.
    out = export_open_data(office, tmp_path / "abiertos")
    assert not out.leaks
    route_csv = (tmp_path / "abiertos" / "route.csv").read_text("utf-8-sig")
    assert "diagnosis,2027-04-01,2027-04-30" in route_csv
    actors_csv = (tmp_path / "abiertos" / "actors.csv").read_text("utf-8-sig")
    assert "Comisariado del ejido,community" in actors_csv
    for path in (tmp_path / "abiertos").iterdir():
        text = path.read_bytes()
        assert CONTACTS[0].encode() not in text
    laptop.close()
    office.close()


def test_without_the_office_key_contacts_stay_behind(tmp_path):
    clock = FakeClock(1_806_000_000.0)
    laptop = office_process(tmp_path / "laptop.cocrea.db", LAPTOP, clock)
    laptop.actors.add("Cooperativa", contact_name=CONTACTS[0], contact_phone=CONTACTS[1])
    data = B.export_bundle(laptop.path, device=LAPTOP, created_at=CREATED).data
    assert all(v.encode() not in data for v in CONTACTS)
    with Repo(B.new_process_from_bundle(tmp_path / "copia.cocrea.db", device=OFFICE)) as copy:
        B.import_bundle(copy.pf, B.open_bundle(data), accept_key=True)
        actor = copy.actors.find("Cooperativa")
        assert actor.organisation == "Cooperativa" and actor.contact_name == ""
    laptop.close()
