"""The fishbowl of the demo process (``store.demo``): three positions heard, clustered, voting.

The session is left in its vote, with the dots of most of the room typed in, so that
a newcomer sees every earlier phase filled and a result forming on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: (position, people) in the order drawn.
DEMO_GROUPS = [
    ("Agencias del norte: repartir por número de habitantes", 6),
    ("Cabecera municipal: primero las obras que sirven a todos", 6),
    ("Comités de obra: repartir por necesidades urgentes", 6),
]
#: What each group said in its turn (by group number).
DEMO_TURN_IDEAS = {
    1: ["Cada agencia debe recibir según cuántas personas viven en ella.",
        "Publicar cada año cuánto recibió cada agencia y en qué se gastó.",
        "Las agencias lejanas pagan más por el material: que se tome en cuenta."],
    2: ["Primero la clínica y el agua potable, que sirven a todo el municipio.",
        "Publicar cada año cuánto recibió cada agencia y en qué se gastó.",
        "Una obra grande bien hecha rinde más que muchas pequeñas."],
    3: ["Atender primero los caminos que se cortan en lluvias.",
        "Que los comités de obra vigilen el gasto y lo informen en asamblea.",
        "Las escuelas sin agua deben ir antes que cualquier obra nueva."],
}
#: Clusters: label and the ideas (by number, in the order said) that go in it.
DEMO_CLUSTERS = [
    ("Cuentas claras del presupuesto de obras", [2, 5, 8]),
    ("Reparto según población y distancia", [1, 3]),
    ("Primero lo urgente: agua, clínica, caminos y escuelas", [4, 7, 9]),
    ("Pocas obras grandes y bien hechas", [6]),
]
#: Dots ballots (three dots each, stacking allowed), as typed from the papers.
DEMO_DOTS = ["1 1 3", "1 3 3", "2 1 3", "1 1 1", "3 3 2", "1 3 4", "2 2 1", "3 1 1",
             "1 4 3", "3 3 1", "1 2 3", "3 1 2", "1 1 4", "2 3 3"]


def seed(repo: Repo, session_id: str) -> None:
    """Groups drawn, each turn held with its ideas, an open round skipped, clusters, dots."""
    fishbowl, ideas, phases = repo.fishbowl, repo.ideas, repo.phases
    repo.attendance.set_notice_read_aloud(session_id)
    repo.attendance.set_counts(session_id, "sex", {"mujer": 8, "hombre": 10})
    repo.attendance.set_counts(session_id, "age_band",
                               {"18_29": 3, "30_44": 6, "45_59": 6, "60_mas": 3})
    repo.attendance.set_counts(session_id, "community", {
        "Santa Cruz": 6, "Cabecera municipal": 6, "San Pedro Chicozapotes": 6})
    groups = [fishbowl.add_group(session_id, label, size=size)[0] for label, size in DEMO_GROUPS]
    # The draw on the day came out in the listed order; a fixed order keeps the demo the same.
    fishbowl.draw_order(session_id, shuffle=lambda order: order.sort(key=lambda g: g.number))
    phases.go_to(session_id, "turns")
    for group in groups:
        fishbowl.start_turn(session_id, group.id)
        for text in DEMO_TURN_IDEAS[group.number]:
            ideas.add(session_id, text, group_key=group.id)
        fishbowl.end_turn(session_id, group.id)
    phases.go_to(session_id, "clustering")
    said = sorted(ideas.list(session_id), key=lambda i: i.number)
    for label, numbers in DEMO_CLUSTERS:
        cluster, _changes = ideas.add_cluster(session_id, label)
        ideas.set_cluster([said[n - 1].id for n in numbers], cluster.id)
    phases.go_to(session_id, "vote")
    repo.votes.configure(session_id, "vote", dots_per_person=3, max_per_option=3,
                         participants=18)
    # Ballots as printed by the program (4 handed out and not returned), so that the
    # register reconciles ("cuadra") as it would after a real session.
    pairs, _changes = repo.register.issue(session_id, "vote", len(DEMO_DOTS) + 4)
    for (serial, _payload), text in zip(pairs, DEMO_DOTS):
        repo.votes.enter_ballot(session_id, "vote", text, serial=serial)
    repo.relatoria.save(
        session_id,
        convergences=_("Las tres posturas piden publicar cada año cuánto recibió cada "
                       "agencia y en qué se gastó."),
        dissent=_("Pocas obras grandes y bien hechas: solo la cabecera municipal lo "
                  "planteó."),
        next_steps=_("Llevar al cabildo la propuesta más votada y publicar el reparto de "
                     "este año en el tablero de la agencia."),
    )
    # The office takes the most voted cluster as a proposal, as the room asked.
    best = repo.proposals.result(session_id)[0]
    repo.proposals.promote(
        session_id, best.source_kind, best.source_id,
        title=_("Publicar cada año el reparto del presupuesto de obras por agencia"),
        description=_("Tabla en el tablero de cada agencia y en la página del municipio: "
                      "cuánto recibió cada agencia y en qué obras se gastó."),
        problem=_("Las agencias no saben con qué criterio se reparte el presupuesto."),
        theme=_("Rendición de cuentas"))

