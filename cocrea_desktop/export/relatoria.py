"""The relatoría as facts and sentences, computed once, without Qt, from the session snapshot.

The screen (the relatoría tab, the fishbowl's synthesis) and the relatoría PDF both
render a :class:`RelatoriaFacts`: the same facts in the same words ("fusionada en la
4" is said one way, whatever shows it). The renderers only lay it out: HTML on the
screen, tables and paragraphs in the PDF. :meth:`RelatoriaFacts.sentences` lists
every sentence either of them shows, which is what a test compares.

A method adds what is its own through the ``report`` module of its package (found
by name): ``RELATORIA_HEADINGS`` (its titles for the facilitator's fields) and
``sections(repo, session_id, snap)`` (its summary: the fishbowl's turns, its groups
of ideas with the positions that raised them, the ideas left out of every group), and
``OMITS``: the generic parts that do not apply to it (:data:`OMITTABLE`; a fair has no
ideas, merges, convergences or dissent), which neither the screen nor the PDF shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.core.methods import get_method
from cocrea_desktop.core.room import option_label
from cocrea_desktop.core.voting import wording
from cocrea_desktop.export import evidence
from cocrea_desktop.export.evidence import RoundResult, SessionSnapshot
from cocrea_desktop.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: The facilitator's fields of a relatoría, in order, with their generic titles (msgids);
#: a method's ``report`` module may name them its own way (``RELATORIA_HEADINGS``).
RELATORIA_FIELDS: tuple[tuple[str, str], ...] = (
    ("convergences", N_("Convergencias")),
    ("dissent", N_("Disensos")),
    ("next_steps", N_("Próximos pasos")),
    ("notes", N_("Notas")),
)


#: The generic parts a method's ``report`` may leave out (``OMITS``): the ideas, the
#: merges, and any facilitator's field (by its key in :data:`RELATORIA_FIELDS`).
OMITTABLE = frozenset({"ideas", "merges"} | {key for key, _title in RELATORIA_FIELDS})


def method_report(method_key: str) -> Any:
    """The ``report`` module of a method's package (found by name), or None."""
    try:
        return get_method(method_key).module("report")
    except InvalidInput:  # a method this program lacks: the generic wording
        return None


def relatoria_headings(method_key: str) -> tuple[tuple[str, str], ...]:
    """(field, translated title) of the facilitator's fields for a method."""
    report = method_report(method_key)
    own = getattr(report, "RELATORIA_HEADINGS", {})
    omits = relatoria_omits(method_key)
    return tuple((key, _(own.get(key, title))) for key, title in RELATORIA_FIELDS
                 if key not in omits)


def relatoria_omits(method_key: str) -> frozenset[str]:
    """The generic parts of a relatoría that do not apply to a method (its ``OMITS``)."""
    return frozenset(getattr(method_report(method_key), "OMITS", ())) & OMITTABLE


def merge_status(status: str) -> str:
    return {
        "proposed": _("propuesta, sin acuerdo"),
        "agreed": _("acordada por la sala"),
        "rejected": _("descartada"),
        "undone": _("deshecha"),
    }.get(status, status)


def idea_state(*, status: str, merged_into: int | None = None, withdraw_reason: str = "",
               absorbed: tuple[int, ...] | list[int] = (), cluster: int | None = None,
               clustered_vote: bool = False) -> str:
    """An idea's state in a few words, the same on every screen and paper: "fusionada en
    la 4", "retirada: …", "incluye 6, 9", "grupo de ideas 2"; "" for a plain active idea."""
    if status == "merged":
        return _("fusionada en la {number}").format(number=merged_into)
    if status == "withdrawn":
        return _("retirada: {reason}").format(reason=withdraw_reason)
    parts = []
    if clustered_vote:
        parts.append(_("grupo de ideas {number}").format(number=cluster) if cluster is not None
                     else _("sin grupo de ideas: no se votó"))
    if absorbed:
        parts.append(_("incluye {numbers}").format(numbers=", ".join(str(n) for n in absorbed)))
    return " · ".join(parts)


def state_cell(status: str, state: str) -> str:
    """The state as a table cell: "Fusionada en la 4", "Vigente · incluye 6", "Vigente"."""
    if status == "active":
        state = " · ".join(x for x in (_("vigente"), state) if x)
    return wording.capital(state)


@dataclass(frozen=True)
class IdeaLine:
    number: int
    text: str
    state: str  # "" for a plain active idea
    status: str = "active"

    @property
    def withdrawn(self) -> bool:
        return self.status == "withdrawn"

    def cell(self) -> str:
        return state_cell(self.status, self.state)


@dataclass(frozen=True)
class Section:
    """A titled list of lines (the fishbowl's turns, its groups of ideas...)."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class RelatoriaFacts:
    question: str
    facts: tuple[tuple[str, str], ...]
    ideas_title: str
    ideas: tuple[IdeaLine, ...]
    merges: tuple[str, ...]
    sections: tuple[Section, ...] = ()
    #: The result that stands: which round, its warning, its rule and counts, its places.
    standing: str = ""
    warning: str = ""
    round_title: str = ""
    rule: str = ""
    counts: tuple[str, ...] = ()
    results: tuple[str, ...] = ()
    no_votes: str = ""
    tie_breaks: tuple[str, ...] = ()
    near_ties: tuple[str, ...] = ()
    #: The facilitator's fields: (title, text), in order.
    fields: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    #: The generic parts this method leaves out ("ideas", "merges"): not shown at all.
    omits: frozenset[str] = frozenset()

    def shows(self, part: str) -> bool:
        """Whether the screen and the PDF show a generic part ("ideas", "merges")."""
        return part not in self.omits

    def sentences(self) -> tuple[str, ...]:
        """Every sentence the screen and the PDF both show (the test compares these)."""
        out = [self.question, *(value for _label, value in self.facts if value != "—")]
        if self.shows("ideas"):
            out.append(self.ideas_title)
        out += [i.text for i in self.ideas] + [i.state for i in self.ideas if i.state]
        out += list(self.merges)
        for section in self.sections:
            out += [section.title, *section.lines]
        out += [s for s in (self.standing, self.warning, self.round_title, self.rule,
                            self.no_votes) if s]
        out += [*self.counts, *self.results, *self.tie_breaks, *self.near_ties]
        return tuple(out)


def session_facts(snap: SessionSnapshot) -> tuple[tuple[str, str], ...]:
    """What, where, when and who: the same rows in the relatoría and the acta."""
    s = snap.session
    return (
        (_("Método"), s["method_name"]),
        (_("Mesa"), s["table"] or "—"),
        (_("Fecha"), dates.format_date(s["date"]) or "—"),
        (_("Lugar"), s["place"] or "—"),
        (_("Participantes"), str(s["participant_count"] or "—")),
        (_("Lenguas"), dates.language_names(s["languages"]) or "—"),
        (_("Intérprete"), _("Sí") if s["interpreter"] else _("No")),
        (_("Nivel de participación prometido"), s["participation_level_name"]),
        (_("Estado"), s["status_name"]),
        (_("Facilitación"), s["facilitator"] or "—"),
    )


def counts_line(r: RoundResult) -> str:
    """ "Boletas contadas: 12 · anuladas: 1 · 2 boletas con alguna entrada que no cuenta"."""
    if r.mode == "counts":
        return ""
    line = _("Boletas contadas: {counted} · anuladas: {spoiled}").format(
        counted=len(r.counted), spoiled=len(r.spoiled))
    with_voids = sum(1 for item in r.counted if item["voids"])
    if with_voids:  # counted, but some of their entries do not count: say so
        line += " · " + ngettext(
            "{count} boleta con alguna entrada que no cuenta",
            "{count} boletas con alguna entrada que no cuenta", with_voids).format(
            count=with_voids)
    return line


def result_line(snap: SessionSnapshot, row: dict[str, Any]) -> str:
    """One place of the result: "Lugar 1: idea 4 «…» (45 puntos)"."""
    noun = wording.NOUNS[snap.option_noun_key]
    return _("Lugar {rank}: {option} «{text}» ({total})").format(
        rank=row["rank"] if row["rank"] is not None else "–",
        option=option_label(noun, row["option"]), text=snap.option_text(row["option"]),
        total=row["total_words"])


def relatoria_facts(snap: SessionSnapshot, *, sections: tuple[Section, ...] = ()
                    ) -> RelatoriaFacts:
    """The relatoría of a (non-public) session snapshot; ``sections``: the method's own."""
    clustered = snap.option_noun_key == wording.CLUSTER.key
    ideas = tuple(IdeaLine(
        number=i["number"], text=i["text"], status=i["status"],
        state=idea_state(status=i["status"], merged_into=i["merged_into"],
                         withdraw_reason=i["withdraw_reason"], absorbed=i["absorbed"],
                         cluster=i["cluster"], clustered_vote=clustered))
        for i in snap.ideas)
    active = sum(1 for i in snap.ideas if i["status"] == "active")
    merges = tuple(_("La idea {into} incluye {numbers}: {status}.").format(
        into=m["into"], numbers=", ".join(str(n) for n in m["from"]),
        status=merge_status(m["status"])) for m in snap.merges)
    rel = snap.relatoria
    fields = tuple((title, rel[key])
                   for key, title in relatoria_headings(snap.session["method"]))
    values: dict[str, Any] = {}
    final = snap.final_round()
    if final is None:
        values["no_votes"] = _("Esta sesión aún no tiene votos.")
    else:
        if len(snap.rounds) > 1:
            values["standing"] = _("Resultado de la sesión: {round}.").format(
                round=final.label.lower())
        if snap.result_warning:
            values["warning"] = _("Aviso: {message}").format(message=snap.result_warning)
        values["round_title"] = final.label
        if final.error:
            values["rule"] = final.error
        else:
            values["rule"] = _("Regla: {rule}").format(rule=final.rule_text)
            values["counts"] = tuple(x for x in (*final.notes, counts_line(final)) if x)
            values["results"] = tuple(result_line(snap, row) for row in final.rows)
            values["tie_breaks"] = tuple(final.tie_breaks)
            values["near_ties"] = tuple(final.near_ties)
    return RelatoriaFacts(
        question=snap.session["question"], facts=session_facts(snap),
        ideas_title=_("Ideas ({active} vigentes de {total} dichas)").format(
            active=active, total=len(snap.ideas)),
        ideas=ideas, merges=merges, sections=sections, fields=fields,
        omits=relatoria_omits(snap.session["method"]), **values)


def session_relatoria(repo: Repo, session_id: str, snap: SessionSnapshot | None = None
                      ) -> RelatoriaFacts:
    """The relatoría of a session, read from the process (the snapshot's, if given)."""
    snap = snap or evidence.session_snapshot(repo, session_id, public=False)
    own = getattr(method_report(snap.session["method"]), "sections", None)
    return relatoria_facts(snap, sections=own(repo, session_id, snap) if own else ())
