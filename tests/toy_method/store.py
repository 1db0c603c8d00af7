"""The toy method's records: the colours the room names (``repo.toy``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocrea_desktop.core.changes import Changes, Label
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.db import new_id

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


@dataclass(frozen=True)
class Colour:
    id: str
    session_id: str
    number: int
    name: str


class ToyStore:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.pf = repo.pf

    def colours(self, session_id: str) -> list[Colour]:
        return [Colour(r["id"], r["session_id"], r["number"], r["name"]) for r in self.pf.query(
            "SELECT * FROM toy_colour WHERE session_id = ? ORDER BY number", [session_id])]

    def add_colour(self, session_id: str, name: str, *, said_by: str = "") -> tuple[Colour,
                                                                                      Changes]:
        """One user action: a colour said in the room, numbered in its session."""
        session = self.repo.session(session_id)
        name = " ".join(name.split())
        if not name:
            raise InvalidInput(_("Escriba el color."))
        number = (self.pf.scalar("SELECT MAX(number) FROM toy_colour WHERE session_id = ?",
                                 [session.id]) or 0) + 1
        with self.pf.write("toy.colour.add", Label(N_("anotar el color «{name}»"),
                                                   name=name)) as unit:
            colour_id = unit.insert("toy_colour", {
                "id": new_id(), "session_id": session.id, "number": number, "name": name,
                "said_by": said_by, "created_at": unit.at, "updated_at": unit.at,
                "device_id": self.pf.device.id})
        return Colour(colour_id, session.id, number, name), unit.changes()


#: ``repo.toy`` is this store.
REPO_ATTRIBUTE = "toy"
STORE = ToyStore


def options(repo: Repo, session_id: str, vote_on: str) -> list[tuple[int, str]]:
    """What the toy's vote is on (``vote_on="own"``): its colours, by number."""
    return [(c.number, c.name) for c in repo.toy.colours(session_id)]
