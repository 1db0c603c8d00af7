"""The follow-up meeting of the demo process (``store.demo``): the comité de contraloría
social of San Juan Bautista Cuicatlán meets in February 2028, reviews the milestones due
by the end of the month and not done (the works' file format, late; the youth council's
call and its installation) and records its agreements; the youth council's call is now in progress.

It needs the plan and its follow-up: ``AFTER_PLAN`` asks the demo to seed it once they
exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: Seed this session after the demo's plan (its commitments and follow-up) is written.
AFTER_PLAN = True
CUTOFF = "2028-02-29"

#: (milestone or "", text, responsible, due date, new status, new percent)
DEMO_AGREEMENTS = [
    ("2.1", "La Tesorería visita las agencias de San Isidro y Santa Cruz para revisar el "
     "formato de expediente con sus comités de obra.", "C.P. Andrés Morales Ruiz",
     "2028-03-15", "", None),
    ("3.1", "La convocatoria al consejo juvenil ya está en los estrados del palacio; se "
     "lee en la radio comunitaria y se lleva a las tres escuelas de bachillerato.",
     "Regiduría de Juventud", "2028-03-01", "in_progress", 50),
    ("3.2", "El cabildo nombra a quien responde por la instalación del consejo juvenil.",
     "Rosa Martínez Cruz, presidenta municipal", "2028-03-10", "", None),
    ("", "La próxima reunión del comité es el 11 de mayo de 2028 en la sala de cabildo.",
     "Lucía Ramírez Santiago", "2028-05-11", "", None),
]


def seed(repo: Repo, session_id: str) -> None:
    fm, phases = repo.followup_meeting, repo.phases
    repo.attendance.set_notice_read_aloud(session_id)
    repo.attendance.set_counts(session_id, "sex", {"mujer": 6, "hombre": 5})
    repo.attendance.set_counts(session_id, "sector", {"gobierno": 3, "sociedad_civil": 5,
                                                      "ciudadania": 3})
    phases.go_to(session_id, "review")
    fm.set_cutoff(session_id, CUTOFF)
    if not fm.due(session_id):
        return  # a bigger demo without the plan: nothing to review
    fm.record_review(session_id)
    phases.go_to(session_id, "agreements")
    labels = {s.label for s in repo.followup.states()}
    for milestone, text, responsible, due, status, percent in DEMO_AGREEMENTS:
        if milestone and milestone not in labels:
            continue
        fm.add_agreement(session_id, text=text, milestone=milestone,
                         responsible=responsible, due=due, status=status, percent=percent)
