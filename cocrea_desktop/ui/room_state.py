"""What the room sees, read from the process: a plain value the projector paints.

Built from the store's reads (phases, ideas, votes, fishbowl, fair); never holds
personal data (no attendance, no contact persons). Qt-free on purpose, so the
rules of what is shown can be tested without a screen, but it lives beside the
projector because it exists only for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cocrea_desktop.core.methods import get_method
from cocrea_desktop.core.model import round_label
from cocrea_desktop.core.room import (
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
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.store.fair import INTEREST_LEVELS
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
              fits_sentences: Callable[[Sequence[str]], bool] | None = None
              ) -> tuple[RoomPage, ...]:
        if self.mode in ("question", "empty"):
            return (RoomPage(self.items_title),)
        return build_pages(self.items_title, self.items, sentences_title=self.sentences_title,
                           sentences=self.sentences, per_page=per_page,
                           fits_items=fits_items, fits_sentences=fits_sentences,
                           sections=self.sections)


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
    if phase.kind == "turns":  # a timer per group in the centre
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
        notes = repo.ideas.notes(session_id, phase.key)
        items = tuple(RoomItem(note.created_at[11:16], note.text) for note in notes)
        return RoomState(**base, mode="ideas" if items else "question", items=items,
                         items_title=_("Ronda abierta: lo que aprendimos"))
    # The fair's dot vote is counted in the open, stand by stand: its results show at once.
    if phase.kind in ("results", "discuss", "synthesis", "fair_closing", "fair_follow_up"):
        shown = _results(repo, session_id, method)
        if shown is not None:
            if phase.kind == "fair_closing":  # the letters are read aloud beside the vote
                shown["sections"] = ((_("Cartas compromiso"),
                                      _fair_letters(repo, session_id)),)
            return RoomState(**base, **shown)
    if phase.vote_round:
        count = repo.votes.count_ballots(session_id, phase.vote_round)
        vote_round = repo.votes.round(session_id, phase.vote_round)
        if vote_round.mode == "counts":
            progress = _("Conteo a mano de los votos")
        else:
            progress = _("Boletas recibidas: {count}").format(count=count)
        items = _option_items(repo, session_id, method)
        sections = ((_("Cartas compromiso"), _fair_letters(repo, session_id)),) \
            if phase.kind == "fair_closing" else ()
        return RoomState(**base, mode="vote", items=items,
                         items_title=_("Opciones de la votación"),
                         sentences=(repo.votes.rule_text(session_id, phase.vote_round),),
                         sentences_title=_("Cómo se vota"), footer=progress, sections=sections)
    if phase.kind in ("groups", "turns"):
        turns = repo.fishbowl.turns(session_id)
        current = repo.fishbowl.current_turn(session_id)
        items = tuple(RoomItem(str(t.group.turn_order or "-"), t.group.label,
                               _("en el centro") if current and t.group.id == current.group.id
                               and t.running else (_("ya habló") if t.done else ""))
                      for t in turns)
        centre = current.group.label if current and current.running else ""
        extra["centre"] = centre
        footer = _("En el centro: {group}").format(group=centre) if centre else ""
        return RoomState(**base, mode="turns", items=items, items_title=_("Orden de los grupos"),
                         footer=footer, extra=extra)
    if phase.kind == "cluster" and repo.ideas.clusters(session_id):
        ideas = [i for i in repo.ideas.list(session_id) if i.active]
        members: dict[str, list[int]] = {}
        for idea in ideas:
            if idea.cluster_id:
                members.setdefault(idea.cluster_id, []).append(idea.number)
        raised = repo.fishbowl.cluster_groups(session_id)
        items = tuple(RoomItem(str(c.number), c.label, _cluster_note(
            members.get(c.id, []), raised.get(c.id, [])))
            for c in repo.ideas.clusters(session_id))
        loose = [i.number for i in ideas if not i.cluster_id]
        footer = ngettext("{count} idea sin grupo", "{count} ideas sin grupo",
                          len(loose)).format(count=len(loose)) if loose else ""
        return RoomState(**base, mode="clusters", items=items,
                         items_title=_("Grupos de ideas"), footer=footer)
    if phase.kind.startswith("fair_"):
        return RoomState(**base, **_fair(repo, session_id, phase.kind))
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
                     follow_last=phase.kind in ("capture", "turns", "discuss"))


def _cluster_note(numbers: list[int], groups: list[str]) -> str:
    """ "ideas 1, 2 y 4 · de Cabecera y Comités de obra": which positions meet in a cluster."""
    if not numbers:
        return _("sin ideas todavía")
    ideas = ngettext("idea {numbers}", "ideas {numbers}", len(numbers)).format(
        numbers=wording.join_numbers(numbers))
    if not groups:
        return ideas
    return _("{ideas} · de {groups}").format(ideas=ideas, groups=wording.join_items(groups))


def _fair_letters(repo: Repo, session_id: str) -> tuple[str, ...]:
    """The letters as they are read aloud: folio, stand and authority (never a contact)."""
    stands = {s.id: s for s in repo.fair.stands(session_id)}
    authorities = {a.id: a for a in repo.fair.authorities(session_id)}
    return tuple(_("Carta {folio}: stand {stand} ({title}) con {authority}").format(
        folio=letter.folio, stand=stands[letter.stand_id].number,
        title=stands[letter.stand_id].title, authority=authorities[letter.authority_id].label())
        for letter in repo.fair.letters(session_id))


def _fair(repo: Repo, session_id: str, kind: str) -> dict:
    """What matters in each phase of the fair: stands, the authorities, the interest, letters."""
    stands = repo.fair.stands(session_id)
    authorities = repo.fair.authorities(session_id)
    letters = _fair_letters(repo, session_id)
    if kind in ("fair_authorities", "fair_visits"):
        visited: dict[int, list[int]] = {}
        for visit in repo.fair.visits(session_id):
            seen = visited.setdefault(visit.authority_number, [])
            if visit.stand_number not in seen:
                seen.append(visit.stand_number)
        items = tuple(RoomItem(str(a.number), a.label(), ngettext(
            "visitó el stand {numbers}", "visitó los stands {numbers}",
            len(visited[a.number])).format(numbers=wording.join_numbers(visited[a.number]))
            if kind == "fair_visits" and visited.get(a.number) else "")
            for a in authorities)
        footer = "" if authorities else _("Aún no hay autoridades registradas.")
        return dict(mode="fair", items=items, items_title=_("Autoridades presentes"),
                    footer=footer, extra={"letters": len(letters)})
    if kind == "fair_interest":
        matrix = repo.fair.interest_matrix(session_id)
        items = []
        for stand in stands:
            levels = [level for (number, _a), level in matrix.items() if number == stand.number]
            parts = [_("{level}: {count}").format(level=_(label), count=levels.count(key))
                     for key, label in INTEREST_LEVELS.items() if levels.count(key)]
            items.append(RoomItem(str(stand.number), stand.title,
                                  " · ".join(parts) if parts else _("sin interés todavía")))
        return dict(mode="fair", items=tuple(items), items_title=_("Interés por stand"),
                    extra={"letters": len(letters)})
    items = tuple(RoomItem(str(s.number), s.title) for s in stands)
    return dict(mode="fair", items=items, items_title=_("Stands"),
                sentences=letters, sentences_title=_("Cartas compromiso"),
                footer="" if letters or kind in ("fair_teams", "fair_map")
                else _("Aún no hay cartas compromiso."),
                extra={"letters": len(letters)})


def _note(idea) -> str:
    """A merged idea or one that includes others, said as every screen and paper says it."""
    if idea.status == "withdrawn":
        return ""
    return idea_state(status=idea.status, merged_into=idea.merged_into_number,
                      absorbed=idea.absorbed)


def _option_items(repo: Repo, session_id: str, method) -> tuple[RoomItem, ...]:
    """What the vote is on, numbered and labelled (``repo.votes.options_for``)."""
    return tuple(RoomItem(str(o.number), o.label) for o in repo.votes.options_for(session_id))


def _results(repo: Repo, session_id: str, method) -> dict | None:
    """The round whose result stands: every place, then how the places were decided."""
    round_ = repo.votes.result_round(session_id)
    if round_ is None:
        return None
    result = repo.votes.tally(session_id, round_)
    texts = {int(item.number): item.text for item in _option_items(repo, session_id, method)}
    items = result_items(result, texts, repo.votes.noun(session_id))
    return dict(mode="results", items=items,
                items_title=_("Resultados: {round}").format(round=round_label(round_)),
                sentences=(result.rule_text, *result_sentences(result)),
                sentences_title=_("Cómo se decidieron los lugares"))
