"""The value every mutating call returns: what changed, and how to name its undo."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """What a user action changed.

    ``tables`` names the kinds of record touched (``"session"``, ``"idea"``...),
    ``ids`` the rows; views re-read what they show when a table they show is in
    ``tables``. ``label`` is the translated name of the action, for the undo
    menu ("Deshacer: crear sesión"). ``undoable`` is false for actions that the
    undo stack does not cover (opening a file, a language change...).
    """

    label: str = ""
    tables: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)
    undoable: bool = True
    everything: bool = False

    def touches(self, *tables: str) -> bool:
        return self.everything or any(t in self.tables for t in tables)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            label=other.label or self.label,
            tables=self.tables | other.tables,
            ids=self.ids | other.ids,
            undoable=self.undoable and other.undoable,
            everything=self.everything or other.everything,
        )

    @classmethod
    def all(cls, label: str = "") -> Changes:
        """Everything may have changed (a file opened, an undo across tables)."""
        return cls(label=label, everything=True, undoable=False)
