"""Prioritisation by criteria (*priorización por criterios*, Durango-style; methods.md).

The STL, a citizens' panel or the whole room scores each proposal on the table from
1 to 5 on each criterion; the score is the sum over criteria of weight x mean score
(``core.voting.criteria_tally``), a missing score is left out of the mean and
reported. The STL then marks which proposals go on to the Local Action Plan, with the
cut-off named and a tie at the cut-off never broken silently.
"""

from __future__ import annotations

from cocrea_desktop.core.methods import register
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

PRIORITISATION = register(Method(
    key="prioritisation",
    package=__name__,
    order=40,
    title=N_("Priorización por criterios"),
    vote_kind="criteria",
    vote_on="proposals",
    option_noun="proposal",
    # Score sheets on paper are issued and read back through the ballot register.
    register_rounds=("vote",),
    route_phase="selection",  # its sessions select the proposals (CEPAL's third phase)
    summary=N_("Se califica cada propuesta del 1 al 5 en cada criterio; el puntaje suma peso × "
               "promedio y el STL acuerda cuáles pasan al Plan de Acción Local."),
    phases=(
        Phase("proposals", N_("Propuestas en la mesa"),
              N_("Estas son las propuestas que se van a calificar."),
              N_("Elija las propuestas: escriba sus números y pulse Intro."),
              kind="prio_proposals"),
        Phase("criteria", N_("Criterios"),
              N_("Cada criterio se lee en voz alta con su pregunta y su peso."),
              N_("Elija un juego de criterios o escriba los suyos; revise con la sala que "
                 "«más alto = más prioridad»."),
              kind="prio_criteria"),
        Phase("evaluators", N_("Quién califica"),
              N_("Cada persona que califica llena una hoja, sin su nombre."),
              N_("Diga quién califica y cuántas hojas hay."),
              kind="prio_evaluators"),
        Phase("scoring", N_("Calificación"),
              N_("Cada persona califica cada propuesta del 1 al 5 en cada criterio."),
              N_("Capture cada hoja: una fila de cifras por propuesta, Intro pasa a la "
                 "siguiente."),
              minutes=20, kind="prio_scoring"),
        Phase("results", N_("Resultados"),
              N_("El puntaje es la suma de peso × promedio de cada criterio."),
              N_("Lea la matriz y el orden; revise qué cambia si un peso sube o baja."),
              kind="prio_results"),
        Phase("agreement", N_("Acuerdo"),
              N_("El STL decide cuáles propuestas pasan al Plan de Acción Local."),
              N_("Diga el corte y quién decidió; un empate en el corte se resuelve en voz "
                 "alta."),
              kind="prio_agreement"),
    ),
))
