"""The rule of each voting kind, its defaults, and its one-sentence statement.

* :class:`RankedRule` (nominal group): each ballot ranks up to ``k`` options;
  the first place gets k points, the next k-1, ..., the last 1 (a truncated
  Borda count). :func:`default_k` gives 5, never above n-1.
* :class:`DotsRule`: ``dots_per_person`` dots, at most ``max_per_option`` on one
  option (1 = no stacking, i.e. limited approval). :func:`default_dots` gives
  ceil(n/3) between 1 and 7.
* :class:`CriteriaRule`: each evaluator scores each option from ``scale_min``
  to ``scale_max`` on each criterion; score = sum of weight x mean.

``describe()`` returns the rule as one plain Spanish sentence to read aloud and
to print with every result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.criteria import Criterion
from cocrea_desktop.core.voting.wording import IDEA, OPTION, PROPOSAL, OptionNoun
from cocrea_desktop.i18n import _

DEFAULT_K = 5
MAX_DEFAULT_DOTS = 7


def default_k(n_options: int) -> int:
    """5, but never above ``n_options - 1``; at least two options are needed."""
    if n_options < 2:
        raise RuleViolation(_("Se necesitan al menos dos opciones para votar."))
    return min(DEFAULT_K, n_options - 1)


def default_dots(n_options: int) -> int:
    """ceil(n/3) dots per person, between 1 and 7."""
    return min(MAX_DEFAULT_DOTS, max(1, math.ceil(n_options / 3)))


@dataclass(frozen=True)
class RankedRule:
    k: int = DEFAULT_K

    def __post_init__(self) -> None:
        if isinstance(self.k, bool) or not isinstance(self.k, int) or self.k < 1:
            raise InvalidInput(_("El número de lugares por boleta debe ser 1 o más."))

    def check_options(self, n_options: int) -> None:
        """Raise if k is above n-1 for this many options."""
        if self.k > n_options - 1:
            raise RuleViolation(
                _(
                    "Con {n} opciones, cada boleta puede ordenar como máximo {most}, no {k}."
                ).format(n=n_options, most=max(0, n_options - 1), k=self.k)
            )

    def describe(self, noun: OptionNoun = IDEA) -> str:
        if self.k == 1:
            return _("Cada boleta marca {options}, que recibe 1 punto.").format(
                options=noun.count(1)
            )
        if self.k == 2:
            return _(
                "Cada boleta ordena hasta {options}: 2 puntos al primer lugar y 1 punto al "
                "segundo."
            ).format(options=noun.count(2))
        return _(
            "Cada boleta ordena hasta {options} por preferencia: {points} al primer lugar, "
            "{second} al segundo, y así hasta 1 punto al lugar {k}."
        ).format(options=noun.count(self.k), points=wording.points(self.k), second=self.k - 1,
                 k=self.k)


@dataclass(frozen=True)
class DotsRule:
    """``max_per_option`` None means stacking up to all of one's dots."""

    dots_per_person: int
    max_per_option: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.dots_per_person, bool) or self.dots_per_person < 1:
            raise InvalidInput(_("Cada persona debe tener al menos un punto."))
        if self.max_per_option is None:
            object.__setattr__(self, "max_per_option", self.dots_per_person)
        elif self.max_per_option < 1:
            raise InvalidInput(_("El máximo de puntos por opción debe ser 1 o más."))
        elif self.max_per_option > self.dots_per_person:
            object.__setattr__(self, "max_per_option", self.dots_per_person)

    @property
    def cap(self) -> int:
        """The most dots one person may put on one option."""
        return self.max_per_option or self.dots_per_person

    @property
    def stacking(self) -> bool:
        return self.cap > 1

    def describe(self, noun: OptionNoun = OPTION) -> str:
        if not self.stacking:
            return _("Cada persona reparte {dots}, como máximo 1 por {noun}.").format(
                dots=wording.points(self.dots_per_person), noun=noun.bare()
            )
        if self.cap >= self.dots_per_person:
            return _("Cada persona reparte {dots}, sin límite por {noun}.").format(
                dots=wording.points(self.dots_per_person), noun=noun.bare()
            )
        return _("Cada persona reparte {dots} y puede poner hasta {cap} por {noun}.").format(
            dots=wording.points(self.dots_per_person), cap=self.cap, noun=noun.bare()
        )


@dataclass(frozen=True)
class CriteriaRule:
    criteria: tuple[Criterion, ...]
    scale_min: int = 1
    scale_max: int = 5

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", tuple(self.criteria))
        if not self.criteria:
            raise InvalidInput(_("Se necesita al menos un criterio."))
        if not self.scale_min < self.scale_max:
            raise InvalidInput(_("La escala de calificación no es válida."))

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)

    @property
    def max_score(self) -> float:
        return self.scale_max * self.total_weight

    def describe(self, noun: OptionNoun = PROPOSAL) -> str:
        same_weight = len({c.weight for c in self.criteria}) == 1
        items = []
        for c in self.criteria:
            if same_weight and c.higher_is_priority:
                items.append(_("«{name}»").format(name=c.label()))
            elif same_weight:
                items.append(_("«{name}» (al revés: {low} = más prioridad)").format(
                    name=c.label(), low=self.scale_min))
            elif c.higher_is_priority:
                items.append(_("«{name}» (peso {weight})").format(
                    name=c.label(), weight=_weight(c.weight)))
            else:
                items.append(_("«{name}» (peso {weight}, al revés: {low} = más prioridad)").format(
                    name=c.label(), weight=_weight(c.weight), low=self.scale_min))
        criteria = wording.join_items(items)
        if same_weight and len(items) > 1:
            criteria = _("{criteria}, todos con el mismo peso").format(criteria=criteria)
        return _(
            "Cada persona califica cada {noun} del {low} al {high} en cada criterio ({high} = más "
            "prioridad) y el puntaje es la suma de peso × promedio de cada criterio, sin contar "
            "las calificaciones que falten: {criteria}."
        ).format(noun=noun.bare(), low=self.scale_min, high=self.scale_max, criteria=criteria)

    def weight_order(self) -> tuple[int, ...]:
        """Criterion indexes, heaviest first (declared order among equal weights)."""
        return tuple(sorted(range(len(self.criteria)), key=lambda i: -self.criteria[i].weight))


def _weight(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else wording.decimal(weight)


__all__ = [
    "DEFAULT_K",
    "CriteriaRule",
    "DotsRule",
    "RankedRule",
    "default_dots",
    "default_k",
]
