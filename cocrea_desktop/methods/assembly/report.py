"""What the assembly's reports say in its own words (read by ``export.relatoria``, the
acta panel and the acta PDF): the agenda, who spoke in counts by sector and sex (no
names), each item's proposals with the vote on them, the agreements. Qt-free."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocrea_desktop.export.relatoria import Section
from cocrea_desktop.i18n import _, ngettext
from cocrea_desktop.methods.assembly.room import proposal_note
from cocrea_desktop.methods.assembly.rules import percent

if TYPE_CHECKING:
    from cocrea_desktop.export.evidence import SessionSnapshot
    from cocrea_desktop.store.repo import Repo


def minutes_text(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}:{rest:02d}"


def share_lines(share: dict[str, dict[str, tuple[int, float]]]) -> tuple[str, ...]:
    """ "Mujer: 5 turnos, 12:30 min (46 %)" per sex, then per sector."""
    total = sum(sec for _n, sec in share["sex"].values())
    lines = []
    for dimension, title in (("sex", _("Por sexo")), ("sector", _("Por sector"))):
        for category, (turns, seconds) in share[dimension].items():
            lines.append(_("{title} · {category}: {turns}, {time} min ({share} %)").format(
                title=title, category=category,
                turns=ngettext("{count} turno", "{count} turnos", turns).format(count=turns),
                time=minutes_text(seconds), share=percent(seconds, total)))
    return tuple(lines)


def acta_sections(repo: Repo, session_id: str, *, public: bool = False
                  ) -> tuple[Section, ...]:
    a = repo.assembly
    present, quorum = a.present(session_id), a.quorum(session_id)
    rules = [_("Presentes según la asistencia: {present}").format(present=present),
             _("Quórum: {quorum} personas ({state})").format(
                 quorum=quorum, state=_("hubo quórum") if present >= quorum else
                 _("no hubo quórum")) if quorum else _("Sin quórum fijado"),
             _("Tiempo por orador: {minutes} min, igual para todos").format(
                 minutes=f"{a.speaker_minutes(session_id):g}")]
    out = [Section(_("Reglas de la asamblea"), tuple(rules))]
    items = a.items(session_id)
    out.append(Section(_("Orden del día"), tuple(
        _("{number}. {title}").format(number=i.number, title=i.title) for i in items)
        or (_("Sin puntos"),)))
    for item in items:
        speakers = a.speakers(item.id)
        spoke = [s for s in speakers if s.ended_at]
        second = sum(1 for s in spoke if s.speaking_round == 2)
        lines = [ngettext("{count} turno de palabra", "{count} turnos de palabra",
                          len(spoke)).format(count=len(spoke))]
        if second:
            lines[0] += " " + ngettext("({count} de segunda ronda)",
                                       "({count} de segunda ronda)", second).format(
                count=second)
        lines += share_lines(a.speaking_share(session_id, item.id)) if spoke else []
        for p in a.proposals(session_id, item.id):
            lines.append(_("Propuesta {number}: {text} — {result}").format(
                number=p.number, text=p.text, result=proposal_note(a.last_vote(p.id))))
        out.append(Section(_("Punto {number}: {title}").format(number=item.number,
                                                               title=item.title),
                           tuple(lines)))
    agreements = []
    for agreement in a.agreements(session_id):
        vote = a.vote(agreement.vote_id)
        counted = (_(", contó: {counter}").format(counter=vote.counter)
                   if vote.counter and not public else "")
        agreements.append(_("Acuerdo {number}: {text} (votación {summary}{counted})").format(
            number=agreement.number, text=agreement.text, summary=vote.summary(),
            counted=counted))
    out.append(Section(_("Acuerdos"), tuple(agreements) or (_("No se tomaron acuerdos."),)))
    whole = a.speaking_share(session_id)
    if whole["sex"]:
        out.append(Section(_("Tiempo de palabra en toda la asamblea"), share_lines(whole)))
    return tuple(out)


def sections(repo: Repo, session_id: str, snap: SessionSnapshot) -> tuple[Section, ...]:
    """The relatoría's summary of an assembly: the same sections as its acta (in a public
    document, without the name of who counted the hands)."""
    return acta_sections(repo, session_id, public=snap.public)
