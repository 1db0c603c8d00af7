"""What the idea fair's result offers as proposals (``repo.proposals.result``).

Each stand, with its project's summary, problem and theme and the letters signed
for it; and each letter (*carta compromiso*) on its own, with what the authority
committed to.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.proposals import Promotable

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: The fair's own kinds of origin, in words (``store.proposals.source_word``).
PROPOSAL_KINDS = {"fair_stand": N_("stand"), "fair_letter": N_("carta compromiso")}


def proposal_sources(repo: Repo, session_id: str, items: list[Promotable]) -> list[Promotable]:
    stands = {s.number: s for s in repo.fair.stands(session_id)}
    by_id = {s.id: s for s in stands.values()}
    authorities = {a.id: a for a in repo.fair.authorities(session_id)}
    letters: dict[str, list[Any]] = {}
    for letter in repo.fair.letters(session_id):
        letters.setdefault(letter.stand_id, []).append(letter)
    found = []
    for item in items:
        stand = stands.get(item.number) if item.number is not None else None
        if stand is None:
            found.append(item)
            continue
        source = dict(item.source)
        folios = [letter.folio for letter in letters.get(stand.id, [])]
        if folios:
            source["letters"] = _("cartas: {folios}").format(folios=", ".join(folios))
        found.append(replace(item, source_kind="fair_stand", source_id=stand.id,
                             description=stand.summary, problem=stand.problem,
                             theme=stand.theme, source=source))
    for stand_letters in letters.values():
        for letter in stand_letters:
            stand = by_id.get(letter.stand_id)
            if stand is None:
                continue
            authority = authorities.get(letter.authority_id)
            commits = letter.authority_commits or letter.team_commits
            source = {"number": letter.folio, "stand": str(stand.number)}
            if authority is not None:
                source["authority"] = authority.label()
            found.append(Promotable("fair_letter", letter.id, stand.title,
                                    description=commits, problem=stand.problem,
                                    theme=stand.theme, source=source))
    return found
