"""The method contract: what every participation method declares.

A method is a fixed sequence of phases (methods.md). Each phase has a rule to
read aloud, what the facilitator does now, an optional default time, and
whether it may be skipped. Method modules register themselves in
:mod:`cocrea_desktop.core.methods` so that the rest of the program (the session
form, the CLI, the phase guide) offers whatever methods exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from cocrea_desktop.i18n import _


@dataclass(frozen=True)
class Phase:
    """One step of a method. Texts are Spanish source strings marked with ``N_``."""

    key: str
    title: str
    rule: str
    todo: str
    minutes: int | None = None
    optional: bool = False

    def title_text(self) -> str:
        return _(self.title)

    def rule_text(self) -> str:
        return _(self.rule)

    def todo_text(self) -> str:
        return _(self.todo)


@dataclass(frozen=True)
class Method:
    """A participation method: its key (stored in files), its names, its phases."""

    key: str
    title: str
    summary: str
    phases: tuple[Phase, ...]
    min_people: int = 0
    max_people: int = 0

    def title_text(self) -> str:
        return _(self.title)

    def summary_text(self) -> str:
        return _(self.summary)

    def phase(self, key: str) -> Phase:
        for phase in self.phases:
            if phase.key == key:
                return phase
        raise KeyError(key)

    def phase_index(self, key: str) -> int:
        return [p.key for p in self.phases].index(key)
