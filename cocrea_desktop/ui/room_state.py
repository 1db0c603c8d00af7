"""What the room sees, read from the process: a plain value the projector paints.

Built from the store's reads (phases, ideas, votes, fishbowl, fair); never holds
personal data (no attendance, no contact persons). Qt-free on purpose, so the
rules of what is shown can be tested without a screen, but it lives beside the
projector because it exists only for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cocrea_desktop.core.methods import get_method
from cocrea_desktop.core.model import round_label
from cocrea_desktop.core.timers import TimerState
from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo

LATEST_IDEAS = 8
RESULT_ROWS = 8


@dataclass(frozen=True)
class RoomItem:
    number: str
    text: str
    note: str = ""


@dataclass(frozen=True)
class RoomBar:
    number: int
    text: str
    value: int | float
    label: str  # the value as printed on the bar ("12 puntos")
    rank: int | None = None


@dataclass(frozen=True)
class RoomState:
    """Everything the projector shows, already worded."""

    title: str  # the method and table
    phase: str
    rule: str
    question: str
    mode: str  # question | ideas | vote | results | turns | fair | empty
    timer_seconds: float | None = None  # None: no timer in this phase
    timer_state: str = TimerState.IDLE.value
    timer_caption: str = ""
    items: tuple[RoomItem, ...] = ()
    items_title: str = ""
    bars: tuple[RoomBar, ...] = ()
    notes: tuple[str, ...] = ()  # tie-breaks and near-ties in words, vote progress...
    footer: str = ""
    extra: dict = field(default_factory=dict)


def _timer_caption(state: TimerState) -> str:
    return {
        TimerState.IDLE: _("Tiempo sin iniciar"),
        TimerState.RUNNING: _("Tiempo restante"),
        TimerState.PAUSED: _("Tiempo en pausa"),
        TimerState.WARNING: _("¡Queda un minuto!"),
        TimerState.EXPIRED: _("Tiempo"),
    }[state]


def room_state(repo: Repo, session_id: str) -> RoomState:
    session = repo.session(session_id)
    method = get_method(session.method)
    phase = repo.phases.current(session_id)
    now = repo.pf.clock.now()
    title = " · ".join(p for p in (method.title_text(), session.table_label) if p)
    base = dict(title=title, phase=phase.title_text(), rule=phase.rule_text(),
                question=session.question)
    timer_slot = None
    extra: dict = {}
    if method.key == "fishbowl" and phase.kind == "turns":
        current = repo.fishbowl.current_turn(session_id)
        if current is not None:
            timer_slot = current.group.id
    timer_seconds = None
    timer_state = TimerState.IDLE
    if phase.minutes or timer_slot:
        minutes = repo.fishbowl.turn_minutes(session_id) if timer_slot else None
        timer = repo.phases.timer(session_id, phase.key, slot=timer_slot, minutes=minutes)
        timer_seconds = timer.remaining(now)
        timer_state = timer.state(now)
    base.update(timer_seconds=timer_seconds, timer_state=timer_state.value,
                timer_caption=_timer_caption(timer_state) if timer_seconds is not None else "")

    if phase.kind == "open_round":  # the fishbowl's open round: what is said, no results
        notes = repo.ideas.notes(session_id, phase.key)[-LATEST_IDEAS:]
        items = tuple(RoomItem(note.created_at[11:16], note.text) for note in notes)
        return RoomState(**base, mode="ideas" if items else "question", items=items,
                         items_title=_("Ronda abierta: lo que aprendimos"))
    if phase.kind == "results" or phase.kind in ("discuss", "synthesis"):
        shown = _results(repo, session_id, method)
        if shown is not None:
            return RoomState(**base, **shown)
    if phase.vote_round:
        count = repo.votes.count_ballots(session_id, phase.vote_round)
        vote_round = repo.votes.round(session_id, phase.vote_round)
        if vote_round.mode == "counts":
            progress = _("Conteo a mano de los votos")
        else:
            progress = _("Boletas recibidas: {count}").format(count=count)
        items = _option_items(repo, session_id, method)
        return RoomState(**base, mode="vote", items=items,
                         items_title=_("Opciones de la votación"),
                         notes=(repo.votes.rule_text(session_id, phase.vote_round), progress))
    if method.key == "fishbowl" and phase.kind in ("groups", "turns"):
        turns = repo.fishbowl.turns(session_id)
        current = repo.fishbowl.current_turn(session_id)
        items = tuple(RoomItem(str(t.group.turn_order or "-"), t.group.label,
                               _("en el centro") if current and t.group.id == current.group.id
                               and t.running else (_("ya habló") if t.done else ""))
                      for t in turns)
        extra["centre"] = current.group.label if current and current.running else ""
        return RoomState(**base, mode="turns", items=items, items_title=_("Orden de los grupos"),
                         extra=extra)
    if method.key == "idea_fair":
        stands = repo.fair.stands(session_id)
        letters = repo.fair.letters(session_id)
        authorities = {a.id: a for a in repo.fair.authorities(session_id)}
        by_stand = {s.id: s for s in stands}
        items = tuple(RoomItem(str(s.number), s.title) for s in stands)
        notes = tuple(_("Carta {folio}: stand {stand} con {authority}").format(
            folio=letter.folio, stand=by_stand[letter.stand_id].number,
            authority=authorities[letter.authority_id].label())
            for letter in letters)
        return RoomState(**base, mode="fair", items=items, items_title=_("Stands"),
                         notes=notes or (_("Aún no hay cartas compromiso."),),
                         extra={"letters": len(letters)})
    if phase.kind == "question":
        return RoomState(**base, mode="question")
    ideas = [i for i in repo.ideas.list(session_id) if i.status != "withdrawn"]
    shown = ideas[-LATEST_IDEAS:]
    items = tuple(RoomItem(str(i.number), i.text, _note(i)) for i in shown)
    footer = _("{count} ideas en total").format(count=len([i for i in ideas if i.active])) \
        if ideas else ""
    return RoomState(**base, mode="ideas" if ideas else "empty", items=items,
                     items_title=_("Últimas ideas") if len(ideas) > LATEST_IDEAS else _("Ideas"),
                     footer=footer)


def _note(idea) -> str:
    if idea.status == "merged":
        return _("unida a la {number}").format(number=idea.merged_into_number)
    if idea.absorbed:
        return _("incluye {numbers}").format(numbers=", ".join(str(n) for n in idea.absorbed))
    return ""


def _option_items(repo: Repo, session_id: str, method) -> tuple[RoomItem, ...]:
    numbers = set(repo.votes.options(session_id))
    if method.key == "fishbowl":
        return tuple(RoomItem(str(c.number), c.label) for c in repo.ideas.clusters(session_id)
                     if c.number in numbers)
    if method.key == "idea_fair":
        return tuple(RoomItem(str(s.number), s.title) for s in repo.fair.stands(session_id))
    return tuple(RoomItem(str(i.number), i.text) for i in repo.ideas.list(session_id)
                 if i.number in numbers)


def _results(repo: Repo, session_id: str, method) -> dict | None:
    """The latest round with votes, as bars with numbers on them."""
    rounds = [r for r in reversed(method.vote_rounds()) if repo.votes.has_votes(session_id, r)]
    if not rounds:
        return None
    round_ = rounds[0]
    result = repo.votes.tally(session_id, round_)
    texts = {int(item.number): item.text for item in _option_items(repo, session_id, method)}
    bars = []
    for row in result.rows[:RESULT_ROWS]:
        value = getattr(row, "points", None)
        if value is None:
            value = getattr(row, "dots", None)
        if value is not None:
            label = wording.points(value)
        else:
            value = getattr(row, "count", 0)
            label = wording.votes(value)
        bars.append(RoomBar(row.option, texts.get(row.option, ""), value, label, row.rank))
    notes = [step.text for step in result.tie_breaks] + [tie.text for tie in result.near_ties]
    return dict(mode="results", bars=tuple(bars), notes=tuple(notes[:3]),
                items_title=_("Resultados: {round}").format(round=round_label(round_)),
                footer=result.rule_text)
