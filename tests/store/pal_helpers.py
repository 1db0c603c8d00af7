"""A merged multi-table process carried on to the Local Action Plan: two table laptops'
proposals pooled at the office, an STL with its decisions, commitments with milestones."""

from __future__ import annotations

from pathlib import Path

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.export import bundle as B
from cocrea_desktop.store.repo import Repo
from tests.export.bundle_helpers import CREATED, device, laptop_copy, nominal_group, office_process

SMART_OK = {"specific": "Dice qué se hará.", "measurable": "Cada hito tiene producto.",
            "achievable": "Con presupuesto municipal.", "relevant": "Lo pidieron dos mesas.",
            "time_bound": "Hitos con fecha."}


def merged_process(tmp_path: Path) -> Repo:
    """The office's file after two table laptops' bundles came back, with proposals."""
    office_dev, one, two = device("oficina"), device("mesa-1"), device("mesa-2")
    clock = FakeClock()
    office = office_process(tmp_path / "oficina.db", office_dev, clock)
    laptops = [laptop_copy(office, tmp_path / f"{d.name}.db", d, clock) for d in (one, two)]
    tables = (("Mesa 1 · Agua", ["Reparar la red de agua potable", "Publicar los gastos de obra",
                "Pozo en el barrio alto"],
               ["1 2", "1 2", "2 1"]),
              ("Mesa 2 · Salud", ["Medicinas en la clínica", "Comité de salud vigilante",
                                 "Ambulancia"],
               ["1 2", "2 1", "1 2"]))
    for laptop, (table, ideas, ballots) in zip(laptops, tables, strict=True):
        sid = nominal_group(laptop, table, ideas, [], clock)
        laptop.votes.configure(sid, "final", k=2)
        for text in ballots:
            clock.advance(1)
            laptop.votes.enter_ballot(sid, "final", text)
        for item in laptop.proposals.result(sid):
            clock.advance(1)
            laptop.proposals.promote(sid, item.source_kind, item.source_id, theme=table[9:])
    for laptop, dev in zip(laptops, (one, two), strict=True):
        data = B.export_bundle(laptop.path, device=dev, created_at=CREATED).data
        B.import_bundle(office.pf, B.open_bundle(data), accept_key=True)
        laptop.close()
    return office


def plan(office: Repo) -> dict[str, str]:
    """STL members, decisions and two commitments on a merged process; ids by name."""
    ids: dict[str, str] = {}
    for agency in ("Dirección de Obras Públicas", "Regiduría de Salud"):
        if agency not in office.commitments.agencies():
            office.commitments.add_agency(agency)
    people = [("Rosa Martínez López", "government", "Ayuntamiento", "Presidenta del STL", False),
              ("Juan Pérez Ruiz", "civil_society", "Comité de Agua", "Integrante", False),
              ("Elena Cruz Santiago", "guarantor", "Órgano Garante de Oaxaca", "Integrante",
               False),
              ("Mario Hernández", "civil_society", "Red de Jóvenes", "Facilitador", True)]
    for name, sector, org, role, fac in people:
        m, _c = office.stl.add_member(name, sector, organisation=org, role=role,
                                      facilitator=fac, start_date="2027-01-15",
                                      phone="9511234567")
        ids[name] = m.id
    voters = [n for n, *_rest in people[:3]]
    consensus = {n: ("agree", "") for n in voters}
    d, _c = office.stl.decide(date="2027-02-01", agenda_item="Estrategia de participación",
                              proposal="Aprobar las mesas por tema", kind="participation_strategy",
                              present=[*voters, "Mario Hernández"], positions=consensus)
    ids["strategy"] = d.id
    d, _c = office.stl.decide(date="2027-05-10", agenda_item="Número de compromisos",
                              proposal="Dos compromisos", kind="commitment_count",
                              mode="vote", present=voters, votes={"for": 3})
    ids["count"] = d.id
    labels = [p.label for p in office.proposals.list()]
    water, _c = office.commitments.add(
        "Agua potable para todos los barrios", proposals=[labels[0], labels[3]],
        start_date="2027-07-01", end_date="2029-06-30",
        lead_agency="Dirección de Obras Públicas", responsible="Ing. Luis Gómez",
        other_actors="Comité de Agua", problem="Los barrios altos no tienen agua diario.",
        baseline="3 de 7 barrios con servicio diario (2026).",
        description="Reparar la red y publicar el avance.", objective="Agua diario en 7 barrios.",
        how_it_helps="El avance público deja ver si la obra se hace.",
        pillars=["transparency", "accountability"], axis="Servicios públicos",
        public_input="Responde a las propuestas de las dos mesas.",
        milestones=[{"description": "Diagnóstico de la red", "output": "Informe publicado",
                     "responsible": "Obras Públicas", "due_date": "2027-10-31"},
                    {"description": "Reparación de tramos", "output": "Acta de entrega",
                     "responsible": "Obras Públicas", "due_date": "2028-12-15"}])
    ids["water"] = water.id
    health, _c = office.commitments.add(
        "Comité ciudadano de la clínica", proposals=[labels[4]], start_date="2027-07-01",
        end_date="2029-06-30", lead_agency="Regiduría de Salud", pillars=["participation"],
        milestones=[{"description": "Formar el comité", "due_date": "2027-09-01"}])
    ids["health"] = health.id
    for criterion, note in SMART_OK.items():
        office.commitments.set_smart(water.id, criterion, True, note)
    d, _c = office.stl.decide(date="2027-08-05", agenda_item="Compromiso de agua a consulta",
                              kind="consultation_ready", subject_id=water.id, present=voters,
                              positions=consensus)
    ids["ready"] = d.id
    return ids


def fair_letters(office: Repo, folder: Path) -> dict[str, str]:
    """An idea fair on a planned process: CC-001 signed and scanned, promoted and made
    commitment 3; CC-002 promoted but in no commitment, no scan; CC-003 never promoted.
    Ids by folio, the scan's bytes' path under "scan"."""
    sid, _c = office.add_session(method="idea_fair", question="¿Qué proyectos sumamos al PAL?",
                                 table_label="Explanada", date="2027-02-20")
    fair = office.fair
    fair.add_stand(sid, title="Alumbrado del camino a la secundaria",
                   problem="Asaltos al anochecer", theme="Seguridad")
    fair.add_stand(sid, title="Huertos escolares", problem="Mala alimentación", theme="Salud")
    fair.add_authority(sid, name="Ing. Pedro Ruiz", post="Director", agency="Obras Públicas")
    one, _c = fair.draft_letter(sid, 1, 1, letter_date="2027-02-20",
                                authority_commits="Instalar seis luminarias en el camino",
                                next_meeting="13/03/2027")
    two, _c = fair.draft_letter(sid, 2, 1, letter_date="2027-02-20",
                                authority_commits="Gestionar la toma de agua para riego")
    three, _c = fair.draft_letter(sid, 2, 1, letter_date="2027-02-21",
                                  authority_commits="Prestar herramientas a las escuelas")
    fair.set_letter_status(one.id, "in_pal")
    scan = folder / "carta-CC-001-firmada.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    fair.attach(one.id, scan)
    offered = {item.source_id: item for item in office.proposals.result(sid)}
    lights, _c = office.proposals.promote(sid, "fair_letter", one.id)
    office.proposals.promote(sid, "fair_letter", two.id)
    assert offered[three.id].source_kind == "fair_letter"
    road, _c = office.commitments.add(
        "Camino seguro a la secundaria", proposals=[lights.label], start_date="2027-07-01",
        end_date="2029-06-30", lead_agency="Dirección de Obras Públicas",
        pillars=["participation"],
        milestones=[{"description": "Carta firmada con Obras Públicas",
                     "due_date": "2027-08-31"},
                    {"description": "Seis luminarias instaladas", "due_date": "2028-06-30"}])
    return {"CC-001": one.id, "CC-002": two.id, "CC-003": three.id, "session": sid,
            "commitment": road.id, "scan": str(scan)}
