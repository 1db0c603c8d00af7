"""Nominal group (*grupo nominal*), after Delbecq & Van de Ven (methods.md)."""

from __future__ import annotations

from cocrea_desktop.core.methods import register
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

NOMINAL_GROUP = register(Method(
    key="nominal_group",
    package=__name__,
    order=10,
    title=N_("Grupo nominal"),
    summary=N_("Ideas escritas en silencio, compartidas en ronda, aclaradas y votadas "
               "en secreto por orden de importancia."),
    min_people=8,
    max_people=15,
    phases=(
        Phase("question", N_("Pregunta"),
              N_("Se muestra la pregunta y se lee en voz alta."),
              N_("Lea la pregunta detonadora y confirme que todas las personas la entienden."),
              kind="question"),
        Phase("silent_writing", N_("Escritura en silencio"),
              N_("Cada persona escribe sus ideas a solas, sin hablar."),
              N_("Inicie el tiempo y cuide que nadie converse."), minutes=10, kind="timer"),
        Phase("round", N_("Ronda"),
              N_("Por turnos, cada persona dice una idea; no se responde ni se debate; "
                 "quien ya no tiene ideas dice «paso»."),
              N_("Escriba cada idea tal como se dice; pulse Intro para la siguiente."),
              minutes=30, kind="capture"),
        Phase("clarification", N_("Aclaración"),
              N_("Cada idea se aclara, no se debate; las ideas repetidas se fusionan "
                 "solo si la sala está de acuerdo."),
              N_("Lea cada idea, pida aclaraciones y proponga fusiones."), minutes=20,
              kind="clarify"),
        Phase("preliminary_vote", N_("Votación preliminar"),
              N_("Cada persona elige sus ideas más importantes y las ordena, en secreto."),
              N_("Reparta las boletas y capture cada boleta al recibirla."), minutes=10,
              kind="vote", vote_round="preliminary"),
        Phase("discussion", N_("Discusión del voto"),
              N_("Se comentan los votos muy divididos."),
              N_("Muestre los resultados y pregunte por las ideas con votos divididos."),
              minutes=15, optional=True, kind="discuss"),
        Phase("final_vote", N_("Votación final"),
              N_("Se vota de nuevo, igual que en la votación preliminar."),
              N_("Reparta boletas nuevas y capture cada una."), minutes=10, optional=True,
              kind="vote", vote_round="final"),
        Phase("results", N_("Resultados y relatoría"),
              N_("Se presenta la lista ordenada y las coincidencias."),
              N_("Lea los resultados y escriba la relatoría."), kind="results"),
    ),
))
