"""What the room sees, read from the process: a plain value the projector paints.

Built from the store's reads; never holds personal data (no attendance, no contact
persons). Qt-free, so the rules of what is shown are tested without a screen. It lives
in ``export/`` beside the PDFs and the relatoría because it is one more rendering of
the process for people to read, in the same words (``export.relatoria.idea_state``):
``core/room`` (the pages, places and sentences) cannot read the store, the store may
not use the export's wording, and the window only paints.

The generic phase kinds (question, capture, clarify, vote, discuss, results...) are
shown here. A method's own kinds are shown by the ``room`` module of its package
(found by name), which may define:

- ``VIEWS``: phase kind -> ``view(repo, session_id, phase) -> dict | None``, the
  :class:`RoomState` fields of that phase (None: the generic view), header fields
  (``question``, ``rule``, ``phase``) included when it sets them;
- ``timer(repo, session_id, phase) -> (slot, minutes) | None``: a phase whose timer
  runs per slot (a fishbowl turn: the group in the centre); ``core.room.NO_TIMER``
  when the phase shows no clock now (every turn over).

A method's view may build on :func:`results_view` and :func:`vote_view`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cocrea_desktop.core.methods import get_method
from cocrea_desktop.core.methods.base import Phase
from cocrea_desktop.core.model import round_label
from cocrea_desktop.core.room import (
    NO_TIMER,
    PER_PAGE,
    RoomItem,
    RoomPage,
    build_pages,
    result_items,
    result_sentences,
)
from cocrea_desktop.core.timers import TimerState
from cocrea_desktop.core.voting import wording
from cocrea_desktop.export.relatoria import idea_state
from cocrea_desktop.i18n import _
from cocrea_desktop.store.repo import Repo


@dataclass(frozen=True)
class RoomState:
    """Everything the projector shows, already worded; :meth:`pages` cuts it into pages."""

    title: str  # the method and table
    phase: str
    rule: str
    question: str
    mode: str  # question | ideas | vote | results | turns | fair | clusters | empty
    timer_seconds: float | None = None  # None: no timer in this phase
    timer_state: str = TimerState.IDLE.value
    timer_caption: str = ""
    items: tuple[RoomItem, ...] = ()
    items_title: str = ""
    sentences: tuple[str, ...] = ()  # on pages of their own: tie-breaks, the rule, letters
    sentences_title: str = ""
    footer: str = ""  # one short line: "12 ideas en total", "Boletas recibidas: 3"
    follow_last: bool = False  # capture: show the page with the newest item
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()  # more sentences, titled
    extra: dict = field(default_factory=dict)

    def pages(self, *, per_page: int = PER_PAGE,
              fits_items: Callable[[Sequence[RoomItem]], bool] | None = None,
              fits_sentences: Callable[[Sequence[str]], bool] | None = None,
              fits_page: Callable[[Sequence[RoomItem], str, Sequence[str]], bool] | None
              = None) -> tuple[RoomPage, ...]:
        if self.mode in ("question", "empty"):
            return (RoomPage(self.items_title),)
        return build_pages(self.items_title, self.items, sentences_title=self.sentences_title,
                           sentences=self.sentences, per_page=per_page,
                           fits_items=fits_items, fits_sentences=fits_sentences,
                           sections=self.sections, fits_page=fits_page)


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
    room = method.module("room")
    now = repo.pf.clock.now()
    title = " · ".join(p for p in (method.title_text(), session.table_label) if p)
    base = {"title": title, "phase": phase.title_text(), "rule": phase.rule_text(),
                "question": session.question}
    slot = room.timer(repo, session_id, phase) if hasattr(room, "timer") else None
    timer_slot, minutes = slot if slot else (None, None)
    timer_seconds = None
    timer_state = TimerState.IDLE
    if slot == NO_TIMER:
        pass
    elif phase.minutes or timer_slot:
        timer = repo.phases.timer(session_id, phase.key, slot=timer_slot, minutes=minutes)
        timer_seconds = timer.remaining(now)
        timer_state = timer.state(now)
    base.update(timer_seconds=timer_seconds, timer_state=timer_state.value,
                timer_caption=_timer_caption(timer_state) if timer_seconds is not None else "")

    view = getattr(room, "VIEWS", {}).get(phase.kind)
    if view is not None:
        shown = view(repo, session_id, phase)
        if shown is not None:
            # A method's view may also set the header fields (its own question: the
            # agenda item under discussion, say); what it returns wins.
            return RoomState(**{**base, **shown})
    if phase.kind in ("results", "discuss", "synthesis"):
        shown = results_view(repo, session_id)
        if shown is not None:
            return RoomState(**base, **shown)
    if phase.vote_round:
        return RoomState(**base, **vote_view(repo, session_id, phase))
    if phase.kind == "question":
        return RoomState(**base, mode="question")
    proposed = repo.ideas.merges(session_id, status="proposed")
    if proposed:  # the room sees what it is asked to approve, on a page of its own
        merge = proposed[-1]
        numbers = (merge.into_number, *merge.from_numbers)
        ideas = [repo.ideas.by_number(session_id, n) for n in numbers]
        return RoomState(
            **base, mode="merge", items=tuple(RoomItem(str(i.number), i.text) for i in ideas),
            items_title=_("¿Son la misma idea?"),
            footer=_("Propuesta: la idea {into} incluye a la {absorbed}").format(
                into=merge.into_number, absorbed=wording.join_numbers(merge.from_numbers)),
            extra={"merge": merge.id})
    ideas = [i for i in repo.ideas.list(session_id) if i.status != "withdrawn"]
    items = tuple(RoomItem(str(i.number), i.text, _note(i)) for i in ideas)
    footer = _("{count} ideas en total").format(count=len([i for i in ideas if i.active])) \
        if ideas else ""
    return RoomState(**base, mode="ideas" if ideas else "empty", items=items,
                     items_title=_("Ideas"), footer=footer,
                     follow_last=phase.kind in ("capture", "discuss"))


def vote_view(repo: Repo, session_id: str, phase: Phase) -> dict:
    """A voting phase: the options, how to vote, the ballots received so far."""
    count = repo.votes.count_ballots(session_id, phase.vote_round)
    vote_round = repo.votes.round(session_id, phase.vote_round)
    if vote_round.mode == "counts":
        progress = _("Conteo a mano de los votos")
    else:
        progress = _("Boletas recibidas: {count}").format(count=count)
    return {"mode": "vote", "items": option_items(repo, session_id),
                "items_title": _("Opciones de la votación"),
                "sentences": (repo.votes.rule_text(session_id, phase.vote_round),),
                "sentences_title": _("Cómo se vota"), "footer": progress}


def _note(idea) -> str:
    """A merged idea or one that includes others, said as every screen and paper says it."""
    if idea.status == "withdrawn":
        return ""
    return idea_state(status=idea.status, merged_into=idea.merged_into_number,
                      absorbed=idea.absorbed)


def option_items(repo: Repo, session_id: str) -> tuple[RoomItem, ...]:
    """What the vote is on, numbered and labelled (``repo.votes.options_for``)."""
    return tuple(RoomItem(str(o.number), o.label) for o in repo.votes.options_for(session_id))


def results_view(repo: Repo, session_id: str) -> dict | None:
    """The round whose result stands: every place, then how the places were decided."""
    round_ = repo.votes.result_round(session_id)
    if round_ is None:
        return None
    result = repo.votes.tally(session_id, round_)
    texts = {int(item.number): item.text for item in option_items(repo, session_id)}
    items = result_items(result, texts, repo.votes.noun(session_id))
    return {"mode": "results", "items": items,
                "items_title": _("Resultados: {round}").format(round=round_label(round_)),
                "sentences": (result.rule_text, *result_sentences(result)),
                "sentences_title": _("Cómo se decidieron los lugares")}
