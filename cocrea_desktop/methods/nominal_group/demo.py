"""The nominal group of the demo process (``store.demo``): a session run to its results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.i18n import N_, _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

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


def seed(repo: Repo, session_id: str) -> None:
    """A nominal group run to its results: ideas, passes, one agreed merge, ballots."""
    phases, ideas = repo.phases, repo.ideas
    # Counted at the door from the paper sheet (anonymous: nobody's name).
    repo.attendance.set_notice_read_aloud(session_id)
    repo.attendance.set_counts(session_id, "sex", {"mujer": 7, "hombre": 5})
    repo.attendance.set_counts(session_id, "age_band",
                               {"18_29": 2, "30_44": 4, "45_59": 4, "60_mas": 2})
    repo.attendance.set_counts(session_id, "sector", {"ciudadania": 9, "gobierno": 2,
                                                      "sociedad_civil": 1})
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
    # Ballots as printed by the program (2 handed out and not returned), so that the
    # register reconciles ("cuadra") as it would after a real session.
    pairs, _changes = repo.register.issue(session_id, "preliminary", len(DEMO_BALLOTS) + 2)
    for (serial, _payload), text in zip(pairs, DEMO_BALLOTS):
        repo.votes.enter_ballot(session_id, "preliminary", text, serial=serial)
    phases.skip(session_id)  # discussion and final vote are optional: on to the results
    repo.relatoria.save(
        session_id,
        convergences=_("Las fugas en la red y la rendición de cuentas del comité del agua "
                       "reúnen la mayoría de los puntos."),
        next_steps=_("Pedir al comité del agua un informe de cobros y una ruta para reparar "
                     "fugas."),
    )
    promote_demo(repo, session_id)


#: What the office took from this table's result (ranks 1 and 2), in its own words.
DEMO_PROPOSALS = [
    (N_("Programa de reparación de fugas en la red de agua"),
     N_("Cuadrilla municipal y un teléfono para reportar fugas, con respuesta en 72 horas."),
     N_("La red es vieja y las fugas duran meses sin repararse."), N_("Agua potable")),
    (N_("Informe público de cobros del comité del agua"),
     N_("El comité publica cada tres meses lo cobrado y en qué se gastó, en el tablero "
        "de la presidencia."),
     N_("Nadie sabe en qué se usa lo que se cobra por el agua."), N_("Rendición de cuentas")),
]


def promote_demo(repo: Repo, session_id: str) -> None:
    """Promote the table's two best-ranked ideas to the process's proposals."""
    for item, (title, description, problem, theme) in zip(
            repo.proposals.result(session_id), DEMO_PROPOSALS):
        repo.proposals.promote(session_id, item.source_kind, item.source_id, title=_(title),
                               description=_(description), problem=_(problem),
                               theme=_(theme))



#: A later closed table of the demo (the youth table): a shorter record, so that the
#: process's reports (the second CEPAL report) show more than one table's work.
MORE_IDEAS = [
    "No hay trabajo para jóvenes; casi todos se van a Oaxaca o al norte.",
    "Que la secundaria tenga internet y computadoras que funcionen.",
    "Un transporte a la preparatoria de Cuicatlán que salga temprano.",
    "Talleres de oficios: carpintería, mecánica, costura, con certificado.",
    "Que el municipio nos tome en cuenta: nadie nos pregunta qué queremos.",
    None,
    "Una cancha con luz para jugar en la tarde.",
    "Apoyo para vender lo que producimos: café, miel, artesanía.",
    "Becas para seguir estudiando sin tener que irse del pueblo.",
    None,
]
MORE_BALLOTS = [
    "1 4 7 3 8", "4 1 7 8 2", "3 8 1 4 5", "7 1 4 2 3", "1 7 4 5 8",
    "8 3 1 4 7", "5 1 4 6 2", "4 7 1 3 8", "1 4 3 7 5", "2 8 1 4 7",
]
MORE_PROPOSALS = [
    (N_("Empleo temporal para jóvenes en las obras del municipio"),
     N_("Una parte de los jornales de cada obra se ofrece primero a jóvenes del municipio."),
     N_("Las y los jóvenes se van porque no encuentran trabajo."), N_("Juventudes")),
    (N_("Talleres de oficios con certificado en la Casa de la Cultura"),
     N_("Carpintería, mecánica y costura, con constancia válida para buscar empleo."),
     N_("No hay dónde aprender un oficio sin salir del municipio."), N_("Juventudes")),
]


def seed_more(repo: Repo, session_id: str) -> None:
    """The youth table, closed: anonymous counts, ideas, one vote, the relatoría and its two
    best-ranked ideas promoted to the process's proposals."""
    phases, ideas = repo.phases, repo.ideas
    repo.attendance.set_notice_read_aloud(session_id)
    repo.attendance.set_counts(session_id, "sex", {"mujer": 6, "hombre": 4})
    repo.attendance.set_counts(session_id, "age_band", {"18_29": 9, "30_44": 1})
    repo.attendance.set_counts(session_id, "sector", {"ciudadania": 10})
    phases.go_to(session_id, "silent_writing")
    phases.go_to(session_id, "round")
    for text in MORE_IDEAS:
        if text is None:
            ideas.pass_turn(session_id)
        else:
            ideas.add(session_id, text)
    phases.go_to(session_id, "clarification")
    phases.go_to(session_id, "preliminary_vote")
    for text in MORE_BALLOTS:
        repo.votes.enter_ballot(session_id, "preliminary", text)
    phases.skip(session_id)
    repo.relatoria.save(
        session_id,
        convergences=_("El trabajo y los oficios reúnen la mayoría de los puntos: quedarse "
                       "depende de poder ganarse la vida aquí."),
        dissent=_("La cancha con luz dividió a la mesa: para unos es lo más urgente, para "
                  "otros puede esperar."),
        next_steps=_("Llevar las dos primeras ideas a la oficina como propuestas."),
    )
    for item, (title, description, problem, theme) in zip(
            repo.proposals.result(session_id), MORE_PROPOSALS):
        repo.proposals.promote(session_id, item.source_kind, item.source_id, title=_(title),
                               description=_(description), problem=_(problem),
                               theme=_(theme))
