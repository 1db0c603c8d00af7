"""The launch of the demo process (``store.demo``): San Juan Bautista Cuicatlán presents
its Local Action Plan on a Saturday at the cancha municipal. The attendance is counted,
the agenda ran item by item with its clock, every commitment of the plan was shown to
the room, the authorities signed and the closing note is written: the acta is ready to
print (go back to «Presentación del plan» to see a commitment as the room saw it).

It needs the plan: ``AFTER_PLAN`` asks the demo to seed it once the commitments exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: Seed this session after the demo's plan (its commitments) is written.
AFTER_PLAN = True

#: (item, who presents, minutes allotted, minutes it took)
DEMO_AGENDA = [
    ("Bienvenida y honores a la bandera", "Rosa Martínez Cruz, presidenta municipal", 10, 12),
    ("Cómo se construyó el plan: mesas, feria de ideas y priorización",
     "Marisol Pérez Aquino, facilitadora del STL", 15, 14),
    ("Presentación de los compromisos del PAL 2027-2029", "Secretariado Técnico Local", 30,
     33),
    ("Mensaje del órgano garante", "Mtra. Elena Vásquez Ortiz, comisionada", 10, 8),
    ("Firma del plan y clausura", "Rosa Martínez Cruz, presidenta municipal", 10, 11),
]
#: (name, post, agency or organisation, signed?)
DEMO_SIGNATURES = [
    ("Rosa Martínez Cruz", "Presidenta municipal", "Ayuntamiento de San Juan Bautista "
     "Cuicatlán", True),
    ("Ing. Rodrigo Salinas Ortiz", "Director", "Dirección de Obras Públicas", True),
    ("C.P. Andrés Morales Ruiz", "Tesorero municipal", "Tesorería Municipal", True),
    ("Lic. Karla Santos Méndez", "Regidora de Juventud", "Regiduría de Juventud", True),
    ("Lucía Ramírez Santiago", "Presidenta", "Comité de Agua Potable de la Cabecera", True),
    ("Mtra. Elena Vásquez Ortiz", "Comisionada", "Órgano Garante de Acceso a la Información "
     "de Oaxaca", False),
]
CLOSING_NOTE = ("El plan se firmó frente a la asamblea a las 12:40 horas. El comité de "
                "contraloría social dará seguimiento a los compromisos cada tres meses; la "
                "primera reunión será en febrero de 2028.")


def seed(repo: Repo, session_id: str) -> None:
    la, phases = repo.launch, repo.phases
    advance = getattr(repo.pf.clock, "advance", None)
    repo.attendance.set_notice_read_aloud(session_id)
    repo.attendance.set_counts(session_id, "sex", {"mujer": 71, "hombre": 63})
    repo.attendance.set_counts(session_id, "sector", {"gobierno": 19, "sociedad_civil": 26,
                                                      "ciudadania": 89})
    repo.attendance.set_counts(session_id, "age_band", {"menos_18": 12, "18_29": 30,
                                                        "30_44": 41, "45_59": 29,
                                                        "60_mas": 22})
    for title, presenter, minutes, _took in DEMO_AGENDA:
        la.add_item(session_id, title, presenter=presenter, minutes=minutes)
    phases.go_to(session_id, "agenda")
    for number, (_title, _presenter, _minutes, took) in enumerate(DEMO_AGENDA, 1):
        la.next(session_id)
        if number == 3:  # the commitments, one by one, while the item runs
            phases.go_to(session_id, "plan")
            for c in la.commitments():
                la.show(session_id, c.id)
                if advance is not None:
                    advance(took * 60 / 3)
            phases.go_to(session_id, "agenda")
        elif advance is not None:
            advance(took * 60)
    la.close_item(session_id)
    phases.go_to(session_id, "closing")
    for name, post, organisation, signed in DEMO_SIGNATURES:
        la.add_signature(session_id, name=name, post=post, organisation=organisation,
                         signed=signed)
    la.set_closing_note(session_id, CLOSING_NOTE)
