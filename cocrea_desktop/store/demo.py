"""A demo process with realistic Spanish sample data, for a newcomer's first look.

The sessions are listed here as data (their method by key); what is captured in the
first session of each method comes from its method's ``demo`` module
(``seed(repo, session_id)``)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from cocrea_desktop.core.clock import Clock, FakeClock
from cocrea_desktop.core.methods import get_method
from cocrea_desktop.i18n import _
from cocrea_desktop.store.device import Device
from cocrea_desktop.store.paths import processes_dir
from cocrea_desktop.store.repo import Repo

DEMO_FILE_NAME = "demo-san-juan-bautista.cocrea.db"

#: How long before now the demo's own clock starts, so that what its sessions record over
#: their hours (the fair's tour) ends before the program's first real action.
DEMO_CLOCK_LEAD_SECONDS = 3 * 3600

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
     "Explanada · Equipos promotores", "2027-02-20", "Explanada del palacio municipal",
     "Equipo STL", "in_progress", 40),
    ("prioritisation", "¿Qué propuestas de las mesas pasan al Plan de Acción Local?",
     "Pleno del STL · Priorización", "2027-03-06", "Sala de cabildo", "Equipo STL",
     "in_progress", 12),
    ("nominal_group", "¿Cómo mejorar la atención en el centro de salud?",
     "Mesa 5 · Mujeres", "2027-02-27", "Centro de salud rural", "Lucía Ramírez",
     "planned", 0),
    ("assembly", "Asamblea de la agencia de San Miguel: agua, camino y desayunador escolar",
     "Asamblea · Agencia San Miguel", "2027-03-06", "Cancha de la agencia San Miguel",
     "Rosa Martínez", "in_progress", 59),
    ("jury", "¿Cómo asegurar el agua potable de todas las comunidades en las secas?",
     "Agua potable", "2027-03-13", "Salón ejidal de Santa Cruz", "Equipo STL",
     "in_progress", 12),
]


def create_demo(path: str | os.PathLike[str] | None = None, *, device: Device | None = None,
                clock: Clock | None = None, sessions: int | None = None) -> Path:
    """Create the demo process file (or a bigger one with ``sessions`` sessions)."""
    target = Path(path) if path else processes_dir() / DEMO_FILE_NAME
    # A clock the seeds may move (the fair's visits each at their minute), started early
    # enough that it never runs ahead of the computer's.
    clock = clock or FakeClock(time.time() - DEMO_CLOCK_LEAD_SECONDS)
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
        seeded: set[str] = set()
        for i in range(count):
            method, question, table, date, place, facilitator, status, people = \
                DEMO_SESSIONS[i % len(DEMO_SESSIONS)]
            if i >= len(DEMO_SESSIONS):
                table = f"{table} ({i // len(DEMO_SESSIONS) + 1})"
            seed = getattr(get_method(method).module("demo"), "seed", None)
            seeding = method not in seeded and seed is not None
            # A session is run first and concluded after: a concluded one no longer changes.
            session_id, _changes = repo.add_session(
                method=method, question=question, table_label=table, date=date, place=place,
                facilitator=facilitator, status="in_progress" if seeding else status,
                participant_count=people)
            if seeding:
                seeded.add(method)
                # A sample, not a record: no need to wait for the disk at each action.
                repo.pf.conn.execute("PRAGMA synchronous = OFF")
                try:
                    seed(repo, session_id)
                finally:
                    repo.pf.conn.execute("PRAGMA synchronous = FULL")
                if status == "closed":
                    repo.end_session(session_id)
    finally:
        repo.close()
    return target
