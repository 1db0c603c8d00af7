"""A prioritisation session with proposals on the table, for the store and screen tests."""

from __future__ import annotations

import pytest

TITLES = ("Pozo para la colonia Centro", "Alumbrado en el camino a la secundaria",
          "Clínica con médico los fines de semana", "Recolección de basura en las agencias")


@pytest.fixture
def prio(repo):
    """(repo, session id): four proposals on the table, Durango's criteria, 3 sheets."""
    for title in TITLES:
        repo.proposals.add(title, theme="Servicios")
    sid, _c = repo.add_session(method="prioritisation",
                               question="¿Qué propuestas pasan al Plan de Acción Local?")
    repo.prioritisation.put_on_table(sid, ["1 2 3 4"])
    repo.prioritisation.use_preset(sid, "durango")
    repo.prioritisation.set_evaluators(sid, "stl", 3)
    return repo, sid
