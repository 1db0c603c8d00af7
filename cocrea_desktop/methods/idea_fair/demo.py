"""The idea fair of the demo process (``store.demo``): a fair held, with letters to follow up.

Stands registered, authorities at the opening, their tour and their interest, two
cartas compromiso drafted (one already in the Local Action Plan), and the public's
dot vote at the closing: every phase of the fair has something to show.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cocrea_desktop.i18n import _

#: The demo's scan of the signed carta CC-002.
SIGNED_SCAN = (Path(__file__).resolve().parents[3] / "resources" / "demo"
               / "carta-CC-002-firmada.pdf")

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: Promoter teams: title, summary, problem, theme, organisation, contact, what they ask.
DEMO_STANDS = [
    ("Radio comunitaria", "Una radio de la comunidad que informe en mixteco y en español.",
     "Los avisos del municipio no llegan a quien no lee.", "Transparencia",
     "Colectivo Voces del Río", "Marisol Cruz", "Permiso y un espacio en la casa de cultura"),
    ("Huertos escolares", "Huertos en tres primarias, cuidados por madres, padres y alumnos.",
     "Mala alimentación en la niñez.", "Salud", "Comité de padres de la Escuela Benito Juárez",
     "Andrés López", "Agua para riego y herramientas"),
    ("Ruta segura a la secundaria", "Alumbrado y vigilancia vecinal en el camino a la secundaria.",
     "Asaltos a estudiantes al anochecer.", "Seguridad", "Vecinos de El Calvario",
     "Guadalupe Reyes", "Seis luminarias"),
    ("Tianguis de productores", "Un tianguis semanal de productores locales en la explanada.",
     "Los intermediarios pagan poco por la cosecha.", "Empleo",
     "Unión de Productores de Cuicatlán", "Efraín Santiago", "Permiso de uso de la explanada"),
    ("Comité ciudadano de obra", "Capacitar a vecinos para vigilar las obras de su agencia.",
     "Obras inconclusas sin explicación.", "Contraloría social", "Red Ciudadana Cañada",
     "Leticia Pérez", "Copia de los expedientes de obra"),
]
#: Authorities at the opening: name, post, agency.
DEMO_AUTHORITIES = [
    ("Ing. Miguel Ángel Sosa", "Director de Obras Públicas", "Ayuntamiento"),
    ("Lic. Carmen Velasco", "Regidora de Educación", "Ayuntamiento"),
    ("Dra. Elena Morales", "Coordinadora regional", "Servicios de Salud"),
]
#: The tour: (minutes since the previous visit, stand, authority, notes).
DEMO_VISITS = [
    (0, 1, 2, "Pregunta por el costo del transmisor."), (12, 2, 2, ""), (3, 2, 3, ""),
    (9, 3, 1, "Revisará el alumbrado del camino."), (11, 4, 1, ""), (8, 5, 1, ""),
    (6, 5, 2, ""),
]
#: Interest: (stand, authority, level, note).
DEMO_INTEREST = [
    (1, 2, "meeting", "Reunión con el área de comunicación."),
    (2, 2, "commit", ""), (2, 3, "interested", ""),
    (3, 1, "commit", "Luminarias en el programa de este año."),
    (4, 1, "interested", ""), (5, 1, "meeting", ""),
]
#: The public's dot vote at the closing, by stand (typed from the dots on the wall).
DEMO_DOTS = ["2 3 5", "3 3 1", "2 5 5", "1 3 4", "3 2 2", "5 3 1", "4 4 2", "3 1 2",
             "2 2 3", "5 1 3"]


def seed(repo: Repo, session_id: str) -> None:
    """Every phase of the fair with something in it, closing vote and follow-up included."""
    fair, phases = repo.fair, repo.phases
    for title, summary, problem, theme, organisation, contact, asks in DEMO_STANDS:
        fair.add_stand(session_id, title=title, summary=summary, problem=problem, theme=theme,
                       organisation=organisation, contact_name=contact, asks=asks)
    phases.go_to(session_id, "setup")
    phases.go_to(session_id, "opening")
    for name, post, agency in DEMO_AUTHORITIES:
        fair.add_authority(session_id, name=name, post=post, agency=agency)
    phases.go_to(session_id, "tour")
    # The tour took the better part of an hour: when the demo's clock can be moved (the
    # demo is written with a clock of its own, see ``store.demo``), each visit is
    # recorded at its own minute; with the computer's clock they are recorded as they come.
    advance = getattr(repo.pf.clock, "advance", None)
    for minutes, stand, authority, notes in DEMO_VISITS:
        if advance is not None:
            advance(minutes * 60)
        fair.log_visit(session_id, stand, authority, notes)
    phases.go_to(session_id, "interest")
    for stand, authority, level, note in DEMO_INTEREST:
        fair.set_interest(session_id, stand, authority, level, note)
    phases.go_to(session_id, "letters")
    gardens, _changes = fair.draft_letter(
        session_id, 2, 2, letter_date="2027-02-20",
        team_commits="Cuidar los huertos todo el ciclo escolar y llevar el registro de cosechas.",
        authority_commits="Gestionar la toma de agua para riego en las tres escuelas.",
        next_step="Visita a las escuelas con el área de educación.",
        next_step_date="2027-03-06", follow_up_contact="Regiduría de Educación",
        witness="Secretariado Técnico Local",
        responsible="Lic. Carmen Velasco (Regiduría de Educación) y el comité de padres",
        next_meeting="2027-03-06")
    lights, _changes = fair.draft_letter(
        session_id, 3, 1, letter_date="2027-02-20",
        team_commits="Organizar rondines vecinales y avisar de las fallas del alumbrado.",
        authority_commits="Instalar seis luminarias en el camino a la secundaria.",
        next_step="Recorrido del camino con Obras Públicas.", next_step_date="2027-03-13",
        follow_up_contact="Dirección de Obras Públicas", witness="Secretariado Técnico Local",
        responsible="Ing. Miguel Ángel Sosa (Obras Públicas) y los vecinos de El Calvario",
        next_meeting="2027-03-13")
    phases.go_to(session_id, "closing")
    repo.votes.configure(session_id, "vote", dots_per_person=3, max_per_option=3,
                         participants=10)
    # Ballots as printed by the program, so that the
    # register reconciles ("cuadra") as it would after a real session.
    pairs, _changes = repo.register.issue(session_id, "vote", len(DEMO_DOTS) + 0)
    for (serial, _payload), text in zip(pairs, DEMO_DOTS):
        repo.votes.enter_ballot(session_id, "vote", text, serial=serial)
    phases.go_to(session_id, "follow_up")
    fair.set_letter_status(gardens.id, "in_progress")
    fair.set_letter_status(lights.id, "in_pal")
    # The signed paper, scanned: a one-page PDF kept with the program's resources (drawn
    # once with reportlab; making it here would load reportlab and Pillow at first start).
    fair.attach(lights.id, SIGNED_SCAN)
    # The office promotes the most voted stand and the carta already in the Local Action
    # Plan; the stand's summary, problem and theme come with them.
    offered = repo.proposals.result(session_id)
    best = next(item for item in offered if item.source_kind == "fair_stand")
    repo.proposals.promote(session_id, best.source_kind, best.source_id)
    letter = next(item for item in offered if item.source_id == lights.id)
    repo.proposals.promote(session_id, letter.source_kind, letter.source_id,
                           title=_("Seis luminarias en el camino a la secundaria"))
    # And one typed at the office, from a citizen's written request.
    repo.proposals.add(
        _("Ventanilla única para trámites de las agencias"),
        description=_("Un día al mes, personal del municipio atiende trámites en cada "
                      "agencia."),
        problem=_("Para cualquier trámite hay que viajar hasta la cabecera."),
        theme=_("Atención ciudadana"), table_label=_("Solicitud por escrito"))
