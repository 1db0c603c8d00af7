"""What an assembly's result offers as proposals (``repo.proposals.result``): its
agreements first, each with the item it settled and the vote that made it; then the
paper ballot's options that made no agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.i18n import N_, _
from cocrea_desktop.store.proposals import Promotable

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: The assembly's own kind of origin, in words (``store.proposals.source_word``).
PROPOSAL_KINDS = {"assembly_agreement": N_("acuerdo de asamblea")}


def proposal_sources(repo: Repo, session_id: str, items: list[Promotable]) -> list[Promotable]:
    a = repo.assembly
    items_by_id = {i.id: i for i in a.items(session_id)}
    agreed: set[int] = set()
    found = []
    for agreement in a.agreements(session_id):
        vote = a.vote(agreement.vote_id)
        proposal = a.proposal(vote.proposal_id)
        agreed.add(proposal.number)
        item = items_by_id[agreement.item_id]
        found.append(Promotable(
            "assembly_agreement", agreement.id, agreement.text,
            description=_("Punto {number}: {title}").format(number=item.number,
                                                           title=item.title),
            source={"number": _("Acuerdo {number}").format(number=agreement.number),
                    "line": vote.summary()}))
    return found + [i for i in items if i.number not in agreed]
