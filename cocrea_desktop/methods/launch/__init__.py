"""The launch of the Local Action Plan (*lanzamiento del PAL*), the CEPAL method's last
office phase: an official public event where the final plan is presented. Attendance is
counted (anonymously, as in every session), a short agenda runs item by item with a
clock each, the room sees every commitment of the plan one by one (name, what it solves,
who is responsible, its milestones with dates), and the officials who sign are recorded
with a closing note. Its minutes (*acta del lanzamiento*) are printed to sign.
"""

from __future__ import annotations

from cocrea_desktop.core.methods import register
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

LAUNCH = register(Method(
    key="launch",
    route_phase="launch",  # the plan's launch event (CEPAL's launch phase)
    package=__name__,
    order=80,
    title=N_("Lanzamiento del PAL"),
    summary=N_("El evento público en que se presenta el Plan de Acción Local: asistencia, "
               "un orden del día breve con tiempo por punto, cada compromiso en la pantalla "
               "y las firmas de quienes se comprometen."),
    min_people=0,
    max_people=1000,
    phases=(
        Phase("attendance", N_("Registro de asistencia"),
              N_("Se lee el aviso de privacidad y se cuenta a quienes asisten."),
              N_("Anote los conteos de asistencia (sin nombres) o use la hoja de "
                 "asistencia."), kind="launch_attendance"),
        Phase("agenda", N_("Orden del día"),
              N_("Cada punto tiene quien lo presenta y un tiempo; el reloj lo muestra a "
                 "la sala."),
              N_("Capture los puntos, inicie cada uno (F8) y ciérrelo al terminar."),
              kind="launch_agenda"),
        Phase("plan", N_("Presentación del plan"),
              N_("Se presenta cada compromiso del plan: qué resuelve, quién responde y "
                 "sus hitos con fecha."),
              N_("Muestre cada compromiso en la vista para la sala (F8 siguiente, F7 "
                 "anterior)."), kind="launch_plan"),
        Phase("closing", N_("Firma y cierre"),
              N_("Las autoridades y las organizaciones firman el plan; se lee el acta."),
              N_("Anote quién firmó, escriba la nota de cierre e imprima el acta."),
              kind="launch_closing"),
    ),
))
