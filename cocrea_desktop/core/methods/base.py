"""The method contract: what every participation method declares.

A method is a fixed sequence of phases (methods.md). Each phase has a rule to
read aloud, what the facilitator does now, an optional default time, whether
it may be skipped, and a ``kind`` that says which working panel the screen
shows for it (capture, clarify, vote, results...). A phase that votes names its
round (``vote_round``); from the first voting phase on, ideas are locked. Method
modules register themselves in :mod:`cocrea_desktop.core.methods` so that the rest
of the program (the session form, the CLI, the phase guide) offers whatever methods
exist.
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
    #: Which panel the screen shows: question, timer, capture, clarify, vote, discuss,
    #: results (and method-specific kinds such as groups, turns, cluster, synthesis).
    kind: str = "info"
    #: The vote round this phase collects (preliminary, final, vote), if any.
    vote_round: str | None = None

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
    #: The Python package the method lives in (``cocrea_desktop.methods.<key>`` for the
    #: built-in ones); its optional modules (store, migrations, report, room, cli, qt) are
    #: looked up there by name, see :mod:`cocrea_desktop.methods`.
    package: str = ""
    #: Where the method appears in lists (the session form): lower first.
    order: int = 100
    min_people: int = 0
    max_people: int = 0
    #: The kind of vote (ranked, dots, criteria) and the default of its parameters.
    vote_kind: str = "ranked"
    #: What its votes are on: "ideas" (the active ideas), "clusters" (the groups of
    #: ideas) or "stands" (the idea fair's stands); read by ``repo.votes.options_for``.
    vote_on: str = "ideas"
    #: The noun of those options in result sentences (a key of ``wording.NOUNS``).
    option_noun: str = "idea"
    #: Rounds whose paper ballots the ballot register issues and reads back although the
    #: votes store does not count them (a method that keeps its own scores, such as score
    #: sheets of a prioritisation, printed with their QR and serial).
    register_rounds: tuple[str, ...] = ()
    #: Defaults of its vote rule that differ from the vote kind's (e.g. one dot per
    #: person, at most one per option: a single choice), as (name, value) pairs.
    vote_defaults: tuple[tuple[str, int], ...] = ()
    #: The phase of the process route (``core/route.py``) its sessions belong to unless
    #: a person says otherwise: citizen meetings, or the selection of proposals.
    route_phase: str = "meetings"

    @property
    def keys(self) -> list[str]:
        return [p.key for p in self.phases]

    def module(self, name: str):
        """The method package's module ``name`` (store, report, qt...), or None if it has none."""
        import importlib
        import importlib.util

        if not self.package:
            return None
        full = f"{self.package}.{name}"
        if importlib.util.find_spec(full) is None:
            return None
        return importlib.import_module(full)

    def vote_rounds(self) -> list[str]:
        return [p.vote_round for p in self.phases if p.vote_round]

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
