"""The results as words and cells, computed once (Qt-free) for the screen, the room view,
the results PDF, the third report and the CLI: the matrix of proposals x criteria (mean
and the number of scores behind it), the ranking, the notes (missing scores, tie-breaks,
near ties), the sensitivity table and the agreement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


@dataclass(frozen=True)
class Summary:
    rule_text: str
    headers: tuple[str, ...]
    #: (proposal number, cells) best first: place, number, title, the score, one cell per
    #: criterion ("4.50 (n=12)").
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    notes: tuple[str, ...]
    sensitivity: tuple[tuple[str, str], ...]  # (weight moved, who changes place)
    agreement: tuple[str, ...]
    evaluators: int
    top: tuple[tuple[int, str, str], ...]  # (place, title, the score in words)


def place_text(rank: int | None) -> str:
    return "–" if rank is None else _("{rank}.º").format(rank=rank)


def mean_text(mean: float | None, count: int) -> str:
    if mean is None:
        return _("sin calificación")
    return _("{mean} (n={count})").format(mean=wording.decimal(mean), count=count)


def summary(repo: Repo, session_id: str) -> Summary | None:
    """None while there are no criteria or no proposals on the table."""
    store = repo.prioritisation
    items = {i.number: i for i in store.items(session_id)}
    try:
        rule = store.rule(session_id)
    except CocreaError:
        return None
    if not items:
        return None
    result = store.tally(session_id)
    headers = (_("Lugar"), _("Núm."), _("Propuesta"), _("Puntaje"),
               *(f"{c.label()} (×{_weight(c.weight)})" for c in rule.criteria))
    rows = tuple(
        (r.option, (place_text(r.rank), str(r.option), items[r.option].title,
                    wording.decimal(r.score) if r.score is not None else "–",
                    *(mean_text(m, n) for m, n in zip(r.means, r.scored))))
        for r in result.rows)
    notes = (*result.missing_notes, *(s.text for s in result.tie_breaks),
             *(t.text for t in result.near_ties))
    shifts = store.sensitivity(session_id) if result.evaluators else []
    sensitivity = tuple(
        ((_("«{name}»: peso {old} → {new}").format(name=_(s.name), old=_weight(s.weight),
                                                   new=_weight(s.new_weight))),
         wording.join_items(_("la {number}: del {before} al {after}").format(
             number=m.option, before=place_text(m.before), after=place_text(m.after))
             for m in s.moves) if s.moves else _("nadie cambia de lugar"))
        for s in shifts)
    top = tuple((r.rank, items[r.option].title, _("{score} puntos de {most}").format(
        score=wording.decimal(r.score), most=_weight(rule.max_score)))
        for r in result.rows if r.rank is not None)
    return Summary(result.rule_text, headers, rows, tuple(notes), sensitivity,
                   agreement_lines(repo, session_id), result.evaluators, top)


def agreement_lines(repo: Repo, session_id: str) -> tuple[str, ...]:
    agreement = repo.prioritisation.agreement(session_id)
    if agreement is None:
        return ()
    items = {i.number: i for i in repo.prioritisation.items(session_id)}
    lines = [_("Acuerdo: pasan al Plan de Acción Local las primeras {cutoff} propuestas; "
               "decidió: {who}.").format(cutoff=agreement.cutoff, who=agreement.decided_by)]
    lines += [_("Pasa la propuesta {number}: {title}").format(
        number=n, title=items[n].title if n in items else "") for n in agreement.selected]
    if agreement.tie_note:
        lines.append(_("Cómo se resolvió: {note}").format(note=agreement.tie_note))
    return tuple(lines)


def _weight(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else wording.decimal(weight)
