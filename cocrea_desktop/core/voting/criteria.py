"""Criteria for scoring proposals, and the two default sets from methods.md.

A criterion's ``name`` is a Spanish source string marked with ``N_()`` (or text a
facilitator typed); :meth:`Criterion.label` translates it at display. Every
criterion states its direction: with ``higher_is_priority`` false (e.g. "cost"),
a score s on the 1..5 scale counts as 6 - s, so that higher always means more
priority in the tally.
"""

from __future__ import annotations

from dataclasses import dataclass

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import N_, _


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: float = 1.0
    higher_is_priority: bool = True

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidInput(_("Cada criterio necesita un nombre."))
        if not self.weight > 0:
            raise InvalidInput(
                _("El peso del criterio «{name}» debe ser mayor que cero.").format(
                    name=self.label()
                )
            )

    def label(self) -> str:
        return _(self.name)


#: Durango's five criteria (prioritisation of proposals), all weight 1.
DURANGO_CRITERIA: tuple[Criterion, ...] = (
    Criterion(N_("Personas afectadas")),
    Criterion(N_("Impacto del riesgo o conflicto")),
    Criterion(N_("Urgencia")),
    Criterion(N_("Requiere acción de las partes")),
    Criterion(N_("Viable y factible")),
)

#: CEPAL's four criteria (selection of proposals for a local action plan), all weight 1.
CEPAL_CRITERIA: tuple[Criterion, ...] = (
    Criterion(N_("Viabilidad técnica")),
    Criterion(N_("Viabilidad presupuestal")),
    Criterion(N_("Viabilidad político-administrativa")),
    Criterion(N_("Coherencia con la planeación local")),
)

#: The default sets by key, with their Spanish names (translate with ``_()``).
CRITERIA_SETS: dict[str, tuple[str, tuple[Criterion, ...]]] = {
    "durango": (N_("Durango (cinco criterios)"), DURANGO_CRITERIA),
    "cepal": (N_("CEPAL (cuatro criterios)"), CEPAL_CRITERIA),
}
