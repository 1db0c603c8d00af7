"""The value every mutating call returns: what changed, and how to name its undo."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any


class Label:
    """The name of an action, kept as its message id and parameters, translated when shown.

    ``Label(N_("capturar la idea {number}"), number=4)`` reads "capturar la idea 4"
    in Spanish and "capture idea 4" in English, in whatever language is in force when
    it is shown (the undo button, the status bar), not when the action was done.
    A parameter may itself be a :class:`Label` (a phase title). :meth:`plural` keeps a
    singular and a plural message id. :meth:`to_json` / :meth:`parse` store it as
    text; a plain text label stored by an older version is read back as it was.
    """

    __slots__ = ("msgid", "plural_msgid", "n", "params", "lower", "capital")

    def __init__(self, msgid: str, /, **params: Any) -> None:
        self.msgid = msgid
        self.plural_msgid: str | None = None
        self.n: int | None = None
        self.params = params
        self.lower = False
        self.capital = False

    def lowered(self) -> Label:
        """The same label, shown in lower case (a round's name inside a sentence)."""
        label = Label(self.msgid, **self.params)
        label.plural_msgid, label.n, label.lower = self.plural_msgid, self.n, True
        return label

    def capitalised(self) -> Label:
        """The same label, its first letter upper case once filled ("La idea 4")."""
        label = Label(self.msgid, **self.params)
        label.plural_msgid, label.n, label.lower = self.plural_msgid, self.n, self.lower
        label.capital = True
        return label

    @classmethod
    def plural(cls, singular: str, plural: str, n: int, /, **params: Any) -> Label:
        label = cls(singular, **params)
        label.plural_msgid, label.n = plural, int(n)
        return label

    def render(self) -> str:
        from cocrea_desktop.i18n import _, ngettext

        if self.plural_msgid is not None and self.n is not None:
            text = ngettext(self.msgid, self.plural_msgid, self.n)
        else:
            text = _(self.msgid) if self.msgid else ""
        if self.lower:
            text = text.lower()
        if self.params:
            values = {k: v.render() if isinstance(v, Label) else v
                      for k, v in self.params.items()}
            try:
                text = text.format(**values)
            except (KeyError, IndexError, ValueError):
                pass
        return text[:1].upper() + text[1:] if self.capital else text

    def __str__(self) -> str:
        return self.render()

    def __format__(self, spec: str) -> str:
        return format(self.render(), spec)

    def __bool__(self) -> bool:
        return bool(self.msgid)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.render() == other
        return isinstance(other, Label) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self.msgid)

    def __repr__(self) -> str:
        return f"Label({self.msgid!r}, {self.params!r})"

    def _key(self) -> tuple:
        return (self.msgid, self.plural_msgid, self.n, self.lower, self.capital,
                json.dumps(self._plain(), sort_keys=True, ensure_ascii=False, default=str))

    def _plain(self) -> dict[str, Any]:
        return {k: ({"label": v._plain_self()} if isinstance(v, Label) else v)
                for k, v in self.params.items()}

    def _plain_self(self) -> dict[str, Any]:
        data: dict[str, Any] = {"msgid": self.msgid, "params": self._plain()}
        if self.plural_msgid is not None:
            data["plural"], data["n"] = self.plural_msgid, self.n
        if self.lower:
            data["lower"] = True
        if self.capital:
            data["capital"] = True
        return data

    def to_json(self) -> str:
        """The label as JSON text (message ids and parameters), to store."""
        return json.dumps(self._plain_self(), ensure_ascii=False, sort_keys=True, default=str)

    @classmethod
    def _from_plain(cls, data: dict[str, Any]) -> Label:
        params = {k: (cls._from_plain(v["label"]) if isinstance(v, dict) and "label" in v else v)
                  for k, v in (data.get("params") or {}).items()}
        if data.get("plural") is not None:
            label = cls.plural(data["msgid"], data["plural"], int(data.get("n") or 0), **params)
        else:
            label = cls(data["msgid"], **params)
        label = label.lowered() if data.get("lower") else label
        return label.capitalised() if data.get("capital") else label

    @classmethod
    def parse(cls, text: str | Label | None) -> Label:
        """A stored label back: JSON from :meth:`to_json`, or an old label's plain text."""
        if isinstance(text, Label):
            return text
        text = text or ""
        if text.startswith("{"):
            try:
                data = json.loads(text)
                if isinstance(data, dict) and isinstance(data.get("msgid"), str):
                    return cls._from_plain(data)
            except ValueError:
                pass
        return cls(text)


class SaidText(str):
    """Text said now in the language in force, that remembers its :class:`Label`.

    It is a plain ``str`` to every reader (joined, shown, printed in the CLI); what is
    stored to be shown later keeps ``label`` (``label.to_json()``) so that it follows a
    language switch instead of staying in the language of the moment it was made.
    """

    label: Label

    def __new__(cls, label: Label) -> SaidText:
        text = super().__new__(cls, label.render())
        text.label = label
        return text


def said(msgid: str, /, **params: Any) -> SaidText:
    """``said(N_("La opción {option}..."), option=4)``: the text now, its label for later."""
    return SaidText(Label(msgid, **params))


def said_label(label: Label) -> SaidText:
    """A :class:`Label` said now (a plural, a capitalised one)."""
    return SaidText(label)


def label_of(text: str | Label) -> str | Label:
    """What to put in a :class:`Label`'s parameters for ``text``: its label when it has one."""
    return text.label if isinstance(text, SaidText) else text


def said_together(texts: Iterable[str], sep: str = " ") -> str:
    """Sentences said one after the other; still following the language when each does."""
    texts = list(texts)
    if len(texts) == 1:
        return texts[0]
    if not all(isinstance(t, SaidText) for t in texts):
        return sep.join(texts)
    names = [f"t{i}" for i in range(len(texts))]
    return SaidText(Label(sep.join("{" + n + "}" for n in names),
                          **{n: t.label for n, t in zip(names, texts)}))


def stored_text(text: str) -> str:
    """What to store for a text shown later: its label as JSON when it has one."""
    return text.label.to_json() if isinstance(text, SaidText) else str(text)


def shown_text(stored: str) -> str:
    """A stored text in the language in force (a label) or as it was stored (plain text)."""
    return Label.parse(stored).render() if stored.startswith("{") else stored


@dataclass(frozen=True)
class Changes:
    """What a user action changed.

    ``tables`` names the kinds of record touched (``"session"``, ``"idea"``...),
    ``ids`` the rows; views re-read what they show when a table they show is in
    ``tables``. ``label`` is the translated name of the action, for the undo
    menu ("Deshacer: crear sesión"), a :class:`Label` (or plain text) rendered in the
    language in force when it is shown. ``undoable`` is false for actions that the
    undo stack does not cover (opening a file, a language change...).

    What changed in domain terms, filled in by the store method that made the change
    (as Anki's ``OpChanges``), so that a view need not search for it: ``session_id``
    the session concerned (None: the process, or several sessions), ``created`` the
    id of the record the action created (a session, an idea, a merge proposal, a
    cluster, a ballot, a person...) and ``created_kind`` its table. ``replayed`` is
    ``"undo"`` or ``"redo"`` when the change undid or redid ``label`` (a screen's
    "Boleta 5 guardada" no longer holds then).
    """

    label: Label | str = ""
    tables: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)
    undoable: bool = True
    everything: bool = False
    session_id: str | None = None
    created: str | None = None
    created_kind: str = ""
    replayed: str = ""

    def touches(self, *tables: str) -> bool:
        return self.everything or any(t in self.tables for t in tables)

    def concerns(self, session_id: str) -> bool:
        """Whether the change may concern ``session_id`` (unknown: yes)."""
        return self.everything or self.session_id is None or self.session_id == session_id

    def made(self, *, session_id: str | None = None, created: str | None = None,
             created_kind: str = "") -> Changes:
        """The same changes, saying which session they concern and what they created."""
        return replace(self, session_id=session_id if session_id is not None else self.session_id,
                       created=created if created is not None else self.created,
                       created_kind=created_kind or self.created_kind)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            label=other.label or self.label,
            tables=self.tables | other.tables,
            ids=self.ids | other.ids,
            undoable=self.undoable and other.undoable,
            everything=self.everything or other.everything,
            session_id=self.session_id if self.session_id == other.session_id else None,
            created=other.created or self.created,
            created_kind=other.created_kind if other.created else self.created_kind,
            replayed=other.replayed or self.replayed,
        )

    @classmethod
    def all(cls, label: Label | str = "") -> Changes:
        """Everything may have changed (a file opened, an undo across tables)."""
        return cls(label=label, everything=True, undoable=False)
