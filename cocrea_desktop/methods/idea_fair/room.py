"""What the room sees in the idea fair's phases (read by ``export.room_state``): stands,
the authorities and their visits, the interest per stand, the commitment letters; at
the closing, the dot vote (counted in the open, so its results show at once) beside
the letters read aloud."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.core.room import RoomItem
from cocrea_desktop.core.voting import wording
from cocrea_desktop.export.room_state import results_view, vote_view
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.idea_fair.store import INTEREST_LEVELS

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def letters(repo: Repo, session_id: str) -> tuple[str, ...]:
    """The letters as they are read aloud: folio, stand and authority (never a contact)."""
    stands = {s.id: s for s in repo.fair.stands(session_id)}
    authorities = {a.id: a for a in repo.fair.authorities(session_id)}
    return tuple(_("Carta {folio}: stand {stand} ({title}) con {authority}").format(
        folio=letter.folio, stand=stands[letter.stand_id].number,
        title=stands[letter.stand_id].title, authority=authorities[letter.authority_id].label())
        for letter in repo.fair.letters(session_id))


def authorities(repo: Repo, session_id: str, phase: Phase) -> dict:
    """The authorities present; during the tour, the stands each one visited."""
    visited: dict[int, list[int]] = {}
    for visit in repo.fair.visits(session_id):
        seen = visited.setdefault(visit.authority_number, [])
        if visit.stand_number not in seen:
            seen.append(visit.stand_number)
    found = repo.fair.authorities(session_id)
    items = tuple(RoomItem(str(a.number), a.label(), ngettext(
        "visitó el stand {numbers}", "visitó los stands {numbers}",
        len(visited[a.number])).format(numbers=wording.join_numbers(visited[a.number]))
        if phase.kind == "fair_visits" and visited.get(a.number) else "")
        for a in found)
    footer = "" if found else _("Aún no hay autoridades registradas.")
    return {"mode": "fair", "items": items, "items_title": _("Autoridades presentes"),
                "footer": footer, "extra": {"letters": len(letters(repo, session_id))}}


def interest(repo: Repo, session_id: str, phase: Phase) -> dict:
    """Each stand with how many authorities are interested, ask a meeting, commit."""
    matrix = repo.fair.interest_matrix(session_id)
    items = []
    for stand in repo.fair.stands(session_id):
        levels = [level for (number, _a), level in matrix.items() if number == stand.number]
        parts = [_("{level}: {count}").format(level=_(label), count=levels.count(key))
                 for key, label in INTEREST_LEVELS.items() if levels.count(key)]
        items.append(RoomItem(str(stand.number), stand.title,
                              " · ".join(parts) if parts else _("sin interés todavía")))
    return {"mode": "fair", "items": tuple(items), "items_title": _("Interés por stand"),
                "extra": {"letters": len(letters(repo, session_id))}}


def stands(repo: Repo, session_id: str, phase: Phase) -> dict:
    """The stands, and the letters signed so far."""
    read = letters(repo, session_id)
    items = tuple(RoomItem(str(s.number), s.title) for s in repo.fair.stands(session_id))
    return {"mode": "fair", "items": items, "items_title": _("Stands"),
                "sentences": read, "sentences_title": _("Cartas compromiso"),
                "footer": "" if read or phase.kind in ("fair_teams", "fair_map")
                else _("Aún no hay cartas compromiso."),
                "extra": {"letters": len(read)}}


def closing(repo: Repo, session_id: str, phase: Phase) -> dict:
    """The dot vote's results (or the vote while it is counted), beside the letters."""
    shown = results_view(repo, session_id) or vote_view(repo, session_id, phase)
    shown["sections"] = ((_("Cartas compromiso"), letters(repo, session_id)),)
    return shown


def follow_up(repo: Repo, session_id: str, phase: Phase) -> dict:
    """The results of the vote if there are any, else the stands and letters."""
    return results_view(repo, session_id) or stands(repo, session_id, phase)


#: The fair's phase kinds and what the room sees in each.
VIEWS = {"fair_teams": stands, "fair_map": stands, "fair_authorities": authorities,
         "fair_visits": authorities, "fair_interest": interest, "fair_letters": stands,
         "fair_closing": closing, "fair_follow_up": follow_up}
