"""The assembly's arithmetic, Qt-free and without the store: a hand count checked
against those present and the quorum, its outcome, the order of the speakers' list,
each sector's share of speaking time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.i18n import N_, _

#: How a vote was taken: its stored word and its Spanish name.
VOTE_MODES = {"hands": N_("a mano alzada"), "standing": N_("de pie"),
              "ballot": N_("con boleta")}
#: An outcome's stored word and its Spanish name.
OUTCOMES = {"approved": N_("aprobada"), "rejected": N_("rechazada"),
            "tied": N_("empate: se vuelve a votar")}
#: The sex of a speaker, as the attendance sheet asks it (blank: not said).
SEXES = {"mujer": N_("Mujer"), "hombre": N_("Hombre"), "otro": N_("Otra identidad"),
         "": N_("Sin dato")}

MAX_ROUNDS = 2


@dataclass(frozen=True)
class HandCount:
    votes_for: int
    votes_against: int
    abstentions: int
    present: int
    quorum: int

    @property
    def total(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions

    @property
    def not_voting(self) -> int:
        """Present people who raised no hand at all (the difference is shown, never hidden)."""
        return self.present - self.total

    @property
    def outcome(self) -> str:
        return outcome(self.votes_for, self.votes_against)


def outcome(votes_for: int, votes_against: int) -> str:
    """Simple majority of the votes cast for or against (abstentions count for neither)."""
    if votes_for > votes_against:
        return "approved"
    if votes_for < votes_against:
        return "rejected"
    return "tied"


def _count(value: object, what: str) -> int:
    try:
        number = int(str(value).strip() or "0")
    except ValueError:
        raise InvalidInput(_("«{value}» no es un número de votos ({what}).").format(
            value=value, what=what)) from None
    if number < 0:
        raise InvalidInput(_("Los votos no pueden ser negativos ({what}).").format(what=what))
    return number


def check_hand_count(votes_for: object, votes_against: object, abstentions: object, *,
                     present: object, quorum: int, counter: str) -> HandCount:
    """A typed count as the store records it, or a Spanish error that changes nothing."""
    count = HandCount(_count(votes_for, _("a favor")), _count(votes_against, _("en contra")),
                      _count(abstentions, _("abstenciones")), _count(present, _("presentes")),
                      int(quorum or 0))
    if not counter.strip():
        raise InvalidInput(_("Anote quién contó los votos."))
    if count.present <= 0:
        raise InvalidInput(_("Anote cuántas personas están presentes en la votación."))
    if count.total == 0:
        raise InvalidInput(_("El conteo está vacío: anote los votos a favor, en contra y "
                             "las abstenciones."))
    if count.total > count.present:
        raise InvalidInput(_("Los votos suman {total} y solo hay {present} personas "
                             "presentes: vuelva a contar.").format(total=count.total,
                                                                   present=count.present))
    check_quorum(count.present, count.quorum)
    return count


def check_quorum(present: int, quorum: int) -> None:
    if quorum and present < quorum:
        raise RuleViolation(_("No hay quórum: están {present} personas y se necesitan "
                              "{quorum}. No se puede votar.").format(present=present,
                                                                    quorum=quorum))


def share(rows: Iterable[tuple[str, float]]) -> dict[str, tuple[int, float]]:
    """(category, seconds) of each finished turn -> category: (turns, seconds)."""
    out: dict[str, tuple[int, float]] = {}
    for category, seconds in rows:
        turns, total = out.get(category, (0, 0.0))
        out[category] = (turns + 1, total + float(seconds))
    return dict(sorted(out.items(), key=lambda kv: (-kv[1][1], kv[0])))


def percent(part: float, whole: float) -> int:
    return round(100 * part / whole) if whole else 0
