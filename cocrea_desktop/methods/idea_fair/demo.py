"""The idea fair of the demo process (``store.demo``): a fair held, with letters to follow up.

Stands registered, authorities at the opening, their tour and their interest, two
cartas compromiso drafted (one already in the Local Action Plan), and the public's
dot vote at the closing: every phase of the fair has something to show.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

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
    with tempfile.TemporaryDirectory() as folder:
        fair.attach(lights.id, signed_letter_scan(Path(folder), lights.folio))


def signed_letter_scan(folder: Path, folio: str) -> Path:
    """A one-page PDF standing for the scan of the signed letter (the demo has no paper)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    path = folder / f"carta-{folio}-firmada.pdf"
    page = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    width, height = letter
    page.setFont("Helvetica-Bold", 15)
    page.drawString(72, height - 90, f"Carta compromiso {folio}")
    page.setFont("Helvetica", 11)
    lines = ["Ruta segura a la secundaria - Vecinos de El Calvario",
             "La autoridad se compromete a instalar seis luminarias en el camino.",
             "El equipo se compromete a organizar rondines vecinales.",
             "San Juan Bautista Cuicatlan, Oaxaca, 20 de febrero de 2027."]
    for i, line in enumerate(lines):
        page.drawString(72, height - 130 - 18 * i, line)
    for x, who in ((72, "Por el equipo promotor"), (330, "Por la autoridad")):
        y = 260
        path_obj = page.beginPath()  # a signature, by hand
        path_obj.moveTo(x + 10, y + 12)
        path_obj.curveTo(x + 40, y + 45, x + 60, y - 10, x + 90, y + 20)
        path_obj.curveTo(x + 110, y + 40, x + 130, y, x + 170, y + 14)
        page.setLineWidth(1.4)
        page.drawPath(path_obj)
        page.setLineWidth(0.6)
        page.line(x, y, x + 200, y)
        page.drawString(x, y - 16, who)
    page.save()
    return path
