"""One reading of every tally: what a row and a result say, whatever the kind of vote.

Every row of every tally (ranked points, dots, typed counts, scores by criteria)
answers the same questions, so the screen, the room view, ``cocrea tally``, the
PDFs and open data read them alike instead of probing which attributes a row has:

* ``option`` and ``rank`` (``None``: no rank, e.g. an option without a score);
* ``total``: the primary figure the places are decided by (points, dots, votes,
  a weighted score; ``None`` when it cannot be computed);
* ``breadth``: the ballots or people that gave it anything (``None`` for typed
  counts, which do not know it);
* ``distribution``: ``distribution[v - 1]`` ballots or people gave it ``v``
  (empty when the kind has none);
* ``unit``: a :class:`Unit` with the words for the total and the breadth;
* ``describe(noun)``: the row in one line ("la idea 4: 45 puntos, en 12 boletas").

A result (:class:`ResultReading`) offers ``rule_text``, ``tie_breaks``,
``near_ties``, ``rows``, the ``unit`` of its rows, ``ballots`` (``None`` when it
counted no ballots) and ``notes`` (the usage or count-check sentences).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import _


@dataclass(frozen=True)
class Unit:
    """What a total counts, and the words for it and for the breadth (Spanish source)."""

    key: str  # points | dots | votes | score
    _words: Callable[[Any], str]
    _title: Callable[[], str]
    _breadth_words: Callable[[int], str] | None = None
    _breadth_title: Callable[[], str] | None = None
    #: The total and the breadth in one clause: "45 puntos, en 12 boletas".
    _with_breadth: Callable[[str, str], str] | None = None

    def words(self, value: Any) -> str:
        """The total in words: "45 puntos", "1 voto", "un puntaje de 3.40" ("—" for None)."""
        return "—" if value is None else self._words(value)

    def title(self) -> str:
        """The column title of the totals: Puntos, Votos, Puntaje."""
        return self._title()

    @property
    def has_breadth(self) -> bool:
        return self._breadth_words is not None

    def breadth_words(self, count: int | None) -> str:
        """The breadth in words: "12 boletas", "8 personas" ("" when the kind has none)."""
        if self._breadth_words is None or count is None:
            return ""
        return self._breadth_words(count)

    def breadth_title(self) -> str:
        """The column title of the breadth ("" when the kind has none)."""
        return self._breadth_title() if self._breadth_title is not None else ""


def _score_words(value: Any) -> str:
    return wording.score(float(value))


POINTS = Unit("points", lambda v: wording.points(int(v)), lambda: _("Puntos"),
              wording.ballots, lambda: _("Boletas que la mencionan"),
              lambda total, breadth: _("{total}, en {ballots}").format(total=total,
                                                                         ballots=breadth))
DOTS = Unit("dots", lambda v: wording.points(int(v)), lambda: _("Puntos"),
            wording.people, lambda: _("Personas"),
            lambda total, breadth: _("{total}, de {people}").format(total=total, people=breadth))
VOTES = Unit("votes", lambda v: wording.votes(int(v)), lambda: _("Votos"))
SCORE = Unit("score", _score_words, lambda: _("Puntaje"),
             wording.people, lambda: _("Personas que dieron calificación"),
             lambda total, breadth: _("{total}, calificada por {people}").format(
                 total=total, people=breadth))

#: Every unit by its key, to word a total kept as a number (a proposal's origin).
UNITS: dict[str, Unit] = {u.key: u for u in (POINTS, DOTS, VOTES, SCORE)}


class RowReading:
    """The reading every tally row offers; a row class sets ``unit`` and the properties."""

    unit: ClassVar[Unit]
    option: int
    rank: int | None

    @property
    def total(self) -> Any:
        raise NotImplementedError

    @property
    def breadth(self) -> int | None:
        return None

    #: ``distribution[v - 1]``: ballots or people that gave it ``v`` (a field of ranked and
    #: dots rows; an empty tuple for the kinds without one). Not declared here: a dataclass
    #: would take a property of its base for the default of its field.
    distribution: tuple[int, ...]

    def total_words(self) -> str:
        return self.unit.words(self.total)

    def breadth_words(self) -> str:
        return self.unit.breadth_words(self.breadth)

    def describe(self, noun: wording.OptionNoun) -> str:
        """One line for this option: "la idea 4: 45 puntos, en 12 boletas"."""
        figures = self.total_words()
        if self.unit._with_breadth is not None and self.breadth is not None:
            figures = self.unit._with_breadth(figures, self.breadth_words())
        return _("{option}: {figures}").format(option=noun.one(self.option), figures=figures)

    def figures(self) -> dict[str, Any]:
        """The row's own figures by their names, for data (``cocrea tally --json``)."""
        return {}


class ResultReading:
    """The reading every tally result offers on top of its ``rows`` (best first)."""

    rows: tuple
    rule_text: str
    tie_breaks: tuple
    near_ties: tuple
    #: The unit of the rows (a class attribute of each result kind).
    unit: ClassVar[Unit]

    @property
    def ballots_counted(self) -> int | None:
        """The ballots (or score sheets) the result counted; None when it counted none
        (a typed count)."""
        return None

    @property
    def notes(self) -> tuple[str, ...]:
        """Sentences about the whole count: dots used of those handed out, a count check."""
        return ()

    def near_options(self) -> set[int]:
        """The options flagged in a near tie."""
        return {o for tie in self.near_ties for o in (*tie.higher, *tie.lower)}

    def figures(self) -> dict[str, Any]:
        """The result's own figures by their names, for data (``cocrea tally --json``)."""
        return {}
