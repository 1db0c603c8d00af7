"""A process with everything the evidence reports show, people and their data included."""

from __future__ import annotations

from pathlib import Path

from cocrea_desktop.core.clock import FakeClock
from cocrea_desktop.core.voting.payload import make_serial
from cocrea_desktop.store.repo import Repo

#: Personal values stored in the process; none may appear in open data or public PDFs.
PEOPLE = [
    ("Hermelinda Cruz Bautista", "951 123 4567", True, True),
    ("Próspero Jiménez Ortiz", "", False, True),
    ("Xóchitl Ramírez Santiago", "+52 (951) 765-4321", True, False),
]
IDEAS = [
    "Reparar la tubería que va del pozo a la escuela",
    "Un comité de agua con mujeres y jóvenes",
    "Publicar cada mes cuánto se cobra por el servicio de agua",
    "Reparar la tubería del pozo a la escuela primaria",
    "Captar agua de lluvia en las casas",
    "Pipa de agua para los barrios altos",
    "Un calendario de tandeo que todos conozcan",
]
# Ranked ballots (k = 3), idea:points; serials made from fixed bodies.
BALLOTS = [
    "1:3 2:2 3:1", "2:3 1:2 5:1", "3:3 2:2 1:1", "1:3 5:2 6:1", "2:3 3:2 7:1",
    "6:3 1:2 2:1", "5:3 6:2 3:1", "1:3 2:2 7:1",
]


def make_process(path: Path, clock: FakeClock | None = None) -> tuple[Repo, str]:
    clock = clock or FakeClock()
    repo = Repo.create(path, name="PAL Santa María Yavesía 2027", municipality="Yavesía",
                       state="Oaxaca", period="2027", responsible_body="", clock=clock)
    repo.attendance.set_privacy(body="Secretariado Técnico Local de Yavesía",
                                notice="", full_notice_at="Tablero del palacio municipal")
    session_id, _c = repo.add_session(
        method="nominal_group", question="¿Qué problemas de agua afectan más a su comunidad?",
        table_label="Mesa 1", date="2027-03-06", place="Salón comunal",
        facilitator="Rosa Martínez Luna", participant_count=8, languages="es, zapoteco",
        interpreter=True)
    repo.attendance.set_notice_read_aloud(session_id, True)
    for name, phone, contact, photos in PEOPLE:
        repo.attendance.add_person(session_id, name=name, phone=phone, consent_contact=contact,
                                   consent_photos=photos)
    repo.attendance.set_counts(session_id, "sector", {"ciudadania": 5, "gobierno": 2,
                                                      "sociedad civil": 1})
    repo.attendance.set_counts(session_id, "sex", {"mujer": 5, "hombre": 3})
    repo.attendance.set_counts(session_id, "age_band", {"18_29": 2, "30_44": 3, "60_mas": 3})
    repo.attendance.set_counts(session_id, "community", {"Yavesía": 6, "Lachatao": 2})
    repo.attendance.set_counts(session_id, "language", {"español": 5, "zapoteco": 3})

    phases = repo.phases
    phases.forward(session_id)  # silent writing
    clock.advance(30)
    phases.start_timer(session_id)
    clock.advance(600)
    phases.forward(session_id)  # round
    for text in IDEAS:
        clock.advance(40)
        repo.ideas.add(session_id, text)
    repo.ideas.pass_turn(session_id)
    phases.forward(session_id)  # clarification
    merge, _c = repo.ideas.propose_merge(session_id, [1, 4])
    repo.ideas.agree_merge(merge.id)
    repo.ideas.withdraw(repo.ideas.by_number(session_id, 7).id, "Ya existe en el reglamento")
    repo.ideas.add_note(session_id, "clarification", "La sala pidió precisar la idea 6.")
    clock.advance(600)
    phases.forward(session_id)  # preliminary vote
    repo.votes.configure(session_id, "preliminary", k=3)
    for i, text in enumerate(BALLOTS):
        clock.advance(20)
        repo.votes.enter_ballot(session_id, "preliminary", text,
                                serial=make_serial(104729 * (i + 3) % 999983))
    ballot, _c = repo.votes.enter_ballot(session_id, "preliminary", "3:3 5:2 6:1",
                                         serial=make_serial(424242))
    repo.votes.spoil_ballot(ballot.id)
    repo.relatoria.save(session_id, convergences="El agua limpia para la escuela es urgente.",
                        dissent="No hubo acuerdo sobre la tarifa.",
                        next_steps="Llevar las ideas 1 y 2 a la sesión del STL.")
    return repo, session_id
