"""What the idea fair's relatoría says in its own words (read by ``export.relatoria``):
the stands with their teams and themes, the authorities present, the tour, the
interest each authority declared, and every carta compromiso with its follow-up.
Computed without Qt; the screen and the PDF both show it.

A fair captures no ideas, merges nothing and asks no one to converge: ``OMITS``
names the generic parts of a relatoría that do not apply to it. The promoter
team's contact person and phone are personal data and never appear here.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from cocrea_desktop.core import dates
from cocrea_desktop.core.room import option_label
from cocrea_desktop.core.voting import wording
from cocrea_desktop.export.relatoria import Section
from cocrea_desktop.i18n import N_, _, ngettext
from cocrea_desktop.methods.idea_fair.store import INTEREST_LEVELS, LETTER_STATUSES

if TYPE_CHECKING:
    from cocrea_desktop.export.evidence import SessionSnapshot
    from cocrea_desktop.store.repo import Repo

#: The generic parts of a relatoría a fair has nothing for (see ``export.relatoria``).
OMITS = frozenset({"ideas", "merges", "convergences", "dissent"})

#: A fair's facilitator writes what follows from the letters.
RELATORIA_HEADINGS = {"next_steps": N_("Próximos pasos después de la feria")}

#: What an authority said of a stand, as a verb phrase ("pide reunión").
INTEREST_WORDS = {
    "interested": N_("le interesa"),
    "meeting": N_("pide reunión"),
    "commit": N_("firma compromiso"),
}


def _stand(number: int, title: str) -> str:
    noun = wording.NOUNS["stand"]
    return _("{stand} «{title}»").format(stand=option_label(noun, number), title=title)


def sections(repo: Repo, session_id: str, snap: SessionSnapshot) -> tuple[Section, ...]:
    """The fair's summary: stands, authorities, tour, interest, letters."""
    fair = repo.fair
    stands = fair.stands(session_id)
    authorities = fair.authorities(session_id)
    visits = fair.visits(session_id)
    per_stand = Counter(v.stand_number for v in visits)
    titles = {s.number: s.title for s in stands}
    names = {a.number: a.name for a in authorities}
    out = []

    lines = []
    for s in stands:
        parts = [_stand(s.number, s.title)]
        if s.organisation:
            parts.append(_("equipo: {team}").format(team=s.organisation))
        if s.theme:
            parts.append(_("tema: {theme}").format(theme=s.theme))
        parts.append(ngettext("{count} visita", "{count} visitas", per_stand[s.number])
                     .format(count=per_stand[s.number]))
        lines.append(" · ".join(parts))
    out.append(Section(_("Stands y equipos ({count})").format(count=len(stands)),
                       tuple(lines) or (_("No se registraron stands."),)))

    out.append(Section(
        _("Autoridades presentes ({count})").format(count=len(authorities)),
        tuple(a.label() for a in authorities) or (_("No se registraron autoridades."),)))

    tour = []
    for v in visits:
        line = _("{time}: {name} visitó el {stand}").format(
            time=dates.format_time(v.visited_at), name=names.get(v.authority_number, "—"),
            stand=_stand(v.stand_number, titles.get(v.stand_number, "—")))
        if v.notes:
            line += " — " + v.notes
        tour.append(line)
    out.append(Section(
        ngettext("Recorrido ({count} visita)", "Recorrido ({count} visitas)", len(visits))
        .format(count=len(visits)), tuple(tour) or (_("No se registraron visitas."),)))

    interest = []
    for (stand, authority), level in sorted(fair.interest_matrix(session_id).items(),
                                            key=lambda item: (item[0][1], item[0][0])):
        interest.append(_("{name}: {level} — {stand}").format(
            name=names.get(authority, "—"),
            level=_(INTEREST_WORDS.get(level, INTEREST_LEVELS.get(level, level))),
            stand=_stand(stand, titles.get(stand, "—"))))
    out.append(Section(_("Interés de las autoridades"),
                       tuple(interest) or (_("Ninguna autoridad declaró interés."),)))

    by_id_stand = {s.id: s for s in stands}
    by_id_authority = {a.id: a for a in authorities}
    letters = []
    for letter in fair.letters(session_id):
        stand = by_id_stand.get(letter.stand_id)
        authority = by_id_authority.get(letter.authority_id)
        parts = [_("{folio}: {stand} con {authority}").format(
            folio=letter.folio,
            stand=_stand(stand.number, stand.title) if stand else "—",
            authority=authority.label() if authority else "—")]
        if letter.team_commits:
            parts.append(_("el equipo se compromete a: {text}").format(text=letter.team_commits))
        if letter.authority_commits:
            parts.append(_("la autoridad se compromete a: {text}").format(
                text=letter.authority_commits))
        if letter.next_step:
            step = letter.next_step.rstrip(".")
            if letter.next_step_date:
                step += f" ({dates.format_date(letter.next_step_date)})"
            parts.append(_("próximo paso: {step}").format(step=step))
        status = _(LETTER_STATUSES.get(letter.status, letter.status))
        if letter.status_reason:
            status += ": " + letter.status_reason
        parts.append(_("seguimiento: {status}").format(status=status))
        if letter.responsible:
            parts.append(_("responsables: {names}").format(names=letter.responsible))
        if letter.next_meeting:
            parts.append(_("próxima reunión: {date}").format(
                date=dates.format_date(letter.next_meeting)))
        parts.append(_("carta firmada adjunta") if fair.attachments(letter.id)
                     else _("sin carta firmada adjunta"))
        letters.append(" · ".join(parts))
    out.append(Section(
        _("Cartas compromiso ({count})").format(count=len(letters)),
        tuple(letters) or (_("No se redactaron cartas."),)))
    return tuple(out)
