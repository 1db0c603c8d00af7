"""The citizens' jury of the demo process (``store.demo``): 36 volunteers from three
communities, quotas by community, sex and age band, a jury of 12 drawn with public dice,
one replacement, three witnesses, the deliberation and four recommendations.

The draw is stored precomputed (``DEMO_PANEL``, ``DEMO_REPLACEMENTS``,
``DEMO_PROBABILITIES``), so that the demo builds fast; a test draws again from the same
pool, quotas and dice and checks that it is the same jury.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.methods.jury import draw as lottery

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

COMMUNITIES = ("Cabecera municipal", "Santa Cruz", "San Pedro Chicozapotes")
FIRST_WOMEN = ("María Elena", "Guadalupe", "Rosa", "Juana", "Leticia", "Marisol", "Patricia",
               "Alejandra", "Carmen", "Yolanda", "Beatriz", "Adriana", "Silvia", "Teresa",
               "Norma", "Araceli", "Reyna", "Fabiola")
FIRST_MEN = ("José Luis", "Juan Carlos", "Pedro", "Miguel Ángel", "Francisco", "Jesús",
             "Antonio", "Raúl", "Fernando", "Isidro", "Abel", "Rogelio", "Eusebio", "Hugo",
             "Rubén", "Efraín", "Gerardo", "Crisóforo")
SURNAMES = ("Hernández", "García", "Martínez", "López", "Pérez", "Cruz", "Ramírez", "Santiago",
            "Jiménez", "Ruiz", "Mendoza", "Vásquez", "Morales", "Reyes", "Gómez", "Bautista",
            "Sánchez", "Aquino")
AGES = ("18-29", "30-44", "45-59", "60 y más")
DEMO_SIZE = 12
DEMO_DICE = "4 2 6 1 1 5 3 6 2 4 5 3"
DEMO_WITNESSES = "Rosa Martínez (STL), Isidro Cruz (comisariado ejidal)"
#: feature -> value -> (min, max)
DEMO_QUOTAS = {
    "comunidad": {c: (3, 5) for c in COMMUNITIES},
    "sexo": {"Mujer": (6, 6), "Hombre": (6, 6)},
    "edad": {"18-29": (2, 4), "30-44": (2, 4), "45-59": (2, 4), "60 y más": (2, 4)},
}


def demo_volunteers() -> list[tuple[str, str, dict[str, str]]]:
    """(name, contact, features) of the 36 volunteers, always the same."""
    import random

    rng = random.Random(2027)  # the cabecera volunteers most, the young least
    out = []
    for i in range(36):
        woman = i % 2 == 0
        first = (FIRST_WOMEN if woman else FIRST_MEN)[(i // 2) % 18]
        name = f"{first} {SURNAMES[(i * 7) % 18]} {SURNAMES[(i * 5 + 3) % 18]}"
        features = {"comunidad": rng.choices(COMMUNITIES, weights=(5, 3, 2))[0],
                    "sexo": "Mujer" if woman else "Hombre",
                    "edad": rng.choices(AGES, weights=(2, 4, 4, 3))[0]}
        out.append((name, f"951 52 {10 + i:02d} {30 + (i * 7) % 60:02d}", features))
    return out


def demo_input() -> lottery.DrawInput:
    vols = {str(n): f for n, (_name, _c, f) in enumerate(demo_volunteers(), start=1)}
    quotas = tuple(lottery.Quota(f, v, lo, hi) for f, values in DEMO_QUOTAS.items()
                   for v, (lo, hi) in values.items())
    seed, _text = lottery.seed_from_dice(lottery.parse_dice(DEMO_DICE))
    return lottery.DrawInput(vols, quotas, DEMO_SIZE, seed)


#: The draw of ``demo_input()``, as ``lottery.run_draw`` gives it (checked by a test).
DEMO_PANEL: list[str] = [
    "2", "3", "6", "13", "16", "17", "20", "25", "27", "28", "32", "33"
]
DEMO_REPLACEMENTS: list[str] = [
    "34", "14", "8", "11", "7", "22", "18", "24", "36", "15", "30", "31", "29", "35", "26",
    "10", "4", "1", "19", "5", "23", "21", "12", "9"
]
DEMO_PROBABILITIES: dict[str, float] = {
    "1": 0.25, "2": 0.25, "3": 0.25, "4": 0.25, "5": 0.25, "6": 0.815789, "7": 0.25, "8":
    0.25, "9": 0.552632, "10": 0.25, "11": 0.25, "12": 0.25, "13": 0.25, "14": 0.25, "15":
    0.25, "16": 0.631579, "17": 0.802632, "18": 0.25, "19": 0.25, "20": 0.25, "21":
    0.289474, "22": 0.289474, "23": 0.763158, "24": 0.302632, "25": 0.25, "26": 0.25, "27":
    0.25, "28": 0.460526, "29": 0.25, "30": 0.434211, "31": 0.302632, "32": 0.302632, "33":
    0.289474, "34": 0.263158, "35": 0.25, "36": 0.25
}

WITNESSES = [
    ("Ing. Marta Díaz Aquino", "Comisión Nacional del Agua, oficina de Cuicatlán",
     "El pozo de la cabecera baja cerca de un metro cada año; recomienda medir el consumo "
     "de cada toma antes de subir tarifas."),
    ("Isidro Cruz Bautista", "Comisariado ejidal de Santa Cruz",
     "Las tomas de la parte alta se quedan sin agua en marzo y abril; el ejido ofrece el "
     "terreno para un tanque de almacenamiento."),
    ("Lic. Patricia Reyes", "Tesorería municipal",
     "El sistema de agua recauda la tercera parte de lo que cuesta operarlo; hay 212 tomas "
     "sin registro."),
]
#: The document the treasury brought (its SHA-256 is what the record keeps).
PADRON = ("comunidad,tomas_registradas,tomas_sin_registro\n"
          "Cabecera municipal,640,118\nSanta Cruz,210,61\nSan Pedro Chicozapotes,95,33\n")
NOTES = [
    "El jurado pidió a la Tesorería el padrón de tomas por comunidad.",
    "Se discutió si subir la tarifa; varias personas dijeron que primero deben medirse las "
    "tomas.",
    "Hubo acuerdo en que el tanque de Santa Cruz es lo más urgente.",
]
RECOMMENDATIONS = [
    ("Construir el tanque de almacenamiento de Santa Cruz en el terreno del ejido antes de "
     "la próxima temporada de secas.", None),
    ("Registrar las 212 tomas sin padrón y publicar cada trimestre cuánto se recauda y en "
     "qué se gasta.", None),
    ("Instalar medidores en todas las tomas de la cabecera en dos años.", None),
    ("Cobrar por tramos de consumo una vez instalados los medidores.", (8, 3, 1)),
]


def seed(repo: Repo, session_id: str) -> None:
    jury = repo.jury
    repo.attendance.set_notice_read_aloud(session_id)
    for name, contact, features in demo_volunteers():
        jury.add_volunteer(session_id, name=name, contact=contact, features=features,
                           consent=True)
    for feature, values in DEMO_QUOTAS.items():
        for value, (low, high) in values.items():
            jury.set_quota(session_id, feature, value, low, high)
    repo.phases.go_to(session_id, "draw")
    data = jury.prepare_draw(session_id, size=DEMO_SIZE, dice=DEMO_DICE,
                             witnesses=DEMO_WITNESSES)
    if DEMO_PANEL:
        result = lottery.DrawResult(lottery.ALGORITHM, data.seed, dict(DEMO_PROBABILITIES),
                                    list(DEMO_PANEL), list(DEMO_REPLACEMENTS))
    else:  # pragma: no cover - only before the constants were filled in
        result = lottery.run_draw(data)
    jury.save_draw(session_id, data, result, dice=DEMO_DICE, witnesses=DEMO_WITNESSES)
    jury.replace(session_id, int(DEMO_PANEL[1] if DEMO_PANEL else result.panel[1]),
                 reason="Se fue a trabajar a Oaxaca")
    repo.phases.go_to(session_id, "witnesses")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        padron = Path(folder) / "padron-de-tomas-2026.csv"
        padron.write_text(PADRON, encoding="utf-8")
        for i, (name, role, summary) in enumerate(WITNESSES):
            jury.add_witness(session_id, name=name, role=role, summary=summary,
                             documents=[padron] if i == 2 else [])
    repo.phases.go_to(session_id, "deliberation")
    for text in NOTES:
        jury.add_note(session_id, text)
    for text, support in RECOMMENDATIONS:
        if support is None:
            jury.add_recommendation(session_id, text=text)
        else:
            jury.add_recommendation(session_id, text=text, agreement="support",
                                    support=support[0], against=support[1],
                                    abstain=support[2])
