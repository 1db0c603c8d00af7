"""What a paper ballot says, in words a person with little schooling follows.

One short sentence the facilitator reads aloud (printed on the ballot and shown on the
projector, from this one function, so both say the same), the place labels of a ranked
ballot ("1.º" = the most important, read left to right), and the longer how-to printed
beside the filled-in example.
"""

from __future__ import annotations

from typing import Any

from cocrea_desktop.i18n import _


def place_label(place: int) -> str:
    """A place as people write it: ``1`` -> ``"1.º"``."""
    return _("{place}.º").format(place=place)


def most_important_caption() -> str:
    """The caption over a ranked ballot's columns."""
    return _("1.º = la más importante")


def read_aloud_sentence(kind: str, *, ranks: int = 5, dots: int = 3,
                        max_per_option: int = 1, score_min: int = 1,
                        score_max: int = 5) -> str:
    """The one sentence the facilitator reads aloud before people mark their ballots."""
    if kind == "dots":
        if max_per_option > 1:
            return _("Usted tiene {dots} puntos: rellene un círculo por cada punto; puede "
                     "dar hasta {most} a una misma idea.").format(dots=dots, most=max_per_option)
        return _("Usted tiene {dots} puntos: rellene un círculo junto a cada idea que "
                 "apoya.").format(dots=dots)
    if kind == "criteria":
        return _("Escriba en cada casilla un número del {low} al {high}: {high} es mucho, "
                 "{low} es poco.").format(low=score_min, high=score_max)
    return _("Ponga una X en «1.º» junto a la idea más importante para usted, en «2.º» "
             "junto a la que sigue, hasta «{last}».").format(last=place_label(ranks))


def read_aloud_for_round(vote_round: Any) -> str:
    """The read-aloud sentence for a stored round (``core.model.VoteRound``)."""
    params = vote_round.params or {}
    if vote_round.kind == "dots":
        dots = int(params.get("dots_per_person", 3))
        return read_aloud_sentence("dots", dots=dots,
                                   max_per_option=int(params.get("max_per_option") or 1))
    return read_aloud_sentence("ranked", ranks=vote_round.k)


def example_explanation(kind: str, *, ranks: int = 5, dots: int = 3) -> str:
    """What the filled-in example on the ballot shows."""
    if kind == "dots":
        return _("Ejemplo con ideas inventadas (A, B, C): la persona dio 2 puntos a la idea A "
                 "y 1 punto a la idea B. No use más de {dots} puntos.").format(dots=dots)
    if kind == "criteria":
        return _("Ejemplo con ideas inventadas (A, B, C): la idea A es muy urgente (5) y poco "
                 "costosa (2).")
    return _("Ejemplo con ideas inventadas (A, B, C): para esta persona la idea A es la más "
             "importante (1.º), luego la B y luego la C. Una sola X en cada fila y en cada "
             "columna. Elija hasta {k} ideas.").format(k=ranks)
