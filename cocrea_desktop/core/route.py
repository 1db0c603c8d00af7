"""The process route: the CEPAL phases of an open-government exercise, and where it stands.

The nine phases follow the CEPAL guide for local action plans (Naser, Fideleff &
Tognoli, 2020): preparation, diagnosis, citizen meetings, selection of proposals,
drafting of commitments, public consultation, accountability, launch and follow-up.
Each has planned and actual dates, a responsible person, expected products and a
note; a process that wrote none shows the nine phases with their default products
and no dates. :func:`standing` says, from the phases and today's date alone, which
phase the exercise is in and which are late; the main window, the route window and
the command line all read it (no Qt here).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cocrea_desktop.i18n import N_, _

#: The phases in their order: key -> (title, default expected products).
PHASES: dict[str, tuple[str, str]] = {
    "preparation": (N_("Preparación"),
                    N_("Acuerdo con las autoridades; equipo y roles definidos; alcance del "
                       "plan")),
    "diagnosis": (N_("Diagnóstico"),
                  N_("Iniciativas existentes; mapa de actores; primer informe")),
    "meetings": (N_("Reuniones ciudadanas"),
                 N_("Sesiones con su relatoría; propuestas sistematizadas; segundo informe")),
    "selection": (N_("Selección de propuestas"),
                  N_("Criterios acordados; priorización; tercer informe")),
    "drafting": (N_("Redacción de compromisos"),
                 N_("Borrador de compromisos SMART")),
    "consultation": (N_("Consulta pública"),
                     N_("Comentarios recibidos (diez días)")),
    "accountability": (N_("Rendición de cuentas"),
                       N_("Respuesta razonada a cada comentario")),
    "launch": (N_("Lanzamiento"),
               N_("Plan final publicado; evento oficial")),
    "followup": (N_("Seguimiento"),
                 N_("Avance de los compromisos; informes periódicos")),
}
KEYS: tuple[str, ...] = tuple(PHASES)
#: What each phase's fields are called where a person reads or types them.
FIELDS: dict[str, str] = {
    "planned_start": N_("inicio previsto"), "planned_end": N_("fin previsto"),
    "actual_start": N_("inicio real"), "actual_end": N_("fin real"),
    "responsible": N_("responsable"), "products": N_("productos esperados"),
    "note": N_("nota"),
}
DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end")


def phase_title(key: str) -> str:
    return _(PHASES[key][0]) if key in PHASES else key


@dataclass(frozen=True)
class RoutePhase:
    """One phase of the route as the process holds it (ISO dates, '' when not set)."""

    key: str
    planned_start: str = ""
    planned_end: str = ""
    actual_start: str = ""
    actual_end: str = ""
    responsible: str = ""
    products: str = ""
    note: str = ""
    #: Whether the process wrote anything for it (False: the defaults are shown).
    written: bool = False

    @property
    def number(self) -> int:
        return KEYS.index(self.key) + 1

    @property
    def title(self) -> str:
        return phase_title(self.key)

    @property
    def products_text(self) -> str:
        """The expected products, or the phase's default ones when none were written."""
        return self.products or _(PHASES[self.key][1])

    @property
    def started(self) -> bool:
        return bool(self.actual_start)

    @property
    def ended(self) -> bool:
        return bool(self.actual_end)

    def late(self, today: str) -> bool:
        """Its planned end has passed and it has not ended."""
        return bool(self.planned_end) and self.planned_end < today and not self.ended

    def status(self, today: str) -> str:
        """done | late | running | pending."""
        if self.ended:
            return "done"
        if self.late(today):
            return "late"
        return "running" if self.started else "pending"


STATUSES: dict[str, str] = {"done": N_("terminada"), "late": N_("atrasada"),
                            "running": N_("en curso"), "pending": N_("por iniciar")}


def status_text(status: str) -> str:
    return _(STATUSES[status]) if status in STATUSES else status


def default_route() -> list[RoutePhase]:
    return [RoutePhase(key) for key in KEYS]


def complete(written: list[RoutePhase]) -> list[RoutePhase]:
    """The nine phases in order, each as written or, when not, with its defaults."""
    found = {p.key: replace(p, written=True) for p in written if p.key in PHASES}
    return [found.get(key, RoutePhase(key)) for key in KEYS]


@dataclass(frozen=True)
class Standing:
    """Where the exercise stands on a day: the phase it is in, and what is late."""

    current: RoutePhase
    #: "running" (begun, not ended), "next" (the one after the last ended, not begun),
    #: "done" (every phase ended) or "none" (nothing begun yet).
    state: str
    late: tuple[RoutePhase, ...]
    done: int
    total: int

    def summary(self) -> str:
        """One line: «Fase 3 de 9: Reuniones ciudadanas (en curso)»."""
        if self.state == "done":
            return _("Ruta completa: las {n} fases terminaron").format(n=self.total)
        words = {"running": _("en curso"), "next": _("sigue; sin iniciar"),
                 "none": _("sin iniciar")}[self.state]
        return _("Fase {n} de {total}: {title} ({state})").format(
            n=self.current.number, total=self.total, title=self.current.title, state=words)

    def late_text(self) -> str:
        """«Atrasada: Diagnóstico» (the phases whose planned end passed), or ''."""
        if not self.late:
            return ""
        return _("Atrasada: {phases}").format(phases=", ".join(p.title for p in self.late))


def standing(route: list[RoutePhase], today: str) -> Standing:
    """The phase the exercise is in on ``today`` (ISO) and the phases that are late.

    The current phase is the last begun and not ended; when none is running, the first
    not ended after the last that ended (or the first phase, when nothing began)."""
    route = complete(list(route)) if len(route) != len(KEYS) else list(route)
    late = tuple(p for p in route if p.late(today))
    done = sum(1 for p in route if p.ended)
    running = [p for p in route if p.started and not p.ended]
    if running:
        return Standing(running[-1], "running", late, done, len(route))
    ended = [i for i, p in enumerate(route) if p.ended]
    if not ended:
        return Standing(route[0], "none", late, done, len(route))
    after = [p for p in route[ended[-1] + 1:] if not p.ended]
    if after:
        return Standing(after[0], "next", late, done, len(route))
    rest = [p for p in route if not p.ended]
    if rest:
        return Standing(rest[0], "next", late, done, len(route))
    return Standing(route[-1], "done", late, done, len(route))
