"""What a vote is on: the options of a session, each with its number and label, and their noun.

A nominal group votes on its active ideas, a fishbowl on its clusters of ideas, an
idea fair on its stands. Every place that shows a result (the screen, the room view,
``cocrea tally``, the PDFs) names an option from one :class:`Options` value, read by
``repo.votes.options_for``, instead of looking the labels up on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cocrea_desktop.core.voting.wording import OptionNoun


@dataclass(frozen=True)
class Option:
    """One thing voted on: the number people write on a ballot, and what it is."""

    number: int
    label: str


@dataclass(frozen=True)
class Options:
    """The options of a vote, in number order, and the noun that names them."""

    noun: OptionNoun
    items: tuple[Option, ...] = ()

    def __iter__(self) -> Iterator[Option]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def numbers(self) -> list[int]:
        return [o.number for o in self.items]

    def labels(self) -> dict[int, str]:
        """Option number -> its label."""
        return {o.number: o.label for o in self.items}

    def label(self, number: int) -> str:
        """The label of an option ("" for a number that is not an option)."""
        for option in self.items:
            if option.number == number:
                return option.label
        return ""
