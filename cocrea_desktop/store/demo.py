"""A demo process with realistic Spanish sample data, for a newcomer's first look."""

from __future__ import annotations

import os
from pathlib import Path

from cocrea_desktop.core.clock import Clock
from cocrea_desktop.i18n import _
from cocrea_desktop.store.device import Device
from cocrea_desktop.store.paths import processes_dir
from cocrea_desktop.store.repo import Repo

DEMO_FILE_NAME = "demo-san-juan-bautista.cocrea.db"

#: (method, question, table, date, place, facilitator, status, participants)
DEMO_SESSIONS = [
    ("nominal_group", "¿Qué problemas de agua potable afectan más a su comunidad?",
     "Mesa 1 · Cabecera municipal", "2027-02-06", "Salón de usos múltiples", "Rosa Martínez",
     "closed", 12),
    ("nominal_group", "¿Qué necesitan las y los jóvenes para quedarse en el municipio?",
     "Mesa 2 · Juventudes", "2027-02-06", "Casa de la Cultura", "Julián Hernández",
     "closed", 10),
    ("fishbowl", "¿Cómo debe repartirse el presupuesto de obras entre las agencias?",
     "Mesa 3 · Agencias municipales", "2027-02-13", "Auditorio de la agencia Santa Cruz",
     "Rosa Martínez", "in_progress", 18),
    ("nominal_group", "¿Qué información pública necesitan para vigilar las obras?",
     "Mesa 4 · Comités de obra", "2027-02-13", "Comisariado ejidal", "Lucía Ramírez",
     "planned", 9),
    ("idea_fair", "¿Qué proyectos comunitarios pueden sumarse al Plan de Acción Local?",
     "Feria de ideas", "2027-02-20", "Explanada del palacio municipal", "Equipo STL",
     "planned", 0),
    ("nominal_group", "¿Cómo mejorar la atención en el centro de salud?",
     "Mesa 5 · Mujeres", "2027-02-27", "Centro de salud rural", "Lucía Ramírez",
     "planned", 0),
]


#: The first demo session (closed): what was said in the go-round, in order. ``None`` is
#: a "paso". Idea 7 repeats idea 4, and the room agreed to merge them.
DEMO_IDEAS = [
    "El agua llega turbia en temporada de lluvias.",
    "En el barrio de arriba el agua solo llega dos días por semana.",
    "Nadie nos informa si el agua del pozo está clorada ni cuándo se analiza.",
    "La red de tuberías es vieja y tiene muchas fugas que nadie repara.",
    "El tandeo no se respeta: unas calles reciben más horas que otras.",
    "Las pipas cobran muy caro cuando falta el agua.",
    "La tubería de la calle Hidalgo lleva meses tirando agua.",
    "El comité del agua no rinde cuentas de lo que se cobra.",
    "Las escuelas no tienen bebederos con agua potable.",
    "La colonia nueva necesita un tanque de almacenamiento.",
    "La bomba del pozo se descompone seguido y tardan semanas en arreglarla.",
    None,
    "Queremos un número de teléfono para reportar fugas y que nos respondan.",
    None,
]
DEMO_MERGE = [4, 7]
#: Preliminary vote, as typed from the paper ballots (ranks 5..1). One ballot repeats an
#: idea: those two entries are voided and the rest counts.
DEMO_BALLOTS = [
    "4 8 1 11 3", "8 4 2 11 5", "4 11 8 1 12", "2 4 8 5 10", "11 4 3 8 1",
    "8 3 4 2 11", "4 2 8 9 11", "1 4 11 8 6", "4 8 11 2 3", "9 10 4 8 2",
    "8 4 4 11 1", "3 8 4 12 11",
]


def _seed_first_session(repo: Repo, session_id: str) -> None:
    """A nominal group run to its results: ideas, passes, one agreed merge, ballots."""
    phases, ideas = repo.phases, repo.ideas
    phases.go_to(session_id, "silent_writing")
    phases.go_to(session_id, "round")
    for text in DEMO_IDEAS:
        if text is None:
            ideas.pass_turn(session_id)
        else:
            ideas.add(session_id, text)
    phases.go_to(session_id, "clarification")
    merge, _changes = ideas.propose_merge(session_id, DEMO_MERGE)
    ideas.agree_merge(merge.id)
    phases.go_to(session_id, "preliminary_vote")
    for number, text in enumerate(DEMO_BALLOTS, start=1):
        repo.votes.enter_ballot(session_id, "preliminary", text, serial=f"{number:04d}")
    phases.skip(session_id)  # discussion and final vote are optional: on to the results
    repo.relatoria.save(
        session_id,
        convergences=_("Las fugas en la red y la rendición de cuentas del comité del agua "
                       "reúnen la mayoría de los puntos."),
        next_steps=_("Pedir al comité del agua un informe de cobros y una ruta para reparar "
                     "fugas."),
    )


def create_demo(path: str | os.PathLike[str] | None = None, *, device: Device | None = None,
                clock: Clock | None = None, sessions: int | None = None) -> Path:
    """Create the demo process file (or a bigger one with ``sessions`` sessions)."""
    target = Path(path) if path else processes_dir() / DEMO_FILE_NAME
    repo = Repo.create(
        target,
        name=_("Plan de Acción Local 2027 (demostración)"),
        municipality="San Juan Bautista Cuicatlán",
        state="Oaxaca",
        period="2027",
        responsible_body="Secretariado Técnico Local de Gobierno Abierto",
        device=device,
        clock=clock,
    )
    try:
        count = sessions if sessions is not None else len(DEMO_SESSIONS)
        for i in range(count):
            method, question, table, date, place, facilitator, status, people = \
                DEMO_SESSIONS[i % len(DEMO_SESSIONS)]
            if i >= len(DEMO_SESSIONS):
                table = f"{table} ({i // len(DEMO_SESSIONS) + 1})"
            session_id, _changes = repo.add_session(
                method=method, question=question, table_label=table, date=date, place=place,
                facilitator=facilitator, status=status, participant_count=people)
            if i == 0:
                # A sample, not a record: no need to wait for the disk at each action.
                repo.pf.conn.execute("PRAGMA synchronous = OFF")
                try:
                    _seed_first_session(repo, session_id)
                finally:
                    repo.pf.conn.execute("PRAGMA synchronous = FULL")
    finally:
        repo.close()
    return target
