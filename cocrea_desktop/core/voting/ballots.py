"""Reading and checking one ballot: ranked top-k, dots, and a criteria scorecard.

Marks are plain tuples so that tallies stay fast and storage stays simple:

* a ranked ballot's ``marks``: ``((option, points), ...)`` in the order written,
  each option at most once, each points value at most once, 1 <= points <= k;
* a dots ballot's ``marks``: ``((option, dots), ...)``, each option once,
  1 <= dots <= max_per_option, total <= dots_per_person;
* a scorecard's ``scores``: ``((option, (s1, s2, ...)), ...)``, one score per
  criterion in the rule's order, ``None`` where missing.

A wrong entry voids only itself: the valid entries still count, the ballot is
marked (``has_voids``) and each :class:`VoidEntry` carries the entry as typed
and a Spanish sentence saying why it does not count. Typed ballots
(``parse_*``) accept numbers separated by spaces, commas or semicolons, and
``option:value`` pairs (``=`` also works). In a ranked ballot an entry without
explicit points gets the points of its place: k for the first, k-1 for the
second, and so on. In a dots ballot each bare number is one dot. When a dots
ballot uses more dots than allowed, the last ones written are the ones voided.

An idea merged into another before the vote keeps its number on the wall: a ballot that
names it counts for the idea that absorbed it (``merged`` maps the absorbed number to the
absorbing one), and says so (``redirects``, :func:`redirect_note`). If the same ballot also
names the absorbing idea, the idea appears twice and the usual rule applies: only those
entries are voided, and the reason says why the idea is there twice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from cocrea_desktop.core.changes import Label, SaidText, said, said_together
from cocrea_desktop.core.voting import wording
from cocrea_desktop.core.voting.rules import CriteriaRule, DotsRule, RankedRule
from cocrea_desktop.core.voting.wording import IDEA, OPTION, PROPOSAL, OptionNoun
from cocrea_desktop.i18n import N_

RankedMarks = tuple[tuple[int, int], ...]
DotsMarks = tuple[tuple[int, int], ...]
Scores = tuple[tuple[int, tuple[int | None, ...]], ...]

MISSING_TOKENS = frozenset({"-", "_", "?", "x", "X", "—"})

_PAIR = re.compile(r"\s*[:=]\s*")
_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class VoidEntry:
    """An entry that does not count. ``amount``: the dots or scores it voids (1 otherwise)."""

    entry: str
    reason: str
    amount: int = 1


Redirects = tuple[tuple[int, int], ...]  # (number written, idea it counts for)


@dataclass(frozen=True)
class RankedBallot:
    marks: RankedMarks
    voids: tuple[VoidEntry, ...] = ()
    redirects: Redirects = ()

    @property
    def notes(self) -> list[str]:
        return [redirect_note(a, b) for a, b in self.redirects]

    @property
    def has_voids(self) -> bool:
        return bool(self.voids)

    @property
    def is_blank(self) -> bool:
        return not self.marks and not self.voids


@dataclass(frozen=True)
class DotsBallot:
    marks: DotsMarks
    voids: tuple[VoidEntry, ...] = ()
    redirects: Redirects = ()

    @property
    def notes(self) -> list[str]:
        return [redirect_note(a, b) for a, b in self.redirects]

    @property
    def has_voids(self) -> bool:
        return bool(self.voids)

    @property
    def dots(self) -> int:
        return sum(d for _o, d in self.marks)

    @property
    def void_dots(self) -> int:
        return sum(v.amount for v in self.voids)


@dataclass(frozen=True)
class Scorecard:
    """One evaluator's scores."""

    scores: Scores
    voids: tuple[VoidEntry, ...] = ()

    @property
    def has_voids(self) -> bool:
        return bool(self.voids)

    @property
    def missing(self) -> int:
        """Scores left empty (or voided) among the options listed."""
        return sum(1 for _o, row in self.scores for s in row if s is None)


def split_entries(text: str) -> list[str]:
    """The entries of a typed ballot: "12 3:4, 7" -> ["12", "3:4", "7"]."""
    return [t for t in _SEPARATORS.split(_PAIR.sub(":", text.strip())) if t]


def _read_entry(token: str) -> tuple[int, int | None] | None:
    """(option, value or None), or None when the entry cannot be read."""
    left, colon, right = token.partition(":")
    if not _is_number(left) or (colon and not _is_number(right)):
        return None
    return int(left), (int(right) if colon else None)


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _entry_text(option: int, value: int | None) -> str:
    return str(option) if value is None else f"{option}:{value}"


def _no_such_option(option: int, noun: OptionNoun) -> str:
    return said(N_("{option} no existe en esta votación."),
                option=noun.one_label(option, capital=True))


def redirect_note(absorbed: int, into: int) -> str:
    """What a ballot says when it names a merged idea: it counts for the absorbing one."""
    return said(N_("La idea {absorbed} se unió a la {into}: cuenta para la {into}."),
                absorbed=absorbed, into=into)


def redirect_notes(redirects: Redirects) -> list[str]:
    return [redirect_note(a, b) for a, b in redirects]


def _merged_reason(absorbed: int, into: int) -> str:
    return said(N_("La idea {absorbed} se unió a la {into}."), absorbed=absorbed, into=into)


def _redirect(option: int, options: Collection[int], merged: Mapping[int, int]
              ) -> tuple[int, int | None]:
    """(the option an entry counts for, the number written when it was a merged idea)."""
    if option not in options and option in merged:
        return merged[option], option
    return option, None


def stored_redirects(entry: str, void_entries: Collection[str],
                     merged: Mapping[int, int]) -> Redirects:
    """The redirects of a ballot already saved: entries naming a merged idea that counted.

    Merges are closed once voting starts, so reading the entry as written again with the
    session's merges gives what the check said when the ballot was saved.
    """
    found = []
    for token in split_entries(entry):
        read = _read_entry(token)
        if read is not None and read[0] in merged and token not in void_entries:
            found.append((read[0], merged[read[0]]))
    return tuple(found)


def _unreadable(token: str) -> VoidEntry:
    return VoidEntry(
        token,
        said(N_("«{entry}» no se entiende: se esperaba un número, o número:puntos."), entry=token),
        amount=0,
    )


# -- ranked top-k -------------------------------------------------------------------------


def parse_ranked_ballot(
    text: str,
    *,
    options: Collection[int],
    rule: RankedRule,
    noun: OptionNoun = IDEA,
    merged: Mapping[int, int] | None = None,
) -> RankedBallot:
    """Read a typed ranked ballot ("12 3 7 1 9" or "12:5 3:4 ...") and check it."""
    return _check_ranked(
        [(t, _read_entry(t)) for t in split_entries(text)], options, rule, noun, merged or {}
    )


def validate_ranked_ballot(
    entries: Sequence[tuple[int, int | None]],
    *,
    options: Collection[int],
    rule: RankedRule,
    noun: OptionNoun = IDEA,
    merged: Mapping[int, int] | None = None,
) -> RankedBallot:
    """Check entries given as (option, points), points None = by place."""
    return _check_ranked(
        [(_entry_text(o, p), (o, p)) for o, p in entries], options, rule, noun, merged or {}
    )


def _check_ranked(
    read: list[tuple[str, tuple[int, int | None] | None]],
    options: Collection[int],
    rule: RankedRule,
    noun: OptionNoun,
    merged: Mapping[int, int],
) -> RankedBallot:
    rule.check_options(len(options))
    k = rule.k
    reasons: list[list[str]] = [[] for _r in read]
    placed: list[tuple[int, int] | None] = []
    written: list[int | None] = []  # the merged idea's number, when an entry names one
    for i, (_token, entry) in enumerate(read):
        if entry is None:
            placed.append(None)
            written.append(None)
            continue
        option, explicit = entry
        option, absorbed = _redirect(option, options, merged)
        written.append(absorbed)
        points = k - i if explicit is None else explicit
        placed.append((option, points))
        if explicit is None and points < 1:
            reasons[i].append(SaidText(Label.plural(
                "La boleta solo tiene {k} lugar; {option} sobra.",
                "La boleta solo tiene {k} lugares; {option} sobra.", k,
                k=k, option=noun.one_label(option))))
        elif not 1 <= points <= k:
            reasons[i].append(said(N_("Los puntos van de 1 a {k}; {option} tiene {points}."),
                                   k=k, option=noun.one_label(option), points=points))
        if option not in options:
            reasons[i].append(_no_such_option(option, noun))
    known = Counter(p[0] for p in placed if p is not None and p[0] in options)
    ranks: dict[int, list[int]] = {}
    for p in placed:
        if p is not None and 1 <= p[1] <= k:
            ranks.setdefault(p[1], []).append(p[0])
    for i, p in enumerate(placed):
        if p is None:
            continue
        option, points = p
        times = known.get(option, 0)
        if times == 2:
            reasons[i].append(said(N_("{option} aparece dos veces en la boleta."),
                                   option=noun.one_label(option, capital=True)))
        elif times > 2:
            reasons[i].append(said(N_("{option} aparece {times} veces en la boleta."),
                                   option=noun.one_label(option, capital=True), times=times))
        sharing = ranks.get(points, ())
        if len(sharing) > 1:
            reasons[i].append(SaidText(Label.plural(
                "{points} se dio a la vez a {options}.",
                "{points} se dieron a la vez a {options}.", points,
                points=wording.points_label(points), options=noun.many_label(sharing))))
    marks: list[tuple[int, int]] = []
    voids: list[VoidEntry] = []
    redirects: list[tuple[int, int]] = []
    for (token, _entry), p, why, absorbed in zip(read, placed, reasons, written):
        if p is None:
            voids.append(_unreadable(token))
        elif why:
            # Why the idea is named here: every merged number written for it on this ballot
            # (so that "10 3 1", with 10 merged into 1, says why 1 appears twice).
            merged_here = sorted({w for w, q in zip(written, placed)
                                  if w is not None and q is not None and q[0] == p[0]
                                  and (w == absorbed or known.get(p[0], 0) > 1)})
            why = [_merged_reason(a, p[0]) for a in merged_here] + why
            voids.append(VoidEntry(token, said_together(why)))
        else:
            marks.append(p)
            if absorbed is not None:
                redirects.append((absorbed, p[0]))
    return RankedBallot(tuple(marks), tuple(voids), tuple(redirects))


# -- dots ---------------------------------------------------------------------------------


def parse_dots_ballot(
    text: str,
    *,
    options: Collection[int],
    rule: DotsRule,
    noun: OptionNoun = OPTION,
    merged: Mapping[int, int] | None = None,
) -> DotsBallot:
    """Read a typed dots ballot: "3 3 7" (one dot per number) or "3:2 7"."""
    read = []
    for token in split_entries(text):
        entry = _read_entry(token)
        read.append((token, None if entry is None else (entry[0], 1 if entry[1] is None
                                                          else entry[1])))
    return _check_dots(read, options, rule, noun, merged or {})


def validate_dots_ballot(
    entries: Sequence[tuple[int, int]],
    *,
    options: Collection[int],
    rule: DotsRule,
    noun: OptionNoun = OPTION,
    merged: Mapping[int, int] | None = None,
) -> DotsBallot:
    """Check entries given as (option, dots)."""
    return _check_dots([(_entry_text(o, d), (o, d)) for o, d in entries], options, rule, noun,
                       merged or {})


def _check_dots(
    read: list[tuple[str, tuple[int, int] | None]],
    options: Collection[int],
    rule: DotsRule,
    noun: OptionNoun,
    merged: Mapping[int, int],
) -> DotsBallot:
    cap, budget = rule.cap, rule.dots_per_person
    given: dict[int, int] = {}
    used = 0
    voids: list[VoidEntry] = []
    redirects: list[tuple[int, int]] = []
    for token, entry in read:
        if entry is None:
            voids.append(_unreadable(token))
            continue
        option, dots = entry
        option, absorbed = _redirect(option, options, merged)
        if dots < 1:
            voids.append(VoidEntry(token, said(N_("«{entry}»: el número de puntos debe ser 1 o "
                                                  "más."), entry=token), amount=0))
            continue
        if option not in options:
            voids.append(VoidEntry(token, _no_such_option(option, noun), amount=dots))
            continue
        over_cap = max(0, given.get(option, 0) + dots - cap)
        over_budget = max(0, used + dots - over_cap - budget)
        counted = dots - over_cap - over_budget
        why = []
        if absorbed is not None and (over_cap or over_budget):
            why.append(_merged_reason(absorbed, option))
        if over_cap:
            why.append(SaidText(Label.plural(
                "{option} solo puede recibir {cap} de cada persona; no cuenta {excess} punto "
                "de más.",
                "{option} solo puede recibir {cap} de cada persona; no cuentan {excess} "
                "puntos de más.",
                over_cap,
                option=noun.one_label(option, capital=True), cap=wording.points_label(cap),
                excess=over_cap)))
        if over_budget:
            why.append(SaidText(Label.plural(
                "La boleta ya usó sus {dots}; no cuenta {excess} punto de más para {option}.",
                "La boleta ya usó sus {dots}; no cuentan {excess} puntos de más para "
                "{option}.",
                over_budget,
                dots=wording.points_label(budget), excess=over_budget,
                option=noun.one_label(option))))
        if why:
            voids.append(VoidEntry(token, said_together(why),
                                   amount=over_cap + over_budget))
        if counted:
            given[option] = given.get(option, 0) + counted
            used += counted
            if absorbed is not None and (absorbed, option) not in redirects:
                redirects.append((absorbed, option))
    return DotsBallot(tuple(given.items()), tuple(voids), tuple(redirects))


# -- criteria scorecards ------------------------------------------------------------------


def parse_scorecard(
    rows: Mapping[int, str],
    *,
    options: Collection[int],
    rule: CriteriaRule,
    noun: OptionNoun = PROPOSAL,
) -> Scorecard:
    """Read typed rows, one per option: "4 5 3 - 2" (one score per criterion; "-" = missing)."""
    read: dict[int, list[int | str | None]] = {}
    for option, text in rows.items():
        row: list[int | str | None] = []
        for token in split_entries(text):
            if token in MISSING_TOKENS:
                row.append(None)
            elif _is_number(token):
                row.append(int(token))
            else:
                row.append(token)
        read[option] = row
    return _check_scorecard(read, options, rule, noun)


def validate_scorecard(
    scores: Mapping[int, Sequence[int | None]],
    *,
    options: Collection[int],
    rule: CriteriaRule,
    noun: OptionNoun = PROPOSAL,
) -> Scorecard:
    """Check scores given as {option: [score per criterion, None = missing]}."""
    return _check_scorecard({o: list(r) for o, r in scores.items()}, options, rule, noun)


def _check_scorecard(
    read: Mapping[int, list[int | str | None]],
    options: Collection[int],
    rule: CriteriaRule,
    noun: OptionNoun,
) -> Scorecard:
    n = len(rule.criteria)
    low, high = rule.scale_min, rule.scale_max
    scores: list[tuple[int, tuple[int | None, ...]]] = []
    voids: list[VoidEntry] = []
    for option, row in read.items():
        entry = " ".join("-" if s is None else str(s) for s in row)
        if option not in options:
            voids.append(VoidEntry(
                f"{option}: {entry}",
                _no_such_option(option, noun),
                amount=sum(1 for s in row if s is not None),
            ))
            continue
        kept: list[int | None] = []
        for index, value in enumerate(row[:n]):
            criterion = rule.criteria[index].label()
            if isinstance(value, str):
                voids.append(VoidEntry(value, said(
                    N_("{option}, «{criterion}»: «{entry}» no es una calificación."),
                    option=noun.one_label(option, capital=True), criterion=criterion,
                    entry=value)))
                kept.append(None)
            elif value is not None and not low <= value <= high:
                voids.append(VoidEntry(str(value), said(
                    N_("{option}, «{criterion}»: la calificación va de {low} a {high}, no "
                       "{score}."),
                    option=noun.one_label(option, capital=True), criterion=criterion,
                    low=low, high=high, score=value)))
                kept.append(None)
            else:
                kept.append(value)
        extra = [s for s in row[n:] if s is not None]
        if extra:
            voids.append(VoidEntry(
                " ".join(str(s) for s in extra),
                SaidText(Label.plural(
                    "{option} tiene {given} calificaciones y hay {count} criterio; sobran "
                    "las últimas.",
                    "{option} tiene {given} calificaciones y hay {count} criterios; sobran "
                    "las últimas.",
                    n, option=noun.one_label(option, capital=True), given=len(row), count=n)),
                amount=len(extra),
            ))
        kept.extend([None] * (n - len(kept)))
        scores.append((option, tuple(kept)))
    return Scorecard(tuple(scores), tuple(voids))
