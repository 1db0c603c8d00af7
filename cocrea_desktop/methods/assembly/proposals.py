"""What an assembly's result offers as proposals (``repo.proposals.result``): its
agreements first, each with the item it settled and the vote that made it; then the
paper ballot's options that made no agreement."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

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
            # Facts, worded when shown (proposal_origin_words), in the language of then.
            source={"agreement": agreement.number, "mode": vote.mode,
                    "for": vote.votes_for, "against": vote.votes_against,
                    "abstain": vote.abstentions, "present": vote.present}))
    return found + [i for i in items if i.number not in agreed]


def proposal_origin_words(kind: str, source: Mapping[str, Any]) -> tuple[str, list[str]] | None:
    """An agreement's number and its vote in words, in the current language. Agreements
    promoted before the facts were kept have them in words already (shown as they are)."""
    if kind != "assembly_agreement" or "agreement" not in source:
        return None
    from cocrea_desktop.methods.assembly.store import Vote

    try:
        vote = Vote("", "", str(source.get("mode") or ""), int(source.get("for") or 0),
                    int(source.get("against") or 0), int(source.get("abstain") or 0),
                    int(source.get("present") or 0), 0, "", "")
    except (TypeError, ValueError):
        return None
    return _("Acuerdo {number}").format(number=source["agreement"]), [vote.summary()]
