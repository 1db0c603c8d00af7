"""What the room sees, as pages: places, numbers, values and sentences, without Qt.

The projector ("Vista para la sala") and any printed copy share these rules:

* a result is a *place* ("1.º") apart from the option's number ("idea 7"), so
  that a room does not read an idea number as a place;
* a list never shrinks its text to fit: it is cut into pages of at most
  :data:`PER_PAGE` items (fewer when the texts are long; the caller says what fits);
* tie-breaks and near-ties are plain sentences on a page of their own.

The caller measures: :func:`paginate` takes ``fits(items) -> bool`` (the
projector answers with its font metrics, a PDF with its own); without it, a
page holds :data:`PER_PAGE` items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from cocrea_desktop.core.voting import wording
from cocrea_desktop.i18n import _

#: The most items a room page holds (fewer when their texts are long).
PER_PAGE = 5
#: The seconds a page stays up before the next one, when there are several.
PAGE_SECONDS = 8
#: What a method's room ``timer`` hook returns for a phase that shows no clock right now
#: (a fishbowl whose turns are all over): not the phase's own idle timer either.
NO_TIMER = ("", 0.0)

T = TypeVar("T")


@dataclass(frozen=True)
class RoomItem:
    """One line of a room list: an idea, a cluster, a stand, a group or a result.

    ``number`` is the big figure at the left (the idea number in a list of
    ideas, the place in results); ``label`` names the option in results
    ("idea 7") so that it is never read as the place; ``value`` is the result
    in words ("45 puntos") and ``share`` its bar length (0..1).
    """

    number: str
    text: str
    note: str = ""
    label: str = ""
    value: str = ""
    share: float | None = None
    place: int | None = None


@dataclass(frozen=True)
class RoomPage:
    """One page of the room: a title, and items or sentences; both (the sentences under
    ``sentences_title``, below the items) when a short list and its sentences fit
    together: the options of a vote with the rule that says how to vote."""

    title: str
    items: tuple[RoomItem, ...] = ()
    sentences: tuple[str, ...] = ()
    index: int = 0  # 0-based
    count: int = 1
    sentences_title: str = ""

    @property
    def counter(self) -> str:
        """ "2 / 3" when there are several pages, else ""."""
        if self.count <= 1:
            return ""
        return _("{page} / {pages}").format(page=self.index + 1, pages=self.count)


def place_label(rank: int) -> str:
    """The place as a room reads it: "1.º"."""
    return _("{rank}.º").format(rank=rank)


def result_items(result: Any, texts: dict[int, str], noun: wording.OptionNoun
                 ) -> tuple[RoomItem, ...]:
    """Every row of a tally, best first: place, "idea 7", the text, the value and a bar."""
    top = max((r.total or 0 for r in result.rows), default=0) or 1
    near = result.near_options()
    # Options level on their total, placed apart only by the tie-break cascade.
    near_exact = {o for tie in result.near_ties if not tie.difference
                  for o in (*tie.higher, *tie.lower)}
    shared = {}
    for row in result.rows:
        if row.rank is not None:
            shared[row.rank] = shared.get(row.rank, 0) + 1
    items = []
    for row in result.rows:
        notes = []
        if row.rank is not None and shared.get(row.rank, 0) > 1:
            notes.append(_("empate"))
        elif row.option in near_exact:
            notes.append(_("empate, decidido por el desempate"))
        elif row.option in near:
            notes.append(_("casi empate"))
        items.append(RoomItem(
            number=place_label(row.rank) if row.rank is not None else "–",
            text=texts.get(row.option, ""),
            note=", ".join(notes),
            label=option_label(noun, row.option),
            value=row.total_words(),
            share=max(0.0, float(row.total or 0) / float(top)),
            place=row.rank))
    return tuple(items)


def option_label(noun: wording.OptionNoun, number: int) -> str:
    """An option as a list names it beside its place: "idea 7", "stand 2"."""
    return _("{noun} {number}").format(noun=noun.bare(), number=number)


def result_sentences(result: Any) -> tuple[str, ...]:
    """How the places were decided, in plain words: the tie-breaks, the near-ties."""
    return (*(step.text for step in result.tie_breaks), *(tie.text for tie in result.near_ties))


def paginate(items: Sequence[T], *, per_page: int = PER_PAGE,
             fits: Callable[[Sequence[T]], bool] | None = None) -> list[tuple[T, ...]]:
    """Cut ``items`` into pages of at most ``per_page``, each one that ``fits``.

    An item that does not fit even alone gets a page of its own (the caller
    then shows it as best it can). No items: one empty page.
    """
    pages: list[tuple[T, ...]] = []
    current: list[T] = []
    for item in items:
        trial = current + [item]
        if current and (len(trial) > per_page or (fits is not None and not fits(trial))):
            pages.append(tuple(current))
            current = [item]
        else:
            current = trial
    if current or not pages:
        pages.append(tuple(current))
    return pages


def build_pages(title: str, items: Iterable[RoomItem], *, sentences_title: str = "",
                sentences: Iterable[str] = (), per_page: int = PER_PAGE,
                fits_items: Callable[[Sequence[RoomItem]], bool] | None = None,
                fits_sentences: Callable[[Sequence[str]], bool] | None = None,
                sections: Iterable[tuple[str, Iterable[str]]] = (),
                fits_page: Callable[[Sequence[RoomItem], str, Sequence[str]], bool] | None
                = None) -> tuple[RoomPage, ...]:
    """The pages of a room list: the items, then the sentences on pages of their own.

    When the items take one page and ``fits_page(items, sentences_title, sentences)``
    says the first sentences fit below them, they share that page (a vote's options and
    its rule: one page, no turning). ``sections`` are further sentences under titles of
    their own ("Cartas compromiso" after the results), each on its own pages, after the
    first sentences.
    """
    items = tuple(items)
    groups = [(sentences_title or title, tuple(s for s in sentences if s))]
    groups += [(t or title, tuple(s for s in more if s)) for t, more in sections]
    groups = [(t, chunk) for t, chunk in groups if chunk]
    drafts: list[tuple[str, tuple[RoomItem, ...], tuple[str, ...], str]] = []
    if items or not groups:
        drafts += [(title, chunk, (), "") for chunk in paginate(items, per_page=per_page,
                                                                 fits=fits_items)]
    first = tuple(s for s in sentences if s)
    if fits_page is not None and len(drafts) == 1 and drafts[0][1] and first and \
            groups and groups[0][1] == first and fits_page(drafts[0][1], groups[0][0], first):
        drafts[0] = (title, drafts[0][1], first, groups[0][0])
        groups = groups[1:]
    for group_title, group in groups:
        drafts += [(group_title, (), chunk, "")
                   for chunk in paginate(group, per_page=per_page, fits=fits_sentences)]
    return tuple(RoomPage(t, i, s, index=n, count=len(drafts), sentences_title=st)
                 for n, (t, i, s, st) in enumerate(drafts))
