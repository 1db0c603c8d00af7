"""A believable pool of volunteers and quotas for the jury's tests."""

from __future__ import annotations

import random

COMMUNITIES = ("San Miguel", "El Llano", "La Loma")
SEXES = ("Mujer", "Hombre")
AGES = ("18-29", "30-59", "60 y más")
DICE = "3 6 1 2 5 4 4 2 6 1 3 3"


def pool_features(count: int, seed: int = 5) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [{"comunidad": rng.choice(COMMUNITIES), "sexo": SEXES[i % 2],
             "edad": rng.choice(AGES)} for i in range(count)]


def fill_pool(repo, session_id: str, count: int = 30, seed: int = 5) -> None:
    for i, features in enumerate(pool_features(count, seed), start=1):
        repo.jury.add_volunteer(session_id, name=f"Persona Voluntaria {i}",
                                contact=f"951 100 {i:04d}", features=features, consent=True)


def set_quotas(repo, session_id: str, size: int = 12) -> None:
    for c in COMMUNITIES:
        repo.jury.set_quota(session_id, "comunidad", c, 2, size // 2)
    half = size // 2
    repo.jury.set_quota(session_id, "sexo", "Mujer", half, size - half)
    repo.jury.set_quota(session_id, "sexo", "Hombre", half, size - half)
    for a in AGES:
        repo.jury.set_quota(session_id, "edad", a, 2, size // 2)


def new_jury(repo, count: int = 30, size: int = 12) -> str:
    sid, _c = repo.add_session(method="jury", question="¿Cómo cuidamos el agua del municipio?")
    fill_pool(repo, sid, count)
    set_quotas(repo, sid, size)
    return sid
