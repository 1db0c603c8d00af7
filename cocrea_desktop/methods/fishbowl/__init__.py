"""Fishbowl (*pecera*), for polarised topics (methods.md)."""

from __future__ import annotations

from cocrea_desktop.core.methods import register
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

FISHBOWL = register(Method(
    key="fishbowl",
    package=__name__,
    order=20,
    title=N_("Pecera"),
    summary=N_("Grupos con distintas posturas hablan por turnos al centro mientras el resto "
               "escucha; después se ordenan las ideas por similitud y se vota."),
    min_people=8,
    max_people=20,
    vote_kind="dots",
    vote_on="clusters",
    option_noun="cluster",
    phases=(
        Phase("groups", N_("Grupos"),
              N_("Se forman los grupos y se sortea en pantalla el orden de los turnos."),
              N_("Registre los grupos y sortee el orden."), kind="groups"),
        Phase("turns", N_("Turno de cada grupo"),
              N_("El grupo del centro habla; quienes están fuera escuchan en silencio."),
              N_("Inicie el tiempo del grupo y capture sus ideas."), minutes=10, kind="turns"),
        Phase("open_round", N_("Ronda abierta"),
              N_("¿Qué aprendimos unos de otros?"),
              N_("Anote lo que se diga."), minutes=10, optional=True, kind="open_round"),
        Phase("clustering", N_("Ordenar por similitud"),
              N_("Las ideas de todos los grupos se juntan por parecido."),
              N_("Agrupe las ideas y muestre qué grupos coinciden."), kind="cluster"),
        Phase("vote", N_("Votación"),
              N_("Cada persona reparte sus puntos entre los grupos de ideas."),
              N_("Capture las boletas o los conteos."), kind="vote", vote_round="vote"),
        Phase("synthesis", N_("Síntesis"),
              N_("Se nombran los temas que plantearon varias posturas y los que planteó "
                 "una sola."),
              N_("Escriba la síntesis."), kind="synthesis"),
    ),
))
