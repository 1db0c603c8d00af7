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
            source["letters"] = folios  # worded when shown (store.proposals.source_facts)
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


#: How the follow-up names the fair's letters (``store.followup.Agreement.noun``).
LETTER_NOUN = (N_("carta compromiso de la feria"), N_("cartas compromiso de la feria"))


def FOLLOWUP_AGREEMENTS(repo: Repo) -> list[Any]:  # noqa: N802 - the hook's name
    """The fair's letters as the plan's follow-up sees them (``store.followup``): who
    committed to what, the letter's follow-up (its status, its next meeting) and its signed
    copies; carried by a proposal promoted from the letter, or from its stand."""
    from cocrea_desktop.methods.idea_fair.store import LETTER_STATUSES
    from cocrea_desktop.store.followup import Agreement, AgreementFile

    found = []
    for session in repo.sessions():
        letters = repo.fair.letters(session.id)
        if not letters:
            continue
        authorities = {a.id: a for a in repo.fair.authorities(session.id)}
        for letter in letters:
            authority = authorities.get(letter.authority_id)
            files = tuple(AgreementFile(f["id"], f["file_name"], f["media_type"], f["sha256"],
                                        int(f["size"] or 0))
                          for f in repo.fair.attachments(letter.id))
            status = LETTER_STATUSES.get(letter.status)
            found.append(Agreement(
                id=letter.id, kind="fair_letter", heading=_("Cartas compromiso de la feria"),
                noun=LETTER_NOUN, folio=letter.folio,
                who=authority.label() if authority else "",
                committed=letter.authority_commits or letter.team_commits,
                date=letter.letter_date, status=letter.status,
                status_text=_(status) if status else letter.status,
                next_meeting=letter.next_meeting, session_id=session.id, files=files,
                origins=(("fair_letter", letter.id), ("fair_stand", letter.stand_id)),
                closed=letter.status == "dropped"))
    return found
