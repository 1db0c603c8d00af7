"""What a ballot counts, in words: one description for the preview while typing, the
message once it is saved, the ballots table and ``cocrea ballots import``.

A ballot (checked while typing, or saved) has marks that count, entries that do not
(each with its reason) and entries naming a merged idea that count for the idea that
absorbed it. :func:`describe_ballot` says all of it the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.ballots import redirect_notes
from cocrea_desktop.core.voting.payload import format_serial
from cocrea_desktop.i18n import _, ngettext


def void_lines(voids: Iterable[Any]) -> list[str]:
    """Each entry that does not count, said once: an idea written twice makes both of its
    entries void for the same reason, which is one line, not two identical ones."""
    lines: list[str] = []
    for v in voids:
        line = _("«{entry}»: {reason}").format(entry=v.entry, reason=v.reason)
        if line not in lines:
            lines.append(line)
    return lines


@dataclass(frozen=True)
class BallotOutcome:
    """A ballot's outcome in words; :meth:`preview` and :meth:`saved` lay it out."""

    name: str  # "482-1571" (its serial), "3" (its number) or "" (not saved yet)
    #: "Cuentan 3 ideas." / "Cuentan 5 puntos.": what counts, in one sentence.
    counted: str
    #: "la idea 4 → 3 puntos": each mark that counts.
    marks: tuple[str, ...]
    #: "La idea 6 se unió a la 1: cuenta para la 1.": merged ideas' numbers.
    notes: tuple[str, ...]
    #: "«12»: no es una idea de esta votación.": each entry that does not count, once.
    voids: tuple[str, ...]
    void_count: int

    @property
    def void_title(self) -> str:
        return ngettext("No cuenta {count} entrada:", "No cuentan {count} entradas:",
                        self.void_count).format(count=self.void_count)

    def preview(self) -> str:
        """While typing: what would count, then what would not."""
        parts = []
        if self.marks:
            parts.append(_("Cuenta: {marks}").format(marks=", ".join(self.marks)))
        parts.extend(self.notes)
        if self.voids:
            parts.append(_("No cuenta: {voids}").format(voids=" ".join(self.voids)))
        return "\n".join(parts)

    def saved(self) -> str:
        """Once saved: "Boleta 3 guardada. Cuentan 3 ideas.", the notes, what does not count."""
        lines = [_("Boleta {number} guardada.").format(number=self.name) + " " + self.counted]
        lines.extend(self.notes)
        if self.voids:
            lines.append(self.void_title)
            lines += ["  • " + line for line in self.voids]
        return "\n".join(lines)

    def with_voids(self) -> str:
        """The entries that do not count, on one line ("" when every entry counts)."""
        return " ".join(self.voids)


def ballot_name(serial: str, number: int) -> str:
    """A saved ballot is named by its serial, as printed on it ("482-1571"), else by the
    number it was entered with."""
    return format_serial(serial) if serial else str(number)


def describe_ballot(ballot: Any, *, dots: bool, noun: wording.OptionNoun = wording.IDEA,
                    name: str = "") -> BallotOutcome:
    """The outcome of a ballot, checked or saved (``marks``, ``voids``, ``redirects``).
    ``dots``: its marks are (option, dots); else (option, points) of a ranked ballot, which
    count as the options named. ``name``: a saved ballot's :func:`ballot_name`."""
    marks = tuple(_("{option} → {points}").format(option=noun.one(o), points=wording.points(v))
                  for o, v in ballot.marks)
    if dots:
        amount = sum(v for _o, v in ballot.marks)
        counted = ngettext("Cuenta {count} punto.", "Cuentan {count} puntos.", amount).format(
            count=amount)
    else:
        amount = len(ballot.marks)
        counted = ngettext("Cuenta {options}.", "Cuentan {options}.", amount).format(
            options=noun.count(amount))
    return BallotOutcome(name=name, counted=counted, marks=marks,
                         notes=tuple(redirect_notes(ballot.redirects)),
                         voids=tuple(void_lines(ballot.voids)), void_count=len(ballot.voids))
