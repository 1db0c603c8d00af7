"""The actor map's influence/interest chart, placed once without Qt.

Each actor has an interest and an influence on the topic, from 1 to 5. The chart is
a square: interest grows to the right, influence upwards, in five equal steps, inside a
band kept free for the quadrants' titles. The quadrant lines separate 1-3 from
4-5 ("high" means 4 or 5). Actors with the same
two values share a cell and are spread around its centre so that none hides
another. :func:`place` returns positions as fractions of the square (0..1, origin
bottom left); the screen (a QWidget's paint) and the PDF (a reportlab drawing) both
draw these same positions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cocrea_desktop.i18n import N_, _

LEVELS = (1, 2, 3, 4, 5)
#: Values from this one up are "high" (the quadrant line is drawn before it).
HIGH_FROM = 4
#: A band along each side of the square where no dot goes: the quadrants' titles sit there.
PAD = 0.1


def level_position(value: float) -> float:
    """Where a value (1..5) sits along an axis, as a fraction of the square."""
    return PAD + (value - 0.5) / len(LEVELS) * (1 - 2 * PAD)


#: Where the quadrant lines are (between 3 and 4), as a fraction of the square.
SPLIT = (level_position(HIGH_FROM - 1) + level_position(HIGH_FROM)) / 2

#: key -> (title, what to do with them): Mendelow's grid, in the process's terms.
QUADRANTS: dict[str, tuple[str, str]] = {
    "manage": (N_("Involucrar de cerca"), N_("alto interés, alta influencia")),
    "satisfy": (N_("Mantener satisfechos"), N_("bajo interés, alta influencia")),
    "inform": (N_("Mantener informados"), N_("alto interés, baja influencia")),
    "monitor": (N_("Observar"), N_("bajo interés, baja influencia")),
}


def quadrant(interest: int, influence: int) -> str:
    high_interest, high_influence = interest >= HIGH_FROM, influence >= HIGH_FROM
    if high_influence:
        return "manage" if high_interest else "satisfy"
    return "inform" if high_interest else "monitor"


def quadrant_title(key: str) -> str:
    return _(QUADRANTS[key][0])


def quadrant_hint(key: str) -> str:
    return _(QUADRANTS[key][1])


#: Where each quadrant's title goes (its corner), as fractions of the square.
QUADRANT_CORNERS: dict[str, tuple[float, float]] = {
    "manage": (1.0, 1.0), "satisfy": (0.0, 1.0), "inform": (1.0, 0.0), "monitor": (0.0, 0.0)}


@dataclass(frozen=True)
class Placed:
    """One actor on the chart: its number (the label drawn in its dot), where it goes."""

    number: int
    actor_id: str
    name: str
    interest: int
    influence: int
    x: float
    y: float
    quadrant: str


def place(actors: Sequence[tuple[str, str, int, int]]) -> list[Placed]:
    """(id, name, interest, influence) items, numbered 1..n in the order given, placed.

    Actors of one cell sit on a small circle around its centre (one actor: the centre),
    in the order given, so the result depends only on the input."""
    cells: dict[tuple[int, int], list[int]] = {}
    for i, (_id, _name, interest, influence) in enumerate(actors):
        cells.setdefault((interest, influence), []).append(i)
    spot: dict[int, tuple[float, float]] = {}
    step = (1 - 2 * PAD) / len(LEVELS)
    for (interest, influence), members in cells.items():
        cx, cy = level_position(interest), level_position(influence)
        if len(members) == 1:
            spot[members[0]] = (cx, cy)
            continue
        radius = step * (0.22 if len(members) <= 4 else 0.32)
        for k, i in enumerate(members):
            # Two side by side (both stay on their influence level: one above the other
            # could sit on the quadrant line); more around the centre, the first on top.
            start = math.pi if len(members) == 2 else math.pi / 2
            angle = start + 2 * math.pi * k / len(members)
            spot[i] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return [Placed(i + 1, actor_id, name, interest, influence, *spot[i],
                   quadrant(interest, influence))
            for i, (actor_id, name, interest, influence) in enumerate(actors)]


def axis_titles() -> tuple[str, str]:
    """(horizontal, vertical) axis titles."""
    return _("Interés en el tema (1 a 5) →"), _("Influencia (1 a 5) →")
