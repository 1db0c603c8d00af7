"""The follow-up meeting (*reunión de seguimiento*): the STL or a social-oversight
committee (*comité de contraloría social*) reviews the plan's commitments. Those present
are counted, the milestones due by the meeting's cut-off date and not done are reviewed
with their status and progress, the agreements are recorded (on a milestone or general,
with who does what by when; a new status the meeting agrees goes into the plan's
follow-up), and the minutes (*acta de seguimiento*) are printed.
"""

from __future__ import annotations

from cocrea_desktop.core.methods import register
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

FOLLOWUP_MEETING = register(Method(
    key="followup_meeting",
    route_phase="followup",  # it reviews the plan's commitments (CEPAL's follow-up phase)
    package=__name__,
    order=90,
    title=N_("Reunión de seguimiento"),
    summary=N_("El STL o un comité de contraloría social revisa los hitos del plan que "
               "vencen a una fecha de corte, con su estado y avance, y anota los acuerdos."),
    min_people=0,
    max_people=100,
    phases=(
        Phase("attendance", N_("Asistencia"),
              N_("Se lee el aviso de privacidad y se cuenta a quienes asisten."),
              N_("Anote los conteos de asistencia (sin nombres)."),
              kind="followup_attendance"),
        Phase("review", N_("Revisión de hitos"),
              N_("Se revisa cada hito que vence a la fecha de corte y no está cumplido: "
                 "su estado y su avance."),
              N_("Fije la fecha de corte y registre la revisión de la lista."),
              kind="followup_review"),
        Phase("agreements", N_("Acuerdos"),
              N_("Cada acuerdo dice qué se hará, quién responde y para cuándo."),
              N_("Anote cada acuerdo, sobre un hito o general; si cambia el estado de un "
                 "hito, regístrelo."), kind="followup_agreements"),
        Phase("closing", N_("Cierre"),
              N_("Se leen los acuerdos y se firma el acta."),
              N_("Escriba la nota de cierre e imprima el acta."),
              kind="followup_closing"),
    ),
))
