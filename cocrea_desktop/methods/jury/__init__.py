"""Citizens' jury drawn by lot (*jurado ciudadano*) (methods.md): 10 to 30 people drawn
at random from a pool of volunteers, with quotas, hear witnesses, deliberate and give
recommendations by consensus (or say their level of support)."""

from __future__ import annotations

from cocrea_desktop.core.methods import register
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

JURY = register(Method(
    key="jury",
    package=__name__,
    order=60,
    title=N_("Jurado ciudadano"),
    summary=N_("Un jurado de 10 a 30 personas sorteadas entre voluntarias, con cuotas, "
               "escucha testimonios, delibera y da recomendaciones por consenso."),
    min_people=10,
    max_people=30,
    phases=(
        Phase("pool", N_("Bolsa de voluntarias y cuotas"),
              N_("Quien quiera ser jurado se registra; se fijan cuotas por comunidad, sexo "
                 "y edad."),
              N_("Lea el aviso de privacidad, registre a cada persona y fije las cuotas."),
              kind="jury_pool"),
        Phase("draw", N_("Sorteo público"),
              N_("Se tiran dados frente a testigos; con ese número cualquiera puede repetir "
                 "el sorteo y obtener el mismo jurado."),
              N_("Capture las tiradas y a los testigos, sortee e imprima el acta."),
              kind="jury_draw"),
        Phase("witnesses", N_("Testimonios"),
              N_("El jurado escucha a personas expertas y afectadas, y hace preguntas."),
              N_("Anote a cada testigo, su papel, lo que dijo y sus documentos."),
              kind="jury_witnesses"),
        Phase("deliberation", N_("Deliberación y recomendaciones"),
              N_("El jurado delibera y acuerda sus recomendaciones, de preferencia por "
                 "consenso."),
              N_("Anote la deliberación y cada recomendación con su nivel de acuerdo."),
              minutes=90, kind="jury_deliberation"),
    ),
))
