"""The relatoría as facts and sentences, computed once, without Qt, from the session snapshot.

The screen (the relatoría tab, the fishbowl's synthesis) and the relatoría PDF both
render a :class:`RelatoriaFacts`: the same facts in the same words ("fusionada en la
4" is said one way, whatever shows it). The renderers only lay it out: HTML on the
screen, tables and paragraphs in the PDF. :meth:`RelatoriaFacts.sentences` lists
every sentence either of them shows, which is what a test compares.

A vote on groups of ideas (the fishbowl) adds its summary: the turns, each group
of ideas with the positions that raised it and its points, the ideas left out of
every group (:func:`fishbowl_sections`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core import dates
from cocrea_desktop.core.room import option_label
from cocrea_desktop.core.timers import format_remaining
from cocrea_desktop.core.voting import wording
from cocrea_desktop.export import evidence
from cocrea_desktop.export.evidence import RoundResult, SessionSnapshot
from cocrea_desktop.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo

#: What the synthesis fields hold in a vote on groups of ideas: raising the same theme
#: is not agreeing on it, and a theme of one position is not a disagreement.
SEVERAL_POSITIONS = N_("Temas que plantearon varias posturas")
ONE_POSITION = N_("Temas que planteó una sola postura")


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

    def sentences(self) -> tuple[str, ...]:
        """Every sentence the screen and the PDF both show (the test compares these)."""
        out = [self.question, *(value for _label, value in self.facts if value != "—"),
               self.ideas_title]
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
        (_("Lenguas"), s["languages"] or "—"),
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
    if clustered:
        agreed, apart = _(SEVERAL_POSITIONS), _(ONE_POSITION)
    else:
        agreed, apart = _("Convergencias"), _("Disensos")
    rel = snap.relatoria
    fields = tuple((title, rel[key]) for key, title in (
        ("convergences", agreed), ("dissent", apart), ("next_steps", _("Próximos pasos")),
        ("notes", _("Notas"))))
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
        ideas=ideas, merges=merges, sections=sections, fields=fields, **values)


# -- the fishbowl's summary ---------------------------------------------------------------


def turn_details(turn: Any) -> list[str]:
    """What a finished turn left on record besides its end: overrun, pauses."""
    details = []
    if turn.overrun_seconds >= 1:
        details.append(_("se pasó {time}").format(time=format_remaining(turn.overrun_seconds)))
    if turn.pauses:
        details.append(ngettext("{count} pausa", "{count} pausas", turn.pauses).format(
            count=turn.pauses))
    return details


def turn_status(turn: Any) -> str:
    """A turn's state in words (never a colour alone)."""
    if turn.running:
        return _("En el centro")
    if turn.done:
        return " · ".join([_("Turno terminado")] + turn_details(turn))
    return _("Pendiente")


def shared_text(groups: list[str]) -> str:
    """How many positions raised a group of ideas."""
    if len(groups) > 1:
        return ngettext("Coincidencia: {count} postura", "Coincidencia: {count} posturas",
                        len(groups)).format(count=len(groups))
    if groups:
        return _("Una sola postura")
    return _("Sin ideas")


def cluster_points(snap: SessionSnapshot) -> dict[int, str]:
    """The standing result's total per group of ideas, in words ({} before any vote)."""
    final = snap.final_round()
    if final is None or final.error:
        return {}
    return {row["option"]: row["total_words"] for row in final.rows}


def fishbowl_sections(repo: Repo, session_id: str, snap: SessionSnapshot
                      ) -> tuple[Section, ...]:
    """The fishbowl's summary: the turns, the groups of ideas with the positions that
    raised them (most points first), and the ideas in no group (not voted)."""
    turns = repo.fishbowl.turns(session_id)
    out = [Section(_("Turnos ({minutes} min por grupo)").format(
        minutes=int(repo.fishbowl.turn_minutes(session_id))),
        tuple(_("{group} — {status}").format(group=t.group.label, status=turn_status(t))
              for t in turns))]
    clusters = repo.ideas.clusters(session_id)
    shared = repo.fishbowl.cluster_groups(session_id)
    points = cluster_points(snap)
    totals = {row["option"]: row["total"] or 0
              for row in (snap.final_round().rows if points else ())}
    lines = []
    for c in sorted(clusters, key=lambda c: (-totals.get(c.number, 0), c.number)):
        groups = shared.get(c.id, [])
        line = _("{number}. {label} — {groups} ({shared})").format(
            number=c.number, label=c.label, groups=", ".join(groups) or "—",
            shared=shared_text(groups))
        if points:
            line += " · " + points.get(c.number, wording.points(0))
        lines.append(line)
    out.append(Section(_("Grupos de ideas"), tuple(lines)))
    loose = repo.ideas.unclustered(session_id)
    if loose:
        labels = {g.id: g.label for g in repo.fishbowl.groups(session_id)}
        out.append(Section(_("Ideas sin grupo de ideas (no se votaron)"), tuple(
            _("{number}. {text} — {group}").format(number=i.number, text=i.text,
                                                    group=labels.get(i.group_key, "—"))
            for i in loose)))
    return tuple(out)


def session_relatoria(repo: Repo, session_id: str, snap: SessionSnapshot | None = None
                      ) -> RelatoriaFacts:
    """The relatoría of a session, read from the process (the snapshot's, if given)."""
    snap = snap or evidence.session_snapshot(repo, session_id, public=False)
    sections = fishbowl_sections(repo, session_id, snap) \
        if snap.option_noun_key == wording.CLUSTER.key else ()
    return relatoria_facts(snap, sections=sections)
