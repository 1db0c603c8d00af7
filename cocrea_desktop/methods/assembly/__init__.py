"""Community assembly (*asamblea comunitaria* / *jornada ciudadana*), the most common
format in rural municipalities (methods.md), with rules that keep a few voices from
taking it over: an agenda of items, a speakers' list per item with equal time and a
second round only after everyone who asked has spoken, proposals voted by show of
hands, standing or paper ballot against a quorum, and agreements recorded with the
vote that made them. Its minutes (*acta de asamblea*) are ready to sign.
"""

from __future__ import annotations

from cocrea_desktop.core.methods import register
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

ASSEMBLY = register(Method(
    key="assembly",
    package=__name__,
    order=40,
    title=N_("Asamblea comunitaria"),
    summary=N_("La asamblea trata un orden del día punto por punto: lista de oradores con "
               "tiempo igual para cada quien, propuestas, votación a mano alzada o con "
               "boleta con quórum, y acuerdos que quedan en el acta."),
    min_people=15,
    max_people=500,
    vote_kind="dots",
    vote_on="proposals",
    option_noun="proposal",
    # A paper ballot in an assembly is a single choice: one mark, on one proposal.
    vote_defaults=(("dots_per_person", 1), ("max_per_option", 1)),
    phases=(
        Phase("agenda", N_("Orden del día"),
              N_("Se lee el orden del día y las reglas: cada quien habla por turno, con el "
                 "mismo tiempo, y nadie habla dos veces antes de que hablen todos los que "
                 "pidieron la palabra."),
              N_("Capture los puntos, el quórum y el tiempo por orador."), kind="agenda"),
        Phase("items", N_("Desahogo de los puntos"),
              N_("Se discute cada punto con la lista de oradores; las propuestas se votan y "
                 "los acuerdos quedan en el acta."),
              N_("Dé la palabra (F8), capture propuestas, votos (F4) y acuerdos."),
              kind="assembly_items"),
        Phase("ballot", N_("Votación con boleta"),
              N_("Cada persona marca en su boleta una sola propuesta."),
              N_("Capture las boletas de los puntos que se votan en secreto."), optional=True,
              kind="vote", vote_round="vote"),
        Phase("acta", N_("Acta de asamblea"),
              N_("Se leen los acuerdos y cómo se votaron; el acta se firma."),
              N_("Revise el acta, léala en voz alta e imprímala para firmar."),
              kind="assembly_acta"),
    ),
))
