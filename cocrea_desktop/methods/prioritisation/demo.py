"""The prioritisation of the demo process (``store.demo``), in the Durango style: the
proposals of eight themed tables, Durango's five criteria (urgency weighing double), the
twelve STL members' sheets typed in (a few scores left empty), and the STL's agreement
on the five that go on to the Local Action Plan. The session is left at its results, so
that a newcomer sees the matrix, the ranking and the sensitivity table filled."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from cocrea_desktop.methods.prioritisation.store import preset_specs

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: (table, theme, proposal, how strong the room felt it: 1 weak .. 5 strong)
DEMO_PROPOSALS = [
    ("Mesa 1 · Agua potable", "Agua potable", "Rehabilitar el pozo de la colonia Centro y "
     "publicar cada mes la calidad del agua", 5),
    ("Mesa 1 · Agua potable", "Agua potable", "Tandeo de agua con horario publicado en la "
     "presidencia", 3),
    ("Mesa 2 · Juventudes", "Juventudes", "Becas de transporte para estudiantes de las "
     "agencias", 4),
    ("Mesa 3 · Obras y caminos", "Obras", "Padrón público de obras con avance y costo, "
     "revisado por los comités", 4),
    ("Mesa 3 · Obras y caminos", "Obras", "Reparar el camino a Santa Cruz antes de lluvias", 3),
    ("Mesa 4 · Salud", "Salud", "Médico en el centro de salud también los fines de semana", 5),
    ("Mesa 5 · Mujeres", "Mujeres", "Ventanilla de atención a mujeres con horario ampliado",
     3),
    ("Mesa 6 · Seguridad", "Seguridad", "Alumbrado en el camino a la secundaria", 4),
    ("Mesa 7 · Medio ambiente", "Medio ambiente", "Recolección de basura en las agencias "
     "con calendario fijo", 2),
    ("Mesa 8 · Transparencia", "Transparencia", "Cabildo abierto cada tres meses en una "
     "agencia distinta", 2),
]
EVALUATORS = 12
#: Urgency weighs double in the demo, so that the sensitivity table has something to say.
URGENCY = 2


def seed(repo: Repo, session_id: str) -> None:
    store = repo.prioritisation
    labels = []
    for table, theme, title, _strength in DEMO_PROPOSALS:
        proposal, _c = repo.proposals.add(title, theme=theme, table_label=table)
        labels.append(proposal.label)
    store.put_on_table(session_id, [" ".join(labels)])
    repo.phases.go_to(session_id, "criteria")
    specs = list(preset_specs("durango"))
    specs[2] = type(specs[2])(specs[2].name, specs[2].question, URGENCY, True, True)
    specs = [type(s)(s.name, s.question, s.weight, s.higher_is_priority, True) for s in specs]
    store.set_criteria(session_id, specs, preset="durango")
    repo.phases.go_to(session_id, "evaluators")
    store.set_evaluators(session_id, "stl", EVALUATORS)
    repo.phases.go_to(session_id, "scoring")
    draw = random.Random(2027)
    rows = []
    for sheet in range(1, EVALUATORS + 1):
        for number, (_t, _th, _title, strength) in enumerate(DEMO_PROPOSALS, start=1):
            scores = []
            for _criterion in specs:
                value = max(1, min(5, strength + draw.choice((-1, 0, 0, 0, 1))))
                scores.append("" if draw.random() < 0.02 else value)
            rows.append((sheet, number, *scores))
    store.import_rows(session_id, rows, source="typed")
    repo.phases.go_to(session_id, "results")
    cut = store.cut(session_id, 5)
    if cut.runoff is None:
        store.agree(session_id, cutoff=5, decided_by="Pleno del STL")
    else:
        passing = list(cut.passing) + list(cut.runoff.options[:cut.runoff.places_left])
        store.agree(session_id, cutoff=5, decided_by="Pleno del STL", selected=passing,
                    tie_note="La sala votó de nuevo entre las propuestas empatadas en el "
                             "corte.")
